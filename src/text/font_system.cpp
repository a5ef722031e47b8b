// The one place that talks to fontconfig. The configuration is embedded in the binary, so an installed
// postpress needs no data files to find its fonts.
#include "text/font_system.hpp"

#include "base/ascii.hpp"

#include <fontconfig/fontconfig.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace pp::embedded {
extern const std::string_view fonts_conf;
}

namespace pp::text {

std::string fontconfig_lang(std::string_view bcp47) {
  const std::string lower = base::ascii_lower(bcp47);
  if (lower.starts_with("zh")) {
    const bool traditional = lower.find("hant") != std::string::npos || lower.find("tw") != std::string::npos ||
                             lower.find("hk") != std::string::npos;
    return traditional ? "zh-tw" : "zh-cn";
  }
  return lower.empty() ? "en" : lower;
}

const char* cjk_sans_family(std::string_view lang) {
  const std::string fc = fontconfig_lang(lang);
  if (fc.starts_with("ja")) return "Noto Sans CJK JP";
  if (fc.starts_with("ko")) return "Noto Sans CJK KR";
  if (fc == "zh-tw") return "Noto Sans CJK TC";
  return "Noto Sans CJK SC";
}

FontSystem& FontSystem::for_this_thread() {
  // Never destroyed: cairo's global font caches keep pointers into the font map's fontconfig data, and
  // a worker thread's map freed at thread exit crashed the next thread that drew with the same face.
  // They stay reachable from here rather than leak, so LeakSanitizer's reports stay about real leaks.
  static std::mutex mutex;
  static auto* systems = new std::vector<std::unique_ptr<FontSystem>>();
  thread_local FontSystem* system = [] {
    std::unique_ptr<FontSystem> made(new FontSystem());  // the constructor is private
    std::lock_guard lock(mutex);
    systems->push_back(std::move(made));
    return systems->back().get();
  }();
  return *system;
}

FontSystem::FontSystem() {
  font_map_.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  FcConfig* config = FcConfigCreate();
  const std::string conf(embedded::fonts_conf);
  if (config && FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(conf.c_str()), FcTrue) &&
      FcConfigBuildFonts(config)) {
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), config);
  }
  // Otherwise (the embedded configuration cannot fail to parse, but a build of fonts can) the font map
  // keeps the system's configuration.
  if (config) FcConfigDestroy(config);  // the font map holds its own reference
}

GObjectPtr<PangoContext> FontSystem::context(std::string_view lang, Surface surface) {
  GObjectPtr<PangoContext> ctx(pango_font_map_create_context(font_map_.get()));
  pango_context_set_language(ctx.get(), pango_language_from_string(fontconfig_lang(lang).c_str()));
  cairo_font_options_t* options = cairo_font_options_create();
  if (surface == Surface::pdf) {
    // A PDF surface also turns off cairo's rounding of glyph positions, which no public call sets: the
    // options are taken, once per process, from a PDF surface that writes nowhere (and kept to the end).
    static cairo_font_options_t* const pdf_options = [] {
      cairo_font_options_t* taken = cairo_font_options_create();
      const SurfacePtr pdf(cairo_pdf_surface_create_for_stream(nullptr, nullptr, 1, 1));
      cairo_surface_get_font_options(pdf.get(), taken);
      return taken;
    }();
    cairo_font_options_merge(options, pdf_options);
  }
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(ctx.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(ctx.get(), FALSE);
  return ctx;
}

}  // namespace pp::text
