#include "base/line_index.hpp"

namespace pp::base {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) starts_.push_back(at + 1);
}

std::string_view LineIndex::line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  const std::size_t start = starts_[static_cast<std::size_t>(line) - 1];
  const std::size_t end = text_.find('\n', start);
  return text_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace pp::base
