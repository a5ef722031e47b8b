// Figure outputs are valid files of the asked size: PNG at 2x, SVG in px with glyphs as outlines, PDF.
#include "base/big_endian.hpp"
#include "figure/image_output.hpp"
#include "text/cff_table_reads.hpp"
#include "text/font_system.hpp"

#include <catch2/catch.hpp>

#include <pango/pangocairo.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using namespace pp::figure;

namespace {

std::uint32_t be32(const std::string& s, std::size_t at) { return pp::base::load_be32(s.data() + at); }

void draw_box(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.5, 0.4, 0.9);
  cairo_rectangle(cr, 10, 10, 100, 40);
  cairo_fill(cr);
  cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to(cr, 20, 35);
  cairo_show_text(cr, "text");
}

// The RGB(A) rows of one of our PNGs: IDAT inflated and every "Up" filter undone.
std::vector<std::string> png_rows(const std::string& png) {
  const std::size_t width = be32(png, 16), height = be32(png, 20), bpp = png[25] == 2 ? 3 : 4;
  std::string idat;
  for (std::size_t at = 8; at < png.size(); at += 12 + be32(png, at))
    if (png.compare(at + 4, 4, "IDAT") == 0) idat += png.substr(at + 8, be32(png, at));
  std::string raw(height * (1 + width * bpp), '\0');
  uLongf size = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &size, reinterpret_cast<const Bytef*>(idat.data()),
                     static_cast<uLong>(idat.size())) == Z_OK);
  std::vector<std::string> rows;
  std::string above(width * bpp, '\0');
  for (std::size_t y = 0; y < height; ++y) {
    const std::string filtered = raw.substr(y * (1 + width * bpp), 1 + width * bpp);
    REQUIRE(filtered[0] == 2);
    for (std::size_t i = 0; i < above.size(); ++i) above[i] = static_cast<char>(above[i] + filtered[1 + i]);
    rows.push_back(above);
  }
  return rows;
}

// Stripes whose edges fall inside and across the encoder's bands (about 2 MB of rows each), and
// anti-aliased diagonals and a circle crossing every band boundary.
void draw_stripes(cairo_t* cr, bool background) {
  if (background) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
  }
  for (int y = 0; y < 1500; y += 97) {
    cairo_set_source_rgb(cr, (y % 5) / 5.0, 0.2, 0.6);
    cairo_rectangle(cr, y % 300, y, 1200, 40);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0.1, 0.7, 0.2);
  cairo_set_line_width(cr, 3.3);
  cairo_move_to(cr, 5, 3);
  cairo_line_to(cr, 1990, 1497);
  cairo_move_to(cr, 1500.5, 0);
  cairo_curve_to(cr, 100, 500, 1900, 900, 30, 1500);
  cairo_stroke(cr);
  cairo_arc(cr, 1000, 750, 700, 0, 6.3);
  cairo_stroke(cr);
}

}  // namespace

TEST_CASE("a PNG drawn band by band has the pixels of one drawn whole", "[figure][output]") {
  struct Case {
    bool background, opaque_background, second_thread;
  };
  // On a second thread the encoder takes bands from two buffers in turn: an opaque band then starts with
  // the pixels of the band before last, not the last one's.
  for (const Case c : {Case{true, false, false}, Case{true, true, false}, Case{false, false, false},
                       Case{true, false, true}, Case{true, true, true}, Case{false, false, true}}) {
    INFO("background " << c.background << ", opaque " << c.opaque_background << ", second thread " << c.second_thread);
    ImageRequest r;
    r.format = ImageFormat::png;
    r.png_scale = 1;
    r.opaque_background = c.opaque_background;  // bands then start with the last band's pixels, painted over
    r.encode_on_second_thread = c.second_thread;
    const auto rows = png_rows(render_image(2000, 1500, r, [&](cairo_t* cr) { draw_stripes(cr, c.background); }));
    REQUIRE(rows.size() == 1500);
    cairo_surface_t* whole = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 2000, 1500);
    cairo_t* cr = cairo_create(whole);
    draw_stripes(cr, c.background);
    cairo_destroy(cr);
    cairo_surface_flush(whole);
    const unsigned char* data = cairo_image_surface_get_data(whole);
    const int stride = cairo_image_surface_get_stride(whole);
    std::size_t differing_rows = 0;
    for (std::size_t y = 0; y < rows.size(); ++y) {
      std::string expected;
      for (std::size_t x = 0; x < 2000; ++x) {
        std::uint32_t p;
        std::memcpy(&p, data + y * static_cast<std::size_t>(stride) + 4 * x, 4);
        unsigned rgba[4] = {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, p >> 24};
        if (rgba[3] != 0 && rgba[3] != 255)
          for (int k = 0; k < 3; ++k) rgba[k] = (rgba[k] * 255 + rgba[3] / 2) / rgba[3];
        expected += {char(rgba[0]), char(rgba[1]), char(rgba[2])};
        if (!c.background) expected += char(rgba[3]);
      }
      if (rows[y] != expected) ++differing_rows;
    }
    cairo_surface_destroy(whole);
    CHECK(differing_rows == 0);
  }
}

