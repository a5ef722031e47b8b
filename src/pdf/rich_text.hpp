// A run of inlines as one Pango text: the characters, their attributes (bold, italic, code, links...)
// and the byte ranges that are links, so the typesetter can make them clickable after line breaking.
#pragma once

#include "model/document.hpp"
#include "pdf/typeset_context.hpp"

#include <functional>
#include <string>
#include <vector>

namespace pp::pdf {

struct LinkSpan {
  int start = 0, end = 0;  // byte offsets into RichText::text
  std::string target;      // the URL as written, or "#id" for a place in the book
};

struct RichText {
  std::string text;
  text::AttrListPtr attrs;
  std::vector<LinkSpan> links;
  std::vector<std::pair<int, std::string>> anchors;  // ids defined inside the text (footnote references)
};

struct InlineStyle {
  FontSpec base;          // the paragraph's font: code runs switch to the mono family at 0.9 of its size
  bool links_coloured = true;
  // The number shown for a footnote label (assigned by the chapter in order of first reference).
  std::function<int(const std::string& label)> footnote_number;
};

RichText build_rich_text(const model::Inlines& inlines, const TypesetContext& ctx, const InlineStyle& style);

// Puts the text and attributes into `layout`.
void apply_rich_text(PangoLayout* layout, const RichText& rich);

}  // namespace pp::pdf
