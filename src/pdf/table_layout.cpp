#include "pdf/table_layout.hpp"

#include "pdf/text_lines.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <numeric>

namespace pp::pdf {

std::vector<double> fit_columns(const std::vector<double>& narrowest, const std::vector<double>& natural, double available) {
  const std::size_t n = natural.size();
  const double want = std::accumulate(natural.begin(), natural.end(), 0.0);
  if (want <= available) return natural;
  const double floor = std::accumulate(narrowest.begin(), narrowest.end(), 0.0);
  std::vector<double> out(n);
  if (floor >= available) {
    // Even the longest words do not fit: shrink in proportion; cells then break inside words.
    for (std::size_t k = 0; k < n; ++k) out[k] = floor > 0 ? narrowest[k] * available / floor : available / static_cast<double>(n);
    return out;
  }
  const double extra = available - floor, wish = want - floor;
  for (std::size_t k = 0; k < n; ++k) out[k] = narrowest[k] + (wish > 0 ? (natural[k] - narrowest[k]) * extra / wish : 0);
  return out;
}

namespace {

struct Cell {
  SharedLayout layout;
  std::vector<LinkSpan> links;
  double height = 0;
};

}  // namespace

void append_table(const model::Table& table, const TypesetContext& ctx, const InlineStyle& style, double indent,
                  double width, double gap_before, std::vector<FlowItem>& out) {
  const std::size_t columns = table.header.size();
  if (columns == 0) return;
  const PdfTheme& theme = ctx.theme();
  const double pad_x = 4, pad_y = 3;
  const double size = std::max(theme.small_size, theme.body_size - 1);
  const double pitch = size * (ctx.cjk() ? 1.5 : 1.35);

  // Lay every cell out once unwrapped to learn the widths, then wrap at the chosen widths.
  auto make = [&](const model::Inlines& inlines, bool bold) {
    InlineStyle s = style;
    s.base = {FontRole::body, size, bold, false};
    RichText rich = build_rich_text(inlines, ctx, s);
    auto layout = share(ctx.layout(s.base));
    apply_rich_text(layout.get(), rich);
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    // Line height set on the text itself, so every cell shares the table's pitch.
    text::AttrListPtr attrs(pango_attr_list_copy(rich.attrs.get()));
    pango_attr_list_insert_before(attrs.get(), pango_attr_line_height_new_absolute(static_cast<int>(pitch * PANGO_SCALE)));
    pango_layout_set_attributes(layout.get(), attrs.get());
    return Cell{layout, std::move(rich.links), 0};
  };
  std::vector<std::vector<Cell>> rows;
  rows.reserve(table.rows.size() + 1);
  {
    std::vector<Cell> header;
    for (const auto& c : table.header) header.push_back(make(c, true));
    rows.push_back(std::move(header));
  }
  for (const auto& r : table.rows) {
    std::vector<Cell> row;
    for (std::size_t k = 0; k < columns; ++k) row.push_back(make(k < r.size() ? r[k] : model::Inlines{}, false));
    rows.push_back(std::move(row));
  }
  std::vector<double> narrowest(columns, 8), natural(columns, 8);
  for (auto& row : rows)
    for (std::size_t k = 0; k < columns; ++k) {
      PangoLayout* l = row[k].layout.get();
      natural[k] = std::max(natural[k], natural_width(l) + 2 * pad_x);
      // Every word break taken: the widest piece left is the longest word (each CJK character stands alone).
      pango_layout_set_wrap(l, PANGO_WRAP_WORD);
      pango_layout_set_width(l, 1);
      narrowest[k] = std::max(narrowest[k], natural_width(l) + 2 * pad_x);
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
  const std::vector<double> widths = fit_columns(narrowest, natural, width);
  const double table_width = std::accumulate(widths.begin(), widths.end(), 0.0);

  const std::size_t header_index = out.size();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    double height = 0;
    for (std::size_t k = 0; k < columns; ++k) {
      PangoLayout* l = rows[r][k].layout.get();
      pango_layout_set_width(l, static_cast<int>((widths[k] - 2 * pad_x) * PANGO_SCALE));
      const auto align = k < table.align.size() ? table.align[k] : model::Align::none;
      pango_layout_set_alignment(l, align == model::Align::center  ? PANGO_ALIGN_CENTER
                                    : align == model::Align::right ? PANGO_ALIGN_RIGHT
                                                                   : PANGO_ALIGN_LEFT);
      int w = 0, h = 0;
      pango_layout_get_size(l, &w, &h);
      rows[r][k].height = h / double(PANGO_SCALE);
      height = std::max(height, rows[r][k].height);
    }
    height += 2 * pad_y;
    const bool header = r == 0, last = r + 1 == rows.size();
    FlowItem item;
    item.gap_before = header ? gap_before : 0;
    item.height = height;
    item.baseline = pad_y + baseline_in_box(pitch, size);
    item.keep_with_next = header;  // a header row never ends a page
    item.repeat_header = header ? -1 : static_cast<int>(header_index);
    auto cells = std::make_shared<std::vector<Cell>>(std::move(rows[r]));
    const Rgb ink = theme.text, rule = theme.table_rule, header_bg = theme.table_header_background;
    const Rgb zebra{0.975, 0.975, 0.975};
    const bool striped = !header && r % 2 == 0;
    item.draw = [cells, widths, table_width, indent, height, header, last, striped, pad_x, pad_y, ink, rule,
                 header_bg, zebra](const DrawArgs& a) {
      const double left = a.x + indent;
      if (header || striped) {
        set_colour(a.cr, header ? header_bg : zebra);
        cairo_rectangle(a.cr, left, a.y, table_width, height);
        cairo_fill(a.cr);
      }
      set_colour(a.cr, rule);
      // Rules as in book tables: heavy above and below the header and at the end, hairlines between rows.
      cairo_set_line_width(a.cr, header ? 0.9 : 0.3);
      cairo_move_to(a.cr, left, a.y);
      cairo_line_to(a.cr, left + table_width, a.y);
      cairo_stroke(a.cr);
      if (header || last) {
        cairo_set_line_width(a.cr, 0.9);
        cairo_move_to(a.cr, left, a.y + height);
        cairo_line_to(a.cr, left + table_width, a.y + height);
        cairo_stroke(a.cr);
      }
      double x = left;
      for (std::size_t k = 0; k < cells->size(); ++k) {
        const Cell& cell = (*cells)[k];
        set_colour(a.cr, ink);
        const double cx = x + pad_x, cy = a.y + pad_y;
        cairo_move_to(a.cr, cx, cy);
        pango_cairo_show_layout(a.cr, cell.layout.get());
        if (a.links && !cell.links.empty())
          for (const auto& box : line_boxes(cell.layout.get()))
            add_line_links(a, cell.layout.get(), box, cell.links, cx, cy + box.top, box.height);
        x += widths[k];
      }
    };
    out.push_back(std::move(item));
  }
}

}  // namespace pp::pdf
