// The lines of a Pango layout as boxes the typesetter can place one by one, and the link areas on them.
#pragma once

#include "pdf/flow_item.hpp"
#include "pdf/rich_text.hpp"

#include <memory>
#include <vector>

namespace pp::pdf {

using SharedLayout = std::shared_ptr<PangoLayout>;
SharedLayout share(text::GObjectPtr<PangoLayout> layout);

struct LineBox {
  PangoLayoutLine* line = nullptr;  // owned by the layout
  double x = 0;         // left of the line's ink start, relative to the layout (alignment, justification)
  double top = 0;       // of the line's logical box, relative to the layout
  double height = 0;
  double baseline = 0;  // relative to the layout
  int start_index = 0, length = 0;
  bool paragraph_start = true;
};

std::vector<LineBox> line_boxes(PangoLayout* layout);

// Makes the parts of `line` that belong to `links` clickable. `layout_x` is the layout's left edge on the
// page; `top`/`height` the band the line occupies on the page.
void add_line_links(const DrawArgs& args, const LineBox& line, const std::vector<LinkSpan>& links, double layout_x,
                    double top, double height);

void set_colour(cairo_t* cr, const Rgb& c);

// Justifies a CJK line the way CJK typesetting does: the missing width spread evenly between all
// characters (Pango's own justification only widens spaces, which leaves gaps around every Latin word in
// a Chinese line). Lines that would need more than `max_per_gap` points between characters stay ragged.
void spread_line(PangoLayoutLine* line, double missing, double max_per_gap);

}  // namespace pp::pdf
