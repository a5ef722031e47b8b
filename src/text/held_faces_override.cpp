// cairo's cairo_scaled_font_create, defined by the executable so that Pango's calls bind here (as
// text/glyph_use_override.cpp does for cairo's text drawing): cairo makes the font, then
// text/held_faces.hpp may hold its face open.
//
// Compiled into the postpress executable and the unit tests (src/CMakeLists.txt, tests/CMakeLists.txt).
#include "text/held_faces.hpp"

#include <dlfcn.h>

extern "C" cairo_scaled_font_t* cairo_scaled_font_create(cairo_font_face_t* face, const cairo_matrix_t* font_matrix,
                                                         const cairo_matrix_t* ctm, const cairo_font_options_t* options) {
  using Create = cairo_scaled_font_t* (*)(cairo_font_face_t*, const cairo_matrix_t*, const cairo_matrix_t*,
                                          const cairo_font_options_t*);
  static const auto cairo = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "cairo_scaled_font_create"));
  cairo_scaled_font_t* font = cairo(face, font_matrix, ctm, options);
  pp::text::hold_face_of(font);
  return font;
}
