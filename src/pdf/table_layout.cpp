#include "pdf/table_layout.hpp"

#include "figure/table_figure.hpp"
#include "pdf/text_lines.hpp"

#include <algorithm>
#include <memory>

namespace pp::pdf {

void append_table(const model::Table& table, const TypesetContext& ctx, const figure::RichTextStyle& inlines, double indent,
                  double width, double gap_before, std::vector<FlowItem>& out) {
  if (table.header.empty()) return;
  const PdfTheme& theme = ctx.theme();
  figure::TableStyle ts;
  ts.look.size = std::max(theme.small_size, theme.body_size - 1);
  ts.look.pitch = ts.look.size * (ctx.cjk() ? 1.5 : 1.35);
  ts.look.text = to_color(theme.text);
  ts.look.rule = to_color(theme.table_rule);
  ts.look.header_background = to_color(theme.table_header_background);
  ts.inlines = inlines;
  ts.new_layout = [&ctx, size = ts.look.size](bool bold) { return ctx.layout(FontSpec{FontRole::body, size, bold, false}); };
  auto figure = std::make_shared<const figure::TableFigure>(table, ts, width);

  const std::size_t header_index = out.size();
  for (std::size_t r = 0; r < figure->row_count(); ++r) {
    const bool header = r == 0, last = r + 1 == figure->row_count();
    FlowItem item;
    item.gap_before = header ? gap_before : 0;
    item.height = figure->row_height(r);
    item.baseline = figure->baseline();
    item.keep_with_next = header;  // a header row never ends a page
    item.repeat_header = header ? -1 : static_cast<int>(header_index);
    item.draw = [figure, r, indent, last](const DrawArgs& a) {
      const double left = a.x + indent;
      figure->draw_row(a.cr, r, left, a.y, last);
      if (!a.links) return;
      for (const auto& cell : figure->cells(r)) {
        if (cell.links.empty()) continue;
        const double cx = left + cell.x, cy = a.y + figure->text_top();
        for (const auto& box : line_boxes(cell.layout.get()))
          add_line_links(a, box, cell.links, cx, cy + box.top, box.height);
      }
    };
    out.push_back(std::move(item));
  }
}

}  // namespace pp::pdf
