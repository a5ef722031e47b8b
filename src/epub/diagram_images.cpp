// Diagram blocks -> figure images. Names come from a hash of the source, language and format, so the same
// diagram twice is one file, and the bytes never depend on the order posts were given in.
#include "epub/diagram_images.hpp"

#include "base/parallel.hpp"
#include "base/sha1.hpp"
#include "figure/mermaid/post_diagrams.hpp"


namespace pp::epub {

DiagramImages render_diagrams(const model::Book& book, figure::ImageFormat format, unsigned jobs,
                              const figure::mermaid::ParseLimits& limits, Resources& resources,
                              base::DiagnosticSink& sink) {
  struct Use {
    const model::Document* doc;
    const model::Block* block;
    std::size_t unique;  // index into `work`
  };
  struct Work {
    std::string source, lang, stem;
    figure::mermaid::PrepareResult result;
    std::string bytes;  // moved into the book at the first use
    bool drawn = false;
    std::string href;   // set at the first use
  };
  // Each distinct diagram (source, language, format) is drawn once: books repeat diagrams, and a
  // rendered PNG is the most expensive thing in a build.
  std::vector<Use> uses;
  std::vector<Work> work;
  std::map<std::string, std::size_t> by_stem;
  for (const auto& doc : book.chapters) {
    for (const model::Block* b : figure::mermaid::diagram_blocks(doc)) {
      const std::string stem = "diagram-" + base::short_hash(doc.meta.lang + "\n" + figure::extension_of(format) + "\n" + b->text);
      auto [it, fresh] = by_stem.emplace(stem, work.size());
      if (fresh) work.push_back(Work{b->text, doc.meta.lang, stem, {}, {}, false, {}});
      uses.push_back(Use{&doc, b, it->second});
    }
  }
  base::parallel_for(work.size(), jobs, [&](std::size_t i) {
    Work& w = work[i];
    try {
      w.result = figure::mermaid::prepare_diagram(w.source, w.lang, limits);
      if (!w.result.diagram) return;
      figure::ImageRequest request;
      request.format = format;
      const auto& d = *w.result.diagram;
      request.max_pixels = figure::ebook_png_pixels;  // 2x for sharp text, within what readers take
      w.bytes = d.render(request);
      w.drawn = true;
    } catch (const std::exception& e) {
      w.result.diagram.reset();
      w.result.errors = {figure::mermaid::SyntaxIssue{{1, 1}, std::string("internal error: ") + e.what()}};
    }
  });

  // Diagnostics at every place a diagram stands, in book order; images added in book order too.
  DiagramImages images;
  for (const Use& use : uses) {
    Work& w = work[use.unique];
    const model::Block* b = use.block;
    if (!figure::mermaid::report_diagram(*use.doc, *b, w.result, sink) || !w.drawn) continue;
    if (w.href.empty()) w.href = resources.add_generated(w.stem, format, std::move(w.bytes));
    const auto& d = *w.result.diagram;
    images[b] = GeneratedImage{w.href, w.result.alt_text, d.width(), d.height()};
  }
  return images;
}

}  // namespace pp::epub
