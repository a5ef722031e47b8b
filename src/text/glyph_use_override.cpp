// cairo's cairo_show_glyphs, cairo_show_text_glyphs and cairo_show_text, defined by the executable so that
// Pango's calls (and ours) bind here, as text/cff_table_reads_override.cpp does for FreeType. While the PDF
// writer records (text/glyph_use.hpp), each shown glyph is noted against the face it comes from, then
// cairo's own function draws it. Outside a recording they only pass the call on.
//
// The face is learnt once per cairo scaled font, by locking its FreeType face, and kept as the scaled
// font's user data: cairo may close a face and open it again, but a scaled font keeps its face's file.
//
// Compiled into the postpress executable, the unit tests and bench/pdf_floor.cpp (src/CMakeLists.txt).
#include "base/next_definition.hpp"
#include "text/glyph_use.hpp"

#include <cairo-ft.h>
#include <cairo.h>

#include <mutex>
#include <vector>

namespace {

const cairo_user_data_key_t face_glyphs_key{};
std::mutex user_data_mutex;  // cairo's user data arrays are not safe to change from two threads

// The record of the face behind `font`; nullptr when its glyphs cannot be traced to a face.
pp::text::FaceGlyphs* face_glyphs_of(cairo_scaled_font_t* font) {
  const std::lock_guard lock(user_data_mutex);
  if (void* known = cairo_scaled_font_get_user_data(font, &face_glyphs_key)) return static_cast<pp::text::FaceGlyphs*>(known);
  std::optional<pp::text::FaceSource> source;
  if (FT_Face face = cairo_ft_scaled_font_lock_face(font)) {
    source = pp::text::source_of(face);
    cairo_ft_scaled_font_unlock_face(font);
  }
  if (!source) return nullptr;
  pp::text::FaceGlyphs* glyphs = &pp::text::face_glyphs(*source);
  cairo_scaled_font_set_user_data(font, &face_glyphs_key, glyphs, nullptr);  // the record outlives the font
  return glyphs;
}

void note(cairo_t* cr, const cairo_glyph_t* glyphs, int count) noexcept {
  if (glyphs == nullptr || count <= 0 || !pp::text::glyph_recording_on()) return;
  try {  // cairo's callers are C: nothing may unwind into them
    cairo_scaled_font_t* font = cairo_get_scaled_font(cr);
    if (cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) return;  // cairo will draw nothing
    // Only FreeType fonts are embedded from a face's file; user fonts are drawn as Type 3 glyphs.
    if (cairo_scaled_font_get_type(font) != CAIRO_FONT_TYPE_FT) return;
    pp::text::FaceGlyphs* face = face_glyphs_of(font);
    if (face == nullptr) {
      pp::text::glyph_recording_incomplete();
      return;
    }
    thread_local std::vector<unsigned long> ids;
    ids.clear();
    for (int i = 0; i < count; ++i) ids.push_back(glyphs[i].index);
    pp::text::note_glyphs(*face, ids);
  } catch (...) {
    pp::text::glyph_recording_incomplete();
  }
}

}  // namespace

extern "C" void cairo_show_glyphs(cairo_t* cr, const cairo_glyph_t* glyphs, int num_glyphs) {
  static const auto cairo = pp::base::next_definition<void (*)(cairo_t*, const cairo_glyph_t*, int)>("cairo_show_glyphs");
  note(cr, glyphs, num_glyphs);
  cairo(cr, glyphs, num_glyphs);
}

extern "C" void cairo_show_text_glyphs(cairo_t* cr, const char* utf8, int utf8_len, const cairo_glyph_t* glyphs,
                                       int num_glyphs, const cairo_text_cluster_t* clusters, int num_clusters,
                                       cairo_text_cluster_flags_t cluster_flags) {
  static const auto cairo = pp::base::next_definition<void (*)(cairo_t*, const char*, int, const cairo_glyph_t*, int,
                                                    const cairo_text_cluster_t*, int, cairo_text_cluster_flags_t)>(
      "cairo_show_text_glyphs");
  note(cr, glyphs, num_glyphs);
  cairo(cr, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags);
}

// cairo's toy text API turns text into glyphs inside cairo, out of sight; nothing here uses it, but if
// anything does while recording, the record cannot be trusted.
extern "C" void cairo_show_text(cairo_t* cr, const char* utf8) {
  static const auto cairo = pp::base::next_definition<void (*)(cairo_t*, const char*)>("cairo_show_text");
  if (utf8 != nullptr && *utf8 != '\0' && pp::text::glyph_recording_on()) pp::text::glyph_recording_incomplete();
  cairo(cr, utf8);
}
