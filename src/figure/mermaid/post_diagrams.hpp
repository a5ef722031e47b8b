// Diagrams as parts of a post: their problems reported at the post's own lines, the same way for every
// output (EPUB, `postpress check`, later PDF).
#pragma once

#include "base/diagnostics.hpp"
#include "figure/mermaid/render.hpp"
#include "model/document.hpp"

#include <vector>

namespace pp::figure::mermaid {

// Every diagram block of a document, in document order.
std::vector<const model::Block*> diagram_blocks(const model::Document& doc);

// Reports a prepared diagram's warnings, and why it was not drawn, at the post's lines (line k of the
// diagram is the fence's line + k). Returns whether the diagram can be drawn.
bool report_diagram(const model::Document& doc, const model::Block& block, const PrepareResult& result,
                    base::DiagnosticSink& sink);

// Prepares (parses and lays out, draws nothing) every diagram of `doc` and reports as above.
void check_diagrams(const model::Document& doc, const ParseLimits& limits, base::DiagnosticSink& sink);

}  // namespace pp::figure::mermaid
