// Diagram blocks -> figure images. Names come from a hash of the source, language and format, so the same
// diagram twice is one file, and the bytes never depend on the order posts were given in.
#include "epub/diagram_images.hpp"

#include "base/sha1.hpp"
#include "figure/mermaid/render.hpp"

#include <cstdio>

namespace pp::epub {

namespace {

std::string short_hash(const std::string& text) {
  const auto digest = base::sha1(text);
  char hex[13];
  for (int i = 0; i < 6; ++i) std::snprintf(hex + 2 * i, 3, "%02x", digest[static_cast<std::size_t>(i)]);
  return hex;
}

void collect(const std::vector<model::Block>& blocks, std::vector<const model::Block*>& out) {
  std::vector<const std::vector<model::Block>*> stack{&blocks};
  while (!stack.empty()) {
    const auto* list = stack.back();
    stack.pop_back();
    for (const auto& b : *list) {
      if (b.kind == model::BlockKind::diagram) out.push_back(&b);
      if (!b.children.empty()) stack.push_back(&b.children);
    }
  }
}

}  // namespace

DiagramImages render_diagrams(const model::Book& book, bool svg, std::int64_t timestamp, Resources& resources,
                              base::DiagnosticSink& sink) {
  DiagramImages images;
  for (const auto& doc : book.chapters) {
    std::vector<const model::Block*> blocks;
    collect(doc.blocks, blocks);
    for (const model::Block* b : blocks) {
      const auto result = figure::mermaid::prepare_diagram(b->text, doc.meta.lang);
      // Positions inside the diagram map to the post: its line k is the fence's line + k.
      auto at = [&](const figure::mermaid::SyntaxIssue& issue) {
        return base::SourcePos{b->pos.line + issue.pos.line, b->pos.column - 1 + std::max(issue.pos.column, 1)};
      };
      for (const auto& w : result.warnings) sink.warning(doc.source_name, at(w), "diagram: " + w.message);
      if (!result.diagram) {
        const auto& e = result.errors.front();
        sink.warning(doc.source_name, at(e), "diagram not drawn: " + e.message, {"it is shown as its source text"});
        continue;
      }
      figure::ImageRequest request;
      request.format = svg ? figure::ImageFormat::svg : figure::ImageFormat::png;
      request.pdf_timestamp = timestamp;
      const auto& d = *result.diagram;
      std::string bytes = figure::render_image(d.width(), d.height(), request, [&](cairo_t* cr) { d.draw(cr); });
      const std::string stem = "diagram-" + short_hash(doc.meta.lang + "\n" + (svg ? "svg" : "png") + "\n" + b->text);
      const std::string href = svg ? resources.add_generated(stem, "svg", "image/svg+xml", std::move(bytes))
                                   : resources.add_generated(stem, "png", "image/png", std::move(bytes));
      images[b] = DiagramImage{href, result.alt_text, d.width(), d.height()};
    }
  }
  return images;
}

}  // namespace pp::epub
