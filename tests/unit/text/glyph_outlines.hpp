// Glyph outlines as FreeType loads them, unscaled and unhinted, for comparing a font with an embedded subset.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <optional>
#include <vector>

namespace pp::test {

struct GlyphOutline {
  std::vector<FT_Pos> coordinates;  // x, y of each point
  std::vector<char> tags;
  std::vector<short> contours;
  bool operator==(const GlyphOutline&) const = default;
};

// nullopt when FreeType cannot load the glyph (a damaged charstring).
inline std::optional<GlyphOutline> glyph_outline(FT_Face face, FT_UInt glyph) {
  if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) return std::nullopt;
  const FT_Outline& o = face->glyph->outline;
  GlyphOutline out{{}, std::vector<char>(o.tags, o.tags + o.n_points), std::vector<short>(o.contours, o.contours + o.n_contours)};
  for (short i = 0; i < o.n_points; ++i) {
    out.coordinates.push_back(o.points[i].x);
    out.coordinates.push_back(o.points[i].y);
  }
  return out;
}

}  // namespace pp::test
