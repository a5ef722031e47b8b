// The diagram text every stage reads: normalised line ends, blanked-out regions, offsets mapped back to positions.
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pp::figure::mermaid::syntax {

// Preprocessing never deletes text: it overwrites front matter, directives and comments with spaces, so an
// offset into `text` has the same line and column as in the author's source. Columns count bytes (as cmark does).
class SourceText {
 public:
  explicit SourceText(std::string_view original);

  const std::string& text() const { return text_; }
  SyntaxPos pos_at(std::size_t offset) const;
  // Replaces every byte of [begin, end) except line feeds with a space.
  void blank(std::size_t begin, std::size_t end);
  // Overwrites one byte without changing the line structure (used for `"` -> `'` inside HTML tags).
  void set(std::size_t offset, char c) { text_[offset] = c; }

 private:
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// Collects errors and warnings with positions; caps their number so a broken 50 kB input cannot flood the caller.
class IssueLog {
 public:
  IssueLog(const SourceText& source, ParsedDiagram& out) : source_(source), out_(out) {}

  void error(std::size_t offset, std::string message);
  void warning(std::size_t offset, std::string message);
  void warning(SyntaxPos pos, std::string message);
  bool has_errors() const { return !out_.errors.empty(); }
  // True once the error cap is reached: parsers stop instead of producing follow-on noise.
  bool saturated() const { return out_.errors.size() >= max_errors; }

  static constexpr std::size_t max_errors = 20;
  static constexpr std::size_t max_warnings = 100;

 private:
  const SourceText& source_;
  ParsedDiagram& out_;
};

}  // namespace pp::figure::mermaid::syntax
