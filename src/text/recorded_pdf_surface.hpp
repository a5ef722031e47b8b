// The one way postpress makes a cairo PDF surface to draw on: the glyphs drawn are recorded
// (text/glyph_use.hpp) from the surface's making until its fonts are written, so that cairo's final read
// of each CJK face's CFF table takes only those glyphs' charstrings, flattened (text/cff_charstrings.hpp).
// Without the record cairo's own subsetter can drop a glyph such as 如 (cairo 1.16); tying the record to
// the surface means no writer can forget it.
#pragma once

#include "text/glyph_use.hpp"
#include "text/gobject_ptr.hpp"

#include <cairo.h>

#include <string>

namespace pp::text {

// A cairo write function appending to the std::string its closure points to.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

class RecordedPdfSurface {
 public:
  // A surface of `width` x `height` points appending the PDF to `out`.
  RecordedPdfSurface(std::string& out, double width, double height);

  cairo_surface_t* get() const { return surface_.get(); }

  // Writes the fonts and the rest of the file (cairo_surface_finish), while the record still lives.
  // Destroying the object without it does the same.
  void finish() const { cairo_surface_finish(surface_.get()); }

 private:
  GlyphRecording recording_;  // first member: it outlives the surface, which may finish as it is destroyed
  SurfacePtr surface_;
};

}  // namespace pp::text
