#include "figure/table_figure.hpp"

#include "figure/cairo_util.hpp"
#include "model/labels.hpp"
#include "text/layout_metrics.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

namespace pp::figure {

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

void hline(cairo_t* cr, double x0, double x1, double y, double width) {
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

PangoAlignment pango_alignment(model::Align a) {
  switch (a) {
    case model::Align::center: return PANGO_ALIGN_CENTER;
    case model::Align::right: return PANGO_ALIGN_RIGHT;
    default: return PANGO_ALIGN_LEFT;
  }
}

}  // namespace

TableFigure::TableFigure(const model::Table& table, const TableStyle& style, double width, double stretch_to)
    : look_(style.look) {
  const std::size_t columns = table.header.size();
  if (columns == 0) return;
  RichTextStyle inline_style = style.inlines;
  inline_style.size = look_.size;

  // Every cell laid out once unwrapped to learn the widths, then wrapped at the chosen widths.
  auto make = [&](const model::Inlines& inlines, bool bold) {
    RichText rich = build_rich_text(inlines, inline_style);
    std::shared_ptr<PangoLayout> layout = style.new_layout(bold);  // keeps GObjectPtr's unref
    // Line height set on the text itself, so that every cell shares the table's pitch.
    text::AttrListPtr attrs(pango_attr_list_copy(rich.attrs.get()));
    pango_attr_list_insert_before(attrs.get(), pango_attr_line_height_new_absolute(static_cast<int>(look_.pitch * PANGO_SCALE)));
    pango_layout_set_text(layout.get(), rich.text.c_str(), static_cast<int>(rich.text.size()));
    pango_layout_set_attributes(layout.get(), attrs.get());
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    return Cell{std::move(layout), std::move(rich.links), 0};
  };
  rows_.reserve(table.rows.size() + 1);
  rows_.emplace_back();
  for (const auto& c : table.header) rows_.back().cells.push_back(make(c, true));
  for (const auto& r : table.rows) {
    rows_.emplace_back();
    for (std::size_t k = 0; k < columns; ++k) rows_.back().cells.push_back(make(k < r.size() ? r[k] : model::Inlines{}, false));
  }

  const double pad = 2 * look_.pad_x;
  std::vector<double> narrowest(columns, 2 * pad), natural(columns, 2 * pad);
  for (auto& row : rows_)
    for (std::size_t k = 0; k < columns; ++k) {
      PangoLayout* l = row.cells[k].layout.get();
      natural[k] = std::max(natural[k], text::layout_width(l) + pad);
      // Every word break taken: the widest piece left is the longest word (each CJK character stands alone).
      pango_layout_set_wrap(l, PANGO_WRAP_WORD);
      pango_layout_set_width(l, 1);
      narrowest[k] = std::max(narrowest[k], text::layout_width(l) + pad);
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
  const double floor = std::accumulate(narrowest.begin(), narrowest.end(), 0.0);
  if (stretch_to > width && floor > width) width = std::min(stretch_to, floor);
  const std::vector<double> widths = fit_columns(narrowest, natural, width);
  width_ = std::accumulate(widths.begin(), widths.end(), 0.0);

  for (auto& row : rows_) {
    double x = 0;
    for (std::size_t k = 0; k < columns; ++k) {
      Cell& cell = row.cells[k];
      PangoLayout* l = cell.layout.get();
      pango_layout_set_width(l, static_cast<int>((widths[k] - pad) * PANGO_SCALE));
      pango_layout_set_alignment(l, pango_alignment(k < table.align.size() ? table.align[k] : model::Align::none));
      int w = 0, h = 0;
      pango_layout_get_size(l, &w, &h);
      row.height = std::max(row.height, h / double(PANGO_SCALE));
      cell.x = x + look_.pad_x;
      x += widths[k];
    }
    row.height += 2 * look_.pad_y;
  }
}

double TableFigure::baseline() const {
  // As body text sets it, so a row's text shares the page's grid.
  return look_.pad_y + text::baseline_in_box(look_.pitch, look_.size);
}

void TableFigure::draw_row(cairo_t* cr, std::size_t r, double x, double y, bool closing) const {
  const Row& row = rows_[r];
  const bool header = r == 0, striped = !header && r % 2 == 0;
  if (header || striped) {
    set_color(cr, header ? look_.header_background : look_.zebra);
    cairo_rectangle(cr, x, y, width_, row.height);
    cairo_fill(cr);
  }
  // Rules as in book tables: heavy above and below the header and at the end, hairlines between rows.
  set_color(cr, look_.rule);
  hline(cr, x, x + width_, y, header ? look_.heavy_rule : look_.hairline);
  if (header || closing) hline(cr, x, x + width_, y + row.height, look_.heavy_rule);
  set_color(cr, look_.text);
  for (const Cell& cell : row.cells) {
    cairo_move_to(cr, x + cell.x, y + look_.pad_y);
    pango_cairo_show_layout(cr, cell.layout.get());
  }
}

std::string table_alt_text(const model::Table& table, std::string_view lang, std::size_t first_row, std::size_t end_row) {
  const auto& labels = model::labels_for(lang);
  const std::string colon = model::label_colon(lang), comma = model::list_separator(lang), stop = model::sentence_end(lang);
  auto cells = [&](const std::vector<model::Inlines>& row) {
    std::string out;
    for (std::size_t k = 0; k < row.size(); ++k) {
      std::string text = model::plain_text(row[k]);
      std::replace(text.begin(), text.end(), '\n', ' ');
      if (k) out += comma;
      out += text;
    }
    return out;
  };
  std::string alt = std::string(labels.table) + colon + cells(table.header) + stop;
  end_row = std::min(end_row, table.rows.size());
  for (std::size_t r = first_row; r < end_row; ++r) alt += model::table_row_label(lang, r + 1) + colon + cells(table.rows[r]) + stop;
  while (!alt.empty() && alt.back() == ' ') alt.pop_back();
  return alt;
}

}  // namespace pp::figure
