#include "pdf/text_lines.hpp"

#include "pdf/page_links.hpp"

#include <pango/pangocairo.h>

#include <algorithm>

namespace pp::pdf {

SharedLayout share(text::GObjectPtr<PangoLayout> layout) {
  return SharedLayout(layout.release(), text::GObjectUnref{});
}

std::vector<LineBox> line_boxes(PangoLayout* layout) {
  std::vector<LineBox> out;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    LineBox box;
    box.line = line;
    box.x = logical.x / double(PANGO_SCALE);
    box.top = logical.y / double(PANGO_SCALE);
    box.height = logical.height / double(PANGO_SCALE);
    box.baseline = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE);
    box.start_index = line->start_index;
    box.length = line->length;
    box.paragraph_start = line->is_paragraph_start;
    out.push_back(box);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return out;
}

void add_line_links(const DrawArgs& args, const LineBox& line, const std::vector<LinkSpan>& links, double layout_x,
                    double top, double height) {
  if (!args.links) return;
  const int line_end = line.start_index + line.length;
  for (const auto& link : links) {
    const int start = std::max(link.start, line.start_index), end = std::min(link.end, line_end);
    if (start >= end) continue;
    int* ranges = nullptr;
    int count = 0;
    pango_layout_line_get_x_ranges(line.line, start, end, &ranges, &count);
    for (int k = 0; k < count; ++k) {
      const double x0 = ranges[2 * k] / double(PANGO_SCALE), x1 = ranges[2 * k + 1] / double(PANGO_SCALE);
      args.links->add(link.target, layout_x + x0, top, x1 - x0, height);
    }
    g_free(ranges);
  }
}

void set_colour(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void spread_line(PangoLayoutLine* line, double missing, double max_per_gap) {
  if (missing <= 0) return;
  std::vector<PangoGlyphInfo*> cluster_ends;  // the last glyph of every cluster but the line's last
  PangoGlyphInfo* previous = nullptr;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      PangoGlyphInfo* g = &run->glyphs->glyphs[i];
      if (g->attr.is_cluster_start && previous) cluster_ends.push_back(previous);
      previous = g;
    }
  }
  if (cluster_ends.empty() || missing / static_cast<double>(cluster_ends.size()) > max_per_gap) return;
  const int total = static_cast<int>(missing * PANGO_SCALE);
  const int n = static_cast<int>(cluster_ends.size());
  for (int k = 0; k < n; ++k) cluster_ends[static_cast<std::size_t>(k)]->geometry.width += total / n + (k < total % n ? 1 : 0);
}

}  // namespace pp::pdf
