#include "pdf/rich_text.hpp"

namespace pp::pdf {

figure::Color to_color(const Rgb& c) { return {c.r, c.g, c.b, 1}; }

figure::RichTextStyle rich_text_style(const TypesetContext& ctx, const InlineStyle& style) {
  const PdfTheme& theme = ctx.theme();
  figure::RichTextStyle s;
  s.size = style.base.size;
  s.mono_family = ctx.family(FontRole::mono);
  s.link = to_color(theme.link);
  s.code_text = to_color(theme.code_text);
  s.code_background = to_color(theme.code_background);
  s.links_coloured = style.links_coloured;
  s.footnote_number = style.footnote_number;
  return s;
}

RichText build_rich_text(const model::Inlines& inlines, const TypesetContext& ctx, const InlineStyle& style) {
  return figure::build_rich_text(inlines, rich_text_style(ctx, style));
}

}  // namespace pp::pdf
