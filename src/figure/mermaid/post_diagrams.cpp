// Diagram diagnostics in post coordinates.
#include "figure/mermaid/post_diagrams.hpp"

#include "model/walk.hpp"

#include <algorithm>

namespace pp::figure::mermaid {

std::vector<const model::Block*> diagram_blocks(const model::Document& doc) {
  std::vector<const model::Block*> out;
  model::walk_blocks(doc.blocks, [&](const model::Block& b) {
    if (b.kind == model::BlockKind::diagram) out.push_back(&b);
    return true;
  });
  return out;
}

bool report_diagram(const model::Document& doc, const model::Block& block, const PrepareResult& result,
                    base::DiagnosticSink& sink) {
  auto at = [&](const SyntaxIssue& issue) {
    return base::SourcePos{block.pos.line + issue.pos.line, block.pos.column - 1 + std::max(issue.pos.column, 1)};
  };
  for (const auto& warning : result.warnings) sink.warning(doc.source_name, at(warning), "diagram: " + warning.message);
  if (result.diagram) return true;
  const SyntaxIssue& e = result.errors.empty() ? SyntaxIssue{{1, 1}, "the diagram is empty"} : result.errors.front();
  sink.warning(doc.source_name, at(e), "diagram not drawn: " + e.message, {"it is shown as its source text"});
  return false;
}

void check_diagrams(const model::Document& doc, const ParseLimits& limits, base::DiagnosticSink& sink) {
  for (const model::Block* b : diagram_blocks(doc))
    report_diagram(doc, *b, prepare_diagram(b->text, doc.meta.lang, limits), sink);
}

}  // namespace pp::figure::mermaid
