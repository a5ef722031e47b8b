#include "figure/table_figure.hpp"
#include "text/font_system.hpp"

#include <catch2/catch.hpp>

#include <pango/pangocairo.h>

using namespace pp;

namespace {

model::Inlines text(const std::string& s) {
  model::Inline in;
  in.kind = model::InlineKind::text;
  in.text = s;
  return {in};
}

model::Table make_table(std::size_t rows, const std::string& cell = "cell") {
  model::Table t;
  t.align = {model::Align::left, model::Align::right};
  t.header = {text("Name"), text("Size")};
  for (std::size_t r = 0; r < rows; ++r) t.rows.push_back({text(cell + std::to_string(r + 1)), text(std::to_string(r))});
  return t;
}

struct Fixture {
  text::GObjectPtr<PangoContext> context = text::FontSystem::for_this_thread().context("en");
  figure::TableStyle style() {
    figure::TableStyle s;
    s.look.size = 10;
    s.look.pitch = 14;
    s.inlines.mono_family = "Liberation Mono";
    s.new_layout = [this](bool bold) {
      text::GObjectPtr<PangoLayout> l(pango_layout_new(context.get()));
      text::FontDescriptionPtr f(pango_font_description_from_string(bold ? "Liberation Sans Bold" : "Liberation Sans"));
      pango_font_description_set_absolute_size(f.get(), 10 * PANGO_SCALE);
      pango_layout_set_font_description(l.get(), f.get());
      return l;
    };
    return s;
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "table figure: one row per body row plus the header, each as tall as its text", "[table_figure]") {
  const figure::TableFigure fig(make_table(3), style(), 300);
  REQUIRE(fig.row_count() == 4);
  for (std::size_t r = 0; r < 4; ++r) CHECK(fig.row_height(r) == Approx(14 + 2 * 3));
  CHECK(fig.width() < 300);  // narrow content keeps its natural width
  CHECK(fig.cells(1).size() == 2);
  CHECK(fig.cells(1)[1].x > fig.cells(1)[0].x);
}

TEST_CASE_METHOD(Fixture, "table figure: long cells wrap to the width and rows grow", "[table_figure]") {
  model::Table t = make_table(1);
  t.rows[0][0] = text(std::string(40, 'w') + " " + std::string(200, 'x'));
  const figure::TableFigure fig(t, style(), 200);
  CHECK(fig.width() == Approx(200).margin(0.5));
  CHECK(fig.row_height(1) > 2 * 14);
}

TEST_CASE_METHOD(Fixture, "table figure: an image table widens for its longest words, up to a limit", "[table_figure]") {
  model::Table t = make_table(1);
  t.rows[0][0] = text("Supercalifragilisticexpialidocious_configuration_key_name");
  const figure::TableFigure page(t, style(), 120);
  const figure::TableFigure image(t, style(), 120, 1000);
  const figure::TableFigure capped(t, style(), 120, 150);
  CHECK(page.width() == Approx(120).margin(0.5));
  CHECK(image.width() > 200);
  CHECK(capped.width() == Approx(150).margin(0.5));
}

TEST_CASE_METHOD(Fixture, "table figure: draws every row into a cairo surface", "[table_figure]") {
  const figure::TableFigure fig(make_table(2), style(), 300);
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 320, 100);
  cairo_t* cr = cairo_create(s);
  double y = 0;
  for (std::size_t r = 0; r < fig.row_count(); ++r) {
    fig.draw_row(cr, r, 0, y, r + 1 == fig.row_count());
    y += fig.row_height(r);
  }
  cairo_surface_flush(s);
  // The header is shaded: some pixel in its band is not transparent.
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  bool inked = false;
  for (int x = 0; x < 100; ++x) inked |= data[5 * stride + 4 * x + 3] != 0;
  CHECK(inked);
  CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
}

TEST_CASE("table alt text: the header, then every row, in the book's language", "[table_figure]") {
  const model::Table t = make_table(2);
  CHECK(figure::table_alt_text(t, "en") == "Table: Name, Size. Row 1: cell1, 0. Row 2: cell2, 1.");
  CHECK(figure::table_alt_text(t, "zh-Hans") == "表格：Name，Size。第1行：cell1，0。第2行：cell2，1。");
  CHECK(figure::table_alt_text(t, "ja") == "表：Name、Size。1行目：cell1、0。2行目：cell2、1。");
  CHECK(figure::table_alt_text(t, "ko") == "표: Name, Size. 1행: cell1, 0. 2행: cell2, 1.");
  // A part of a long table: the header and its own rows, numbered as in the whole table.
  CHECK(figure::table_alt_text(make_table(5), "en", 3, 5) == "Table: Name, Size. Row 4: cell4, 3. Row 5: cell5, 4.");
}