TEST_CASE("a PNG fewer rows high than a band, and one wider than a band's megabyte, are whole", "[figure][output]") {
  ImageRequest r;
  r.format = ImageFormat::png;
  r.png_scale = 1;
  const auto flat = png_rows(render_image(300, 3, r, draw_box));  // 3 rows: one short band
  CHECK(flat.size() == 3);
  const auto wide = png_rows(render_image(30000, 40, r, [](cairo_t* cr) { draw_stripes(cr, true); }));
  CHECK(wide.size() == 40);  // 120 KB a row: the band's floor of 16 rows, not the megabyte, decides
}

TEST_CASE("PNG output is twice the CSS size by default", "[figure][output]") {
  ImageRequest r;
  r.format = ImageFormat::png;
  const std::string png = render_image(300, 120, r, draw_box);
  REQUIRE(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK(be32(png, 16) == 600);
  CHECK(be32(png, 20) == 240);
  r.png_scale = 1;
  CHECK(be32(render_image(300, 120, r, draw_box), 16) == 300);
}

TEST_CASE("SVG output is sized in px and carries text as outlines", "[figure][output]") {
  ImageRequest r;
  r.format = ImageFormat::svg;
  const std::string svg = render_image(300, 120, r, draw_box);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("width=\"300px\"") != std::string::npos);
  CHECK(svg.find("height=\"120px\"") != std::string::npos);
  CHECK(svg.find("<text") == std::string::npos);  // no font needed by the reader
  CHECK(svg.find("glyph") != std::string::npos);
}

TEST_CASE("PDF output is a complete vector page with a fixed creation date", "[figure][output]") {
  ImageRequest r;
  r.format = ImageFormat::pdf;
  r.pdf_timestamp = 1700000000;
  const std::string pdf = render_image(400, 200, r, draw_box);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(pdf.find("/MediaBox [ 0 0 300 150 ]") != std::string::npos);  // 0.75 pt per CSS px
  // cairo 1.16 writes the date without the "D:" prefix the PDF spec asks for; the time is what matters here.
  CHECK(pdf.find("/CreationDate (20231114221320Z)") != std::string::npos);
  CHECK(render_image(400, 200, r, draw_box) == pdf);  // reproducible
}

TEST_CASE("a PDF figure's CJK glyphs are recorded, so cairo gets them without subroutine calls", "[figure][output][glyphs]") {
  ImageRequest r;
  r.format = ImageFormat::pdf;
  const auto before = pp::text::sparse_cff_reads();
  const std::string pdf = render_image(300, 100, r, [](cairo_t* cr) {
    const auto context = pp::text::FontSystem::for_this_thread().context("zh-Hans", pp::text::FontSystem::Surface::pdf);
    pp::text::GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
    PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 12");
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_text(layout.get(), "我们如何把", -1);
    pango_cairo_show_layout(cr, layout.get());
  });
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pp::text::sparse_cff_reads().flattened > before.flattened);  // none without the figure's recording
}
