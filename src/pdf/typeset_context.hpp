// What laying out one chapter needs: the theme, the chapter's language and its fonts, and Pango.
#pragma once

#include "pdf/theme.hpp"
#include "text/gobject_ptr.hpp"
#include "text/layout_metrics.hpp"

#include <string>

namespace pp::pdf {

struct FontSpec {
  FontRole role = FontRole::body;
  double size = 10;  // points
  bool bold = false;
  bool italic = false;
};

class TypesetContext {
 public:
  TypesetContext(const PdfTheme& theme, std::string lang);

  const PdfTheme& theme() const { return theme_; }
  const std::string& lang() const { return lang_; }
  bool cjk() const { return cjk_; }
  const std::string& family(FontRole role) const;

  // Baseline-to-baseline distance of body text in this language.
  double body_pitch() const;

  // A fresh layout in this language's context, with `font` as its base font.
  text::GObjectPtr<PangoLayout> layout(const FontSpec& font) const;
  text::FontDescriptionPtr font_description(const FontSpec& font) const;

 private:
  const PdfTheme& theme_;
  std::string lang_;
  bool cjk_ = false;
  std::string body_, heading_, mono_;
  text::GObjectPtr<PangoContext> pango_;
};


}  // namespace pp::pdf
