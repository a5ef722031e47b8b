// Themes: the named Mermaid themes and themeVariables change the colours they control; bad values warn;
// a transparent background stays transparent in every band of a PNG.
#include "figure/mermaid/render.hpp"
#include "figure/mermaid/theme.hpp"

#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

using namespace pp::figure;
using namespace pp::figure::mermaid;

TEST_CASE("the default theme is Mermaid's", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  const Theme t = make_theme("", {}, warnings);
  CHECK(t.node_fill == *parse_css_color("#ECECFF"));
  CHECK(t.node_stroke == *parse_css_color("#9370DB"));
  CHECK(t.cluster_fill == *parse_css_color("#ffffde"));
  CHECK(t.font_size == 16);
  CHECK(warnings.empty());
}

TEST_CASE("named themes and themeVariables override colours", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  CHECK(make_theme("forest", {}, warnings).node_fill == *parse_css_color("#cde498"));
  CHECK(make_theme("dark", {}, warnings).background == *parse_css_color("#333333"));
  const Theme t = make_theme("default", {{"primaryColor", "#ff0000"}, {"lineColor", "blue"}, {"fontSize", "20px"}}, warnings);
  CHECK(t.node_fill == Color{1, 0, 0, 1});
  CHECK(t.line == Color{0, 0, 1, 1});
  CHECK(t.font_size == 20);
  CHECK(warnings.empty());
}

// An unknown theme name is warned about by preprocessing, where it is written; make_theme only falls back.
TEST_CASE("unknown themes and colours that are not colours keep the default; the colours warn", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  const Theme t = make_theme("sparkly", {{"primaryColor", "not-a-colour"}}, warnings);
  CHECK(t.node_fill == *parse_css_color("#ECECFF"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "themeVariables.primaryColor 'not-a-colour' is not a colour; ignored");
}

TEST_CASE("an unknown theme in a diagram is warned about once, at its line", "[mermaid][theme]") {
  for (const char* diagram : {"graph TD\nA --> B", "sequenceDiagram\nA->>B: hi"}) {
    const PrepareResult r = prepare_diagram(std::string("%%{init:{'theme':'pink'}}%%\n") + diagram, "en");
    REQUIRE(r.diagram);
    std::vector<SyntaxIssue> about_theme;
    for (const auto& w : r.warnings)
      if (w.message.find("theme") != std::string::npos) about_theme.push_back(w);
    REQUIRE(about_theme.size() == 1);
    CHECK(about_theme[0].message == "unknown theme 'pink'; the default theme is used");
    CHECK(about_theme[0].pos.line == 1);
  }
}

namespace {

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
  auto* s = static_cast<std::string_view*>(closure);
  if (s->size() < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, s->data(), length);
  s->remove_prefix(length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

TEST_CASE("a transparent theme background leaves every PNG band cleared before it is drawn", "[mermaid][theme]") {
  // A chain tall enough for several 2 MB bands at 2x. Were the bands not cleared (as they need not be
  // under an opaque background), each would show the band before it through the transparency.
  std::string source = "%%{init: {'themeVariables': {'background': 'transparent'}}}%%\ngraph TD\n";
  for (int i = 0; i < 14; ++i) source += "  N" + std::to_string(i) + "[step " + std::to_string(i) + " of a chain whose labels make it wide enough] --> N" + std::to_string(i + 1) + "\n";
  const auto result = pp::figure::mermaid::prepare_diagram(source, "en");
  REQUIRE(result.diagram);
  const auto& d = *result.diagram;
  pp::figure::ImageRequest request;
  request.format = pp::figure::ImageFormat::png;
  const std::string png = d.render(request);
  std::string_view rest = png;
  cairo_surface_t* banded = cairo_image_surface_create_from_png_stream(read_from, &rest);
  REQUIRE(cairo_surface_status(banded) == CAIRO_STATUS_SUCCESS);
  const int w = cairo_image_surface_get_width(banded), h = cairo_image_surface_get_height(banded);
  REQUIRE(h > 3 * (1 << 21) / (4 * w));  // at least three bands
  cairo_surface_t* whole = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(whole);
  cairo_scale(cr, 2, 2);
  d.draw(cr);
  cairo_destroy(cr);
  cairo_surface_flush(whole);
  std::size_t differing = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint32_t a, b;
      std::memcpy(&a, cairo_image_surface_get_data(banded) + y * cairo_image_surface_get_stride(banded) + 4 * x, 4);
      std::memcpy(&b, cairo_image_surface_get_data(whole) + y * cairo_image_surface_get_stride(whole) + 4 * x, 4);
      for (int shift = 0; shift < 32; shift += 8)  // PNG's un-premultiplied bytes come back within a level or two
        if (std::abs(int((a >> shift) & 0xFF) - int((b >> shift) & 0xFF)) > 2) {
          ++differing;
          break;
        }
    }
  cairo_surface_destroy(whole);
  cairo_surface_destroy(banded);
  CHECK(differing == 0);
}
