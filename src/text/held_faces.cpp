#include "text/held_faces.hpp"

#include <cairo-ft.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace pp::text {

namespace {

struct Held {
  std::mutex mutex;
  int holders = 0;
  std::vector<cairo_scaled_font_t*> fonts;  // our own, one per face held, each locking its face
  std::uint64_t locks = 0;                   // faces locked by every hold so far
};

Held& held() {
  static Held h;
  return h;
}

}  // namespace

HeldFaces::HeldFaces() {
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  ++h.holders;
}

HeldFaces::~HeldFaces() {
  Held& h = held();
  std::vector<cairo_scaled_font_t*> fonts;
  {
    const std::lock_guard lock(h.mutex);
    if (--h.holders > 0) return;
    fonts.swap(h.fonts);
  }
  for (cairo_scaled_font_t* font : fonts) {
    cairo_ft_scaled_font_unlock_face(font);
    cairo_scaled_font_destroy(font);
  }
}

void hold_face_of(cairo_scaled_font_t* font, ScaledFontCreate create) noexcept {
  if (font == nullptr || cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) return;
  if (cairo_scaled_font_get_type(font) != CAIRO_FONT_TYPE_FT) return;
  cairo_font_face_t* face = cairo_scaled_font_get_font_face(font);
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  if (h.holders == 0) return;
  if (std::any_of(h.fonts.begin(), h.fonts.end(), [&](auto* own) { return cairo_scaled_font_get_font_face(own) == face; }))
    return;
  try {  // room first: once the face is locked, nothing may fail before it is recorded
    h.fonts.reserve(h.fonts.size() + 1);
  } catch (...) {
    return;  // not held: cairo may close it, as without a hold
  }
  // A size nobody draws at, so that cairo's cache gives back no font that anyone else uses.
  cairo_matrix_t size, identity;
  cairo_matrix_init_scale(&size, 1.0 / 1024, 1.0 / 1024);
  cairo_matrix_init_identity(&identity);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_scaled_font_t* own = create(face, &size, &identity, options);
  cairo_font_options_destroy(options);
  // A face cairo cannot open stays unheld; cairo reports that failure where the font is used.
  if (cairo_scaled_font_status(own) != CAIRO_STATUS_SUCCESS || cairo_ft_scaled_font_lock_face(own) == nullptr) {
    cairo_scaled_font_destroy(own);
    return;
  }
  h.fonts.push_back(own);
  ++h.locks;
}

int held_face_count() {
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  return static_cast<int>(h.fonts.size());
}

std::uint64_t held_face_locks() {
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  return h.locks;
}

}  // namespace pp::text
