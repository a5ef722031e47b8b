#include "pdf/typeset_context.hpp"

#include "model/lang.hpp"
#include "text/font_system.hpp"

#include <pango/pangocairo.h>

namespace pp::pdf {

TypesetContext::TypesetContext(const PdfTheme& theme, std::string lang)
    : theme_(theme),
      lang_(std::move(lang)),
      cjk_(model::is_cjk_lang(lang_)),
      body_(theme.fonts(FontRole::body, lang_)),
      heading_(theme.fonts(FontRole::heading, lang_)),
      mono_(theme.fonts(FontRole::mono, lang_)),
      pango_(text::FontSystem::for_this_thread().context(lang_, text::FontSystem::Surface::pdf)) {}

const std::string& TypesetContext::family(FontRole role) const {
  switch (role) {
    case FontRole::heading: return heading_;
    case FontRole::mono: return mono_;
    case FontRole::body: break;
  }
  return body_;
}

double TypesetContext::body_pitch() const {
  return theme_.body_size * (cjk_ ? theme_.cjk_line_height : theme_.line_height);
}

text::FontDescriptionPtr TypesetContext::font_description(const FontSpec& font) const {
  text::FontDescriptionPtr d(pango_font_description_new());
  pango_font_description_set_family(d.get(), family(font.role).c_str());
  // Absolute size: one Pango device unit is one PDF point, whatever resolution the context assumes.
  pango_font_description_set_absolute_size(d.get(), font.size * PANGO_SCALE);
  pango_font_description_set_weight(d.get(), font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(d.get(), font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return d;
}

text::GObjectPtr<PangoLayout> TypesetContext::layout(const FontSpec& font) const {
  text::GObjectPtr<PangoLayout> l(pango_layout_new(pango_.get()));
  pango_layout_set_font_description(l.get(), font_description(font).get());
  return l;
}

}  // namespace pp::pdf
