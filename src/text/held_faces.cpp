#include "text/held_faces.hpp"

#include <cairo-ft.h>

#include <mutex>
#include <set>
#include <vector>

namespace pp::text {

namespace {

struct Held {
  std::mutex mutex;
  int holders = 0;
  std::set<cairo_font_face_t*> faces;     // whose face is locked, through one of its scaled fonts
  std::vector<cairo_scaled_font_t*> fonts;  // referenced, each locking its face once
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
    h.faces.clear();
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
  if (h.holders == 0 || h.faces.count(face) != 0) return;
  try {  // room first: once the face is locked, nothing may fail before it is recorded
    h.faces.insert(face);
    h.fonts.reserve(h.fonts.size() + 1);
  } catch (...) {
    h.faces.erase(face);
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
    h.faces.erase(face);
    return;
  }
  h.fonts.push_back(own);
}

int held_face_count() {
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  return static_cast<int>(h.fonts.size());
}

}  // namespace pp::text
