// Keeps open every FreeType face cairo opens while a PDF is made.
//
// cairo 1.16 keeps at most ten FreeType faces open (MAX_OPEN_FACES in cairo-ft-font.c) and, to open an
// eleventh, closes one picked at random that nobody holds. A Chinese post draws from fourteen faces
// (four Noto CJK, nine Liberation, one symbol font), so cairo closed and reopened them 42 times: each
// reopening of a Noto CJK face parses its CFF tables again and faults its pages back in (about 1 ms).
// A face locked through one of its scaled fonts is never picked, so while a HeldFaces lives, the
// executable's cairo_scaled_font_create (text/held_faces_override.cpp) locks the face behind every
// FreeType scaled font made, once per face, and the last HeldFaces to end lets them all go.
#pragma once

#include <cairo.h>

namespace pp::text {

class HeldFaces {
 public:
  HeldFaces();
  ~HeldFaces();
  HeldFaces(const HeldFaces&) = delete;
  HeldFaces& operator=(const HeldFaces&) = delete;
};

// Called by the override with each scaled font cairo has made: while any HeldFaces lives, a FreeType
// font's face is locked (the first time its face is seen) until the last one ends.
void hold_face_of(cairo_scaled_font_t* font);

// Faces held now, for tests.
int held_face_count();

}  // namespace pp::text
