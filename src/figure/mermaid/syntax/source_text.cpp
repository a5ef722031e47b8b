// SourceText and IssueLog: CRLF/CR to LF without moving any line or column, and offset-to-position mapping.
#include "figure/mermaid/syntax/source_text.hpp"

#include <algorithm>

namespace pp::figure::mermaid::syntax {

SourceText::SourceText(std::string_view original) {
  text_.reserve(original.size());
  for (std::size_t i = 0; i < original.size(); ++i) {
    const char c = original[i];
    if (c != '\r') {
      text_ += c;
    } else if (i + 1 >= original.size() || original[i + 1] != '\n') {
      text_ += '\n';  // a lone CR ends a line; a CR before LF only disappears, at the end of its line
    }
  }
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SyntaxPos SourceText::pos_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());  // >= 1: line_starts_[0] == 0
  return SyntaxPos{static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

void SourceText::blank(std::size_t begin, std::size_t end) {
  end = std::min(end, text_.size());
  for (std::size_t i = begin; i < end; ++i) {
    if (text_[i] != '\n') text_[i] = ' ';
  }
}

void IssueLog::error(std::size_t offset, std::string message) {
  if (out_.errors.size() >= max_errors) return;
  out_.errors.push_back(SyntaxIssue{source_.pos_at(offset), std::move(message)});
}

void IssueLog::warning(std::size_t offset, std::string message) {
  if (out_.warnings.size() >= max_warnings) return;
  out_.warnings.push_back(SyntaxIssue{source_.pos_at(offset), std::move(message)});
}

void IssueLog::warning(SyntaxPos pos, std::string message) {
  if (out_.warnings.size() >= max_warnings) return;
  out_.warnings.push_back(SyntaxIssue{pos, std::move(message)});
}

}  // namespace pp::figure::mermaid::syntax
