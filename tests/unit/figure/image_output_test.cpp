// Figure outputs are valid files of the asked size: PNG at 2x, SVG in px with glyphs as outlines, PDF.
#include "figure/image_output.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using namespace pp::figure;

namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t(static_cast<unsigned char>(s[at])) << 24) | (std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8) | std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

void draw_box(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.5, 0.4, 0.9);
  cairo_rectangle(cr, 10, 10, 100, 40);
  cairo_fill(cr);
  cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to(cr, 20, 35);
  cairo_show_text(cr, "text");
}

}  // namespace

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
