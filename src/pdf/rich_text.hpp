// Inline text in a chapter's theme: the rich-text style (mono family, link and code colours) that
// figure::build_rich_text needs, built from the chapter's fonts and the print theme.
#pragma once

#include "figure/rich_text.hpp"
#include "pdf/typeset_context.hpp"

namespace pp::pdf {

using figure::LinkSpan;
using figure::RichText;
using figure::apply_rich_text;

figure::Color to_color(const Rgb& c);

// Sized for body text; callers set `size` for other text (headings, captions, notes).
figure::RichTextStyle rich_text_style(const TypesetContext& ctx);

}  // namespace pp::pdf
