// The floor for PDF typesetting: Pango laying out every paragraph of the posts once at the text width,
// nothing else (no pagination, no drawing, no PDF). bench/bench_pdf.py reports the typesetter's time as a
// multiple of this.
// usage: pp_pdf_floor POST.md...
#include "build/book_job.hpp"
#include "model/walk.hpp"
#include "pdf/rich_text.hpp"
#include "pdf/typeset_context.hpp"

#include <pango/pangocairo.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
  pp::build::BookRequest request;
  for (int i = 1; i < argc; ++i) request.inputs.emplace_back(argv[i]);
  pp::base::DiagnosticSink sink;
  const auto posts = pp::build::load_posts(request, sink);
  const pp::pdf::PdfTheme theme;
  const auto start = std::chrono::steady_clock::now();
  long lines = 0;
  for (const auto& doc : posts) {
    pp::pdf::TypesetContext ctx(theme, doc.meta.lang);
    const pp::pdf::FontSpec body{pp::pdf::FontRole::body, theme.body_size, false, false};
    const auto style = pp::pdf::rich_text_style(ctx);
    pp::model::walk_blocks(doc.blocks, [&](const pp::model::Block& b) {
      if (b.kind != pp::model::BlockKind::paragraph && b.kind != pp::model::BlockKind::heading) return true;
      auto layout = ctx.layout(body);
      pp::pdf::apply_rich_text(layout.get(), pp::figure::build_rich_text(b.inlines, style));
      pango_layout_set_width(layout.get(), static_cast<int>(theme.text_width() * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
      lines += pango_layout_get_line_count(layout.get());
      return false;
    });
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("floor: %zu posts, %ld lines laid out once in %.1f ms\n", posts.size(), lines, ms);
}
