#include "pdf/rich_text.hpp"

namespace pp::pdf {

figure::Color to_color(const Rgb& c) { return {c.r, c.g, c.b, 1}; }

figure::RichTextStyle rich_text_style(const TypesetContext& ctx) {
  const PdfTheme& theme = ctx.theme();
  figure::RichTextStyle s;
  s.size = theme.body_size;
  s.mono_family = ctx.family(FontRole::mono);
  s.link = to_color(theme.link);
  s.code_text = to_color(theme.code_text);
  s.code_background = to_color(theme.code_background);
  return s;
}

}  // namespace pp::pdf
