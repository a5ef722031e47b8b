// Keeps open the FreeType faces cairo opens while a PDF is made.
//
// cairo 1.16 keeps at most ten FreeType faces open (MAX_OPEN_FACES in cairo-ft-font.c) and, to open an
// eleventh, closes one picked at random that nobody holds. A Chinese post draws from fourteen faces
// (four Noto CJK, nine Liberation, one symbol font), and cairo opened faces 42 times for it (13 with the
// faces held): each reopening of a Noto CJK face parses its CFF tables again and faults its pages back
// in (about 1 ms). A locked face is never picked. So while a HeldFaces lives, the executable's
// cairo_scaled_font_create (text/held_faces_override.cpp) locks the face behind each FreeType scaled font
// made through it, once per face, and the last HeldFaces to end lets them all go.
//
// Only fonts made while a hold lives are seen: cairo's calls to itself do not pass through the
// executable, and Pango keeps the scaled fonts it made for an earlier PDF, so a second PDF drawn on the
// same thread holds only the faces new to it. The price of holding is memory: each face keeps its
// mapping of the font file, and the pages FreeType touched in it (docs/pdf.md, Speed).
#pragma once

#include <cairo.h>

#include <cstdint>

namespace pp::text {

class HeldFaces {
 public:
  HeldFaces();
  ~HeldFaces();
  HeldFaces(const HeldFaces&) = delete;
  HeldFaces& operator=(const HeldFaces&) = delete;
};

using ScaledFontCreate = cairo_scaled_font_t* (*)(cairo_font_face_t*, const cairo_matrix_t*, const cairo_matrix_t*,
                                                   const cairo_font_options_t*);

// Called by the override with each scaled font cairo has made and cairo's own create function: while
// any HeldFaces lives, a FreeType font's face is locked, the first time the face is seen, through a
// scaled font of its own made with `create` (one nobody draws with, so that no glyph error can leave it
// in an error state, in which cairo would not unlock it), until the last HeldFaces ends.
void hold_face_of(cairo_scaled_font_t* font, ScaledFontCreate create) noexcept;

// Faces held now, and faces locked by every hold so far: for tests.
int held_face_count();
std::uint64_t held_face_locks();

}  // namespace pp::text
