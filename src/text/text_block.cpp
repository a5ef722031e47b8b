// Text layout with Pango. Line height is set absolutely so that a line is the same height in every
// script (Latin, CJK and mixed), as it is in Mermaid's HTML labels.
#include "text/text_block.hpp"

#include "text/font_system.hpp"

#include <pango/pangocairo.h>

namespace pp::text {

namespace {

void escape_into(std::string& out, char c) {
  switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '\'': out += "&apos;"; break;
    case '"': out += "&quot;"; break;
    default: out += c; break;
  }
}

}  // namespace

std::string markup_from_plain(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) escape_into(out, c);
  return out;
}

std::string markup_from_markdown(std::string_view text) {
  std::string out;
  std::string open;  // tag letters ('b', 'i'), outermost first
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '*' && c != '_') {
      escape_into(out, c);
      continue;
    }
    const bool doubled = i + 1 < text.size() && text[i + 1] == c;
    if (doubled) ++i;
    const char tag = doubled ? 'b' : 'i';
    const std::size_t at = open.find(tag);
    if (at == std::string::npos) {
      out += {'<', tag, '>'};
      open += tag;
      continue;
    }
    // Markers may cross (`**a *b** c*`), Pango markup must nest: close the tags opened inside this one with
    // it, then reopen them.
    for (std::size_t k = open.size(); k-- > at;) out += {'<', '/', open[k], '>'};
    open.erase(at, 1);
    for (std::size_t k = at; k < open.size(); ++k) out += {'<', open[k], '>'};
  }
  // Unbalanced markers close at the end rather than break the markup.
  for (std::size_t k = open.size(); k-- > 0;) out += {'<', '/', open[k], '>'};
  return out;
}

TextBlock::TextBlock(PangoContext* context, const std::string& markup, const TextStyle& style,
                     std::optional<double> wrap_px)
    : layout_(pango_layout_new(context)) {
  PangoLayout* layout = layout_.get();
  FontDescriptionPtr font(pango_font_description_new());
  // The text's own CJK face right after the requested family: Pango gives a Common-script character after
  // Latin text (the "・" in "A5・フォント") the run's Latin language, which would otherwise pull the
  // Chinese fallback face into a Japanese diagram.
  const std::string families =
      style.family + ", " + cjk_sans_family(pango_language_to_string(pango_context_get_language(context)));
  pango_font_description_set_family(font.get(), families.c_str());
  pango_font_description_set_absolute_size(font.get(), style.size_px * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, font.get());
  // Markup that does not parse never fails the block: it shows as typed.
  PangoAttrList* parsed_attrs = nullptr;
  char* parsed_text = nullptr;
  const bool parsed = pango_parse_markup(markup.c_str(), -1, 0, &parsed_attrs, &parsed_text, nullptr, nullptr);
  const GCharPtr owned_text(parsed_text);
  AttrListPtr attrs(parsed ? parsed_attrs : pango_attr_list_new());
  pango_layout_set_text(layout, parsed ? parsed_text : markup.c_str(), -1);
  pango_attr_list_insert(attrs.get(), pango_attr_line_height_new_absolute(static_cast<int>(style.line_height_px * PANGO_SCALE)));
  pango_layout_set_attributes(layout, attrs.get());
  pango_layout_set_alignment(layout, style.align == TextStyle::Align::left    ? PANGO_ALIGN_LEFT
                                     : style.align == TextStyle::Align::right ? PANGO_ALIGN_RIGHT
                                                                              : PANGO_ALIGN_CENTER);
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  if (wrap_px && logical.width > *wrap_px * PANGO_SCALE) {
    pango_layout_set_width(layout, static_cast<int>(*wrap_px * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_get_extents(layout, nullptr, &logical);
  }
  // A centred layout with a set width draws inside [0, width]; its logical box is what we place.
  width_ = static_cast<double>(logical.width) / PANGO_SCALE;
  height_ = static_cast<double>(pango_layout_get_line_count(layout)) * style.line_height_px;
  if (pango_layout_get_width(layout) > 0) width_ = std::min(width_, *wrap_px);
}

int TextBlock::line_count() const { return pango_layout_get_line_count(layout_.get()); }

std::string TextBlock::text() const { return pango_layout_get_text(layout_.get()); }

void TextBlock::draw(cairo_t* cr, double x, double y) const {
  PangoLayout* layout = layout_.get();
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  cairo_save(cr);
  // A centred, wrapped layout puts its widest line at logical.x inside the wrap width: shift it to x.
  cairo_move_to(cr, x - static_cast<double>(logical.x) / PANGO_SCALE, y);
  pango_cairo_show_layout(cr, layout);
  cairo_restore(cr);
}

}  // namespace pp::text
