// Measures every text setter shares, so that table rows and body lines stand on one baseline grid.
#pragma once

#include <pango/pango.h>

namespace pp::text {

// Where a line's baseline sits in a line box `pitch` high holding text of `size`: the em box centred,
// so Latin and CJK lines share one baseline grid whatever fallback fonts a line uses.
inline double baseline_in_box(double pitch, double size) { return (pitch - size) / 2 + 0.88 * size; }

// The layout's logical width at its current wrap width (unwrapped: its natural width), in user units.
inline double layout_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return logical.width / double(PANGO_SCALE);
}

}  // namespace pp::text
