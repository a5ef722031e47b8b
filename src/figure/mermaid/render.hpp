// Mermaid source to a drawing: parse, lay out, then draw into any cairo_t or render to SVG/PNG/PDF bytes.
#pragma once

#include "figure/image_output.hpp"
#include "figure/mermaid/diagram.hpp"

#include <cairo.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pp::figure::mermaid {

struct FlowLayout;
struct SequenceLayout;

// A diagram ready to draw at its natural size (CSS pixels).
class PreparedDiagram {
 public:
  PreparedDiagram(std::shared_ptr<const FlowLayout> flow, std::shared_ptr<const SequenceLayout> sequence);
  double width() const;
  double height() const;
  void draw(cairo_t* cr) const;
  // The drawing as image bytes; draw() paints the theme's background first, and PNG rendering is told
  // when that background is opaque.
  std::string render(ImageRequest request) const;

 private:
  std::shared_ptr<const FlowLayout> flow_;
  std::shared_ptr<const SequenceLayout> sequence_;
};

struct PrepareResult {
  std::optional<PreparedDiagram> diagram;
  std::vector<SyntaxIssue> errors;      // why it cannot be drawn (syntax, unsupported type, layout failure)
  std::vector<SyntaxIssue> warnings;    // drawn, but something was ignored
  std::string alt_text;                 // the diagram's text in reading order
};

// `lang` (BCP 47) selects the CJK glyph forms. Never throws for any source.
PrepareResult prepare_diagram(std::string_view source, const std::string& lang, const ParseLimits& limits = {});

}  // namespace pp::figure::mermaid
