// The floors for PDF typesetting, in two stages on the same input:
// 1. Pango laying out every paragraph and heading of the posts once at the text width, nothing else (no
//    code, tables, figures, pagination rules, drawing or PDF);
// 2. the layouts of stage 1 drawn one under another into a cairo PDF surface, a new page whenever the
//    next one does not fit, and the file finished (font subsets and all), as postpress runs cairo: the
//    executable's own cairo, FreeType, zlib and snprintf entry points are linked in (CMakeLists.txt),
//    and the typesetter's switches and face hold are set as it sets them (pdf/pdf_writer.cpp).
// Stage 1 is the goal's floor; stage 1 + 2 is what Pango and cairo alone cost postpress, before any of
// its own work. bench/bench_pdf.py reports the typesetter's time as a multiple of both.
// usage: pp_pdf_floor POST.md...
#include "base/process_switch.hpp"
#include "build/book_job.hpp"
#include "media/default_deflate.hpp"
#include "model/walk.hpp"
#include "pdf/rich_text.hpp"
#include "pdf/typeset_context.hpp"
#include "text/cff_table_reads.hpp"
#include "text/held_faces.hpp"
#include "text/recorded_pdf_surface.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  pp::build::BookRequest request;
  for (int i = 1; i < argc; ++i) request.inputs.emplace_back(argv[i]);
  pp::base::DiagnosticSink sink;
  const auto posts = pp::build::load_posts(request, sink);
  const pp::pdf::PdfTheme theme;
  std::optional<pp::text::HeldFaces> held_faces;  // as the typesetter holds them: for a single post only
  if (posts.size() == 1) held_faces.emplace();
  const auto start = std::chrono::steady_clock::now();
  long lines = 0;
  std::vector<pp::text::GObjectPtr<PangoLayout>> layouts;
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
      layouts.push_back(std::move(layout));
      return false;
    });
  }
  const double layout_ms = ms_since(start);
  std::printf("floor: %zu posts, %ld lines laid out once in %.1f ms\n", posts.size(), lines, layout_ms);

  const auto drawing = std::chrono::steady_clock::now();
  std::string pdf;
  int pages = 1;
  {
    pp::text::RecordedPdfSurface surface(pdf, theme.page.width, theme.page.height);
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    const pp::text::CairoPtr cr(cairo_create(surface.get()));
    // As the typesetter draws: cairo's early reads of a CJK face's CFF table cut to its head, and the
    // font subsets coded Huffman only (pdf/pdf_writer.cpp).
    std::optional<pp::base::ProcessSwitch::Scope> head_reads_only(std::in_place, pp::text::cff_head_reads_only);
    const double left = theme.margin_inner, top = theme.margin_top, bottom = theme.margin_top + theme.text_height();
    double y = top;
    for (const auto& layout : layouts) {
      int width = 0, height = 0;
      pango_layout_get_size(layout.get(), &width, &height);
      const double h = height / double(PANGO_SCALE);
      if (y + h > bottom && y > top) {
        cairo_show_page(cr.get());
        ++pages;
        y = top;
      }
      cairo_move_to(cr.get(), left, y);
      pango_cairo_show_layout(cr.get(), layout.get());
      y += h;
    }
    cairo_show_page(cr.get());
    head_reads_only.reset();
    const pp::base::ProcessSwitch::Scope subsets_barely_repeat(pp::media::huffman_only_streams);
    surface.finish();
  }
  std::printf("cairo: the layouts drawn into %d PDF pages (%zu bytes) and finished in %.1f ms\n", pages, pdf.size(),
              ms_since(drawing));
}
