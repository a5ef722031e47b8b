// RAII owner of a cmark-gfm parse (parser + root node) with the GFM extensions postpress uses.
// Only parse/ includes this header.
#pragma once

#include <cmark-gfm.h>

#include <string_view>

namespace pp::parse {

class CmarkTree {
 public:
  explicit CmarkTree(std::string_view markdown);
  ~CmarkTree();
  CmarkTree(const CmarkTree&) = delete;
  CmarkTree& operator=(const CmarkTree&) = delete;

  cmark_node* root() const { return root_; }

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* root_ = nullptr;
};

}  // namespace pp::parse
