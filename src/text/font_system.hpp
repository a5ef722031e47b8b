// The fonts postpress uses, from its private fontconfig configuration, and Pango contexts per language.
#pragma once

#include "text/gobject_ptr.hpp"

#include <cairo.h>

#include <string>
#include <string_view>

namespace pp::text {

// One per thread (Pango font maps are not shared across threads). Loading the configuration reads
// fontconfig's caches once, a few milliseconds.
class FontSystem {
 public:
  static FontSystem& for_this_thread();

  // What the text of a context will be drawn on. cairo keeps a font, and the glyphs FreeType loaded for it,
  // per set of font options; drawing merges the surface's options into the font's. A context made for the
  // surface measures with the very fonts that drawing then uses, so no glyph is loaded twice.
  enum class Surface { raster, pdf };

  // A context for measuring and drawing text in `lang` (BCP 47: en, zh-Hans, zh-Hant, ja, ko):
  // Han characters get that language's glyph forms. Metrics are device-independent (no hinting).
  GObjectPtr<PangoContext> context(std::string_view lang, Surface surface = Surface::raster);

 private:
  FontSystem();
  GObjectPtr<PangoFontMap> font_map_;
};

// fontconfig's language for a BCP 47 tag: zh-Hans -> zh-cn, zh-Hant -> zh-tw, others unchanged.
std::string fontconfig_lang(std::string_view bcp47);

// The Noto Sans CJK family whose Han glyph forms belong to `lang` (BCP 47 or fontconfig form): JP, KR, TC,
// and SC for everything else, as fonts/fonts.conf orders them.
const char* cjk_sans_family(std::string_view lang);

}  // namespace pp::text
