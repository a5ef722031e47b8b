// cairo's cairo_scaled_font_create, defined by the executable so that Pango's calls bind here (as
// text/glyph_use_override.cpp does for cairo's text drawing): cairo makes the font, then
// text/held_faces.hpp may hold its face open. cairo's calls to itself do not come here.
//
// Compiled into the postpress executable, the unit tests and bench/pdf_floor.cpp (src/CMakeLists.txt).
#include "base/next_definition.hpp"
#include "text/held_faces.hpp"

extern "C" cairo_scaled_font_t* cairo_scaled_font_create(cairo_font_face_t* face, const cairo_matrix_t* font_matrix,
                                                         const cairo_matrix_t* ctm, const cairo_font_options_t* options) {
  static const auto cairo = pp::base::next_definition<pp::text::ScaledFontCreate>("cairo_scaled_font_create");
  cairo_scaled_font_t* font = cairo(face, font_matrix, ctm, options);
  pp::text::hold_face_of(font, cairo);
  return font;
}
