// Lines of a text by number, in constant time: built once, so code that looks lines up per node (every
// footnote reference of a post) stays linear in the text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace pp::base {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // Line `line` (1-based) without its '\n'; empty when there is no such line.
  std::string_view line(int line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace pp::base
