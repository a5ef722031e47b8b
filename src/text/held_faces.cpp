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

void hold_face_of(cairo_scaled_font_t* font) {
  if (font == nullptr || cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) return;
  if (cairo_scaled_font_get_type(font) != CAIRO_FONT_TYPE_FT) return;
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  if (h.holders == 0) return;
  if (!h.faces.insert(cairo_scaled_font_get_font_face(font)).second) return;
  // A face cairo cannot open stays unheld; cairo reports that failure where the font is used.
  if (cairo_ft_scaled_font_lock_face(font) == nullptr) return;
  h.fonts.push_back(cairo_scaled_font_reference(font));
}

int held_face_count() {
  Held& h = held();
  const std::lock_guard lock(h.mutex);
  return static_cast<int>(h.fonts.size());
}

}  // namespace pp::text
