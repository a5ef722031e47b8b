// Inlines as Pango text in a chapter's fonts and theme colours (figure::build_rich_text does the work).
#pragma once

#include "figure/rich_text.hpp"
#include "model/document.hpp"
#include "pdf/typeset_context.hpp"

#include <functional>
#include <string>

namespace pp::pdf {

using figure::LinkSpan;
using figure::RichText;
using figure::apply_rich_text;

struct InlineStyle {
  FontSpec base;          // the paragraph's font: code runs switch to the mono family at 0.88 of its size
  bool links_coloured = true;
  // The number shown for a footnote label (assigned by the chapter in order of first reference).
  std::function<int(const std::string& label)> footnote_number;
};

figure::Color to_color(const Rgb& c);

figure::RichTextStyle rich_text_style(const TypesetContext& ctx, const InlineStyle& style);

RichText build_rich_text(const model::Inlines& inlines, const TypesetContext& ctx, const InlineStyle& style);

}  // namespace pp::pdf
