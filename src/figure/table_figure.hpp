// The one table renderer: a GFM table measured and drawn with Pango and Cairo, row by row. The PDF
// places its rows in the page flow (repeating the header on continued pages); the EPUB draws bands of
// rows into images. Both get the same look: a shaded, bold header between heavy rules, hairlines between
// rows, zebra stripes, each column aligned as the Markdown says, cells wrapped at widths from content.
#pragma once

#include "figure/book_colours.hpp"
#include "figure/rich_text.hpp"
#include "model/document.hpp"

#include <cairo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pp::figure {

// Column widths that fit `available`: natural widths when they fit; otherwise each column gets at least
// its longest word (scaled down if even those do not fit) and the rest is shared by how much more each
// column would like.
std::vector<double> fit_columns(const std::vector<double>& narrowest, const std::vector<double>& natural, double available);

// How a table looks once laid out. The colours default to the book look that styles/print.yaml also
// spells out (colors.text, colors.table-rule, colors.table-header-background); a theme may override them.
struct TableLook {
  double size = 9;    // cell text (points in a PDF, CSS px in an image)
  double pitch = 12;  // baseline to baseline inside a cell
  double pad_x = 4, pad_y = 3;
  double heavy_rule = 0.9, hairline = 0.3;
  Color text = color_hex(book_colours::text);
  Color rule = color_hex(book_colours::table_rule);
  Color header_background = color_hex(book_colours::table_header_background);
  Color zebra{0xf8 / 255.0, 0xf8 / 255.0, 0xf8 / 255.0, 1};
};

struct TableStyle {
  TableLook look;
  RichTextStyle inlines;  // inline code, links and footnote numbers in cells; its size is ignored (look.size wins)
  // A fresh layout in the table's language with its base font at look.size; called only while the
  // figure is built.
  std::function<text::GObjectPtr<PangoLayout>(bool bold)> new_layout;
};

class TableFigure {
 public:
  struct Cell {
    std::shared_ptr<PangoLayout> layout;
    std::vector<LinkSpan> links;
    double x = 0;  // from the table's left edge to the cell's text
  };

  // Lays the table out at `width`. When even the cells' longest words do not fit, the table may grow up
  // to `stretch_to` (an image can; a page cannot: pass 0).
  TableFigure(const model::Table& table, const TableStyle& style, double width, double stretch_to = 0);

  std::size_t row_count() const { return rows_.size(); }  // the header is row 0
  double width() const { return width_; }
  double row_height(std::size_t r) const { return rows_[r].height; }
  double baseline() const;  // from a row's top to its first baseline
  double text_top() const { return look_.pad_y; }  // from a row's top to its cells' layouts
  const std::vector<Cell>& cells(std::size_t r) const { return rows_[r].cells; }

  // Draws row r with its top-left corner at (x, y); `closing` adds the heavy rule under it that ends the
  // table. Text takes cr's transformation, so the same call draws into a PDF page or a 2x image.
  void draw_row(cairo_t* cr, std::size_t r, double x, double y, bool closing) const;

 private:
  struct Row {
    std::vector<Cell> cells;
    double height = 0;
  };
  TableLook look_;
  std::vector<Row> rows_;
  double width_ = 0;
};

// The table's content for a screen reader or a search index, in reading order: the header, then rows
// [first_row, end_row) of the body (all of them by default), labelled in the book's language.
std::string table_alt_text(const model::Table& table, std::string_view lang, std::size_t first_row = 0,
                           std::size_t end_row = static_cast<std::size_t>(-1));

}  // namespace pp::figure
