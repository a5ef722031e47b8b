// Contexts made for a surface measure with the fonts that drawing on it uses (text/font_system.hpp).
#include "text/font_system.hpp"

#include <catch2/catch.hpp>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <string>

using namespace pp;

namespace {

// Whether drawing on `surface` with the font the context gives for "Noto Serif CJK SC 10" keeps the font's
// options: cairo merges the surface's options into the font's and makes a font of its own when they change.
bool font_options_survive(text::FontSystem::Surface kind, cairo_surface_t* surface) {
  const auto context = text::FontSystem::for_this_thread().context("zh-Hans", kind);
  PangoFontDescription* description = pango_font_description_from_string("Noto Serif CJK SC 10");
  PangoFont* font = pango_context_load_font(context.get(), description);
  pango_font_description_free(description);
  REQUIRE(font != nullptr);
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_scaled_font_get_font_options(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)), font_options);
  cairo_font_options_t* drawn = cairo_font_options_create();
  cairo_surface_get_font_options(surface, drawn);
  cairo_font_options_merge(drawn, font_options);  // what cairo's gstate asks for when it draws
  const bool same = cairo_font_options_equal(drawn, font_options);
  cairo_font_options_destroy(drawn);
  cairo_font_options_destroy(font_options);
  g_object_unref(font);
  return same;
}

}  // namespace

TEST_CASE("a PDF context's fonts are the fonts cairo draws with on a PDF surface", "[text][fonts]") {
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(nullptr, nullptr, 100, 100);
  CHECK(font_options_survive(text::FontSystem::Surface::pdf, pdf));
  // A context made for raster drawing leaves cairo's rounding of glyph positions as it is, which a PDF
  // surface turns off: drawing would make a second font and load every glyph again.
  CHECK_FALSE(font_options_survive(text::FontSystem::Surface::raster, pdf));
  cairo_surface_destroy(pdf);
}
