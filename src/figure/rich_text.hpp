// A run of inlines as one Pango text: the characters, their attributes (bold, italic, code, links...)
// and the byte ranges that are links, so a typesetter can make them clickable after line breaking.
// Shared by the PDF's paragraphs and the table renderer (PDF tables and EPUB table images alike).
#pragma once

#include "figure/book_colours.hpp"
#include "figure/css_color.hpp"
#include "model/document.hpp"
#include "text/gobject_ptr.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pp::figure {

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

struct RichTextStyle {
  double size = 10;         // the text's base size: code and sub/superscripts scale from it
  std::string mono_family;  // a Pango family list for inline code and keyboard keys
  // The book look's defaults (styles/print.yaml: colors.link, colors.code-text, colors.code-background).
  Color link = color_hex(book_colours::link);
  Color code_text = color_hex(book_colours::code_text);
  Color code_background = color_hex(book_colours::code_background);
  bool links_coloured = true;
  // The number shown for a footnote label (assigned by the chapter in order of first reference).
  std::function<int(const std::string& label)> footnote_number;
};

RichText build_rich_text(const model::Inlines& inlines, const RichTextStyle& style);

// Puts the text and attributes into `layout`.
void apply_rich_text(PangoLayout* layout, const RichText& rich);

}  // namespace pp::figure
