#include "figure/rich_text.hpp"

#include <pango/pango.h>

#include <algorithm>

namespace pp::figure {

namespace {

guint16 channel(double v) { return static_cast<guint16>(std::clamp(v, 0.0, 1.0) * 65535); }

class Builder {
 public:
  explicit Builder(const RichTextStyle& style) : style_(style) {
    out_.attrs.reset(pango_attr_list_new());
  }

  RichText finish() && { return std::move(out_); }

  void add(const model::Inlines& inlines, int depth) {
    for (const auto& in : inlines) add(in, depth);
  }

 private:
  int here() const { return static_cast<int>(out_.text.size()); }

  void attr(PangoAttribute* a, int start) {
    a->start_index = static_cast<guint>(start);
    a->end_index = static_cast<guint>(here());
    pango_attr_list_insert(out_.attrs.get(), a);
  }
  void colour(const Color& c, int start) {
    attr(pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), start);
  }
  void mono(int start) {
    attr(pango_attr_family_new(style_.mono_family.c_str()), start);
    attr(pango_attr_size_new_absolute(static_cast<int>(style_.size * 0.88 * PANGO_SCALE)), start);
  }

  void add(const model::Inline& in, int depth) {
    using K = model::InlineKind;
    const int start = here();
    // Past this depth nesting adds nothing a reader sees; flatten rather than recurse further.
    const int next = depth + 1;
    const bool deep = depth > 200;
    switch (in.kind) {
      case K::text: out_.text += in.text; return;
      case K::soft_break: out_.text += ' '; return;
      case K::hard_break: out_.text += '\n'; return;
      case K::code:
        out_.text += in.text;
        mono(start);
        {
          const auto& bg = style_.code_background;
          attr(pango_attr_background_new(channel(bg.r), channel(bg.g), channel(bg.b)), start);
        }
        colour(style_.code_text, start);
        return;
      case K::footnote_ref: {
        const int number = style_.footnote_number ? style_.footnote_number(in.text) : 0;
        out_.anchors.emplace_back(start, "fnref-" + in.text);
        out_.text += std::to_string(number);
        superscript(start);
        out_.links.push_back({start, here(), "#fn-" + in.text});
        if (style_.links_coloured) colour(style_.link, start);
        return;
      }
      case K::image:
        // An image inside running text cannot be placed; its alt text stands in, in italics.
        if (!deep) add(in.children, next);
        attr(pango_attr_style_new(PANGO_STYLE_ITALIC), start);
        return;
      case K::ruby:
        if (!deep) add(in.children, next);
        if (!in.text.empty()) {
          const int reading = here();
          out_.text += "(" + in.text + ")";
          attr(pango_attr_scale_new(0.7), reading);
        }
        return;
      default: break;
    }
    if (!deep) add(in.children, next);
    switch (in.kind) {
      case K::emphasis: attr(pango_attr_style_new(PANGO_STYLE_ITALIC), start); break;
      case K::strong: attr(pango_attr_weight_new(PANGO_WEIGHT_BOLD), start); break;
      case K::strikethrough: attr(pango_attr_strikethrough_new(TRUE), start); break;
      case K::underline: attr(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start); break;
      case K::keyboard: mono(start); break;
      case K::mark: attr(pango_attr_background_new(channel(1), channel(0.95), channel(0.6)), start); break;
      case K::superscript: superscript(start); break;
      case K::subscript:
        attr(pango_attr_rise_new(static_cast<int>(-0.2 * style_.size * PANGO_SCALE)), start);
        attr(pango_attr_scale_new(0.7), start);
        break;
      case K::link:
        if (here() > start) {
          out_.links.push_back({start, here(), in.url});
          if (style_.links_coloured) colour(style_.link, start);
        }
        break;
      default: break;
    }
  }

  void superscript(int start) {
    attr(pango_attr_rise_new(static_cast<int>(0.35 * style_.size * PANGO_SCALE)), start);
    attr(pango_attr_scale_new(0.7), start);
  }

  const RichTextStyle& style_;
  RichText out_;
};

}  // namespace

RichText build_rich_text(const model::Inlines& inlines, const RichTextStyle& style) {
  Builder b(style);
  b.add(inlines, 0);
  RichText r = std::move(b).finish();
  // Trailing hard breaks would leave an empty last line.
  while (!r.text.empty() && (r.text.back() == '\n' || r.text.back() == ' ')) r.text.pop_back();
  for (auto& link : r.links) link.end = std::min(link.end, static_cast<int>(r.text.size()));
  return r;
}

void apply_rich_text(PangoLayout* layout, const RichText& rich) {
  pango_layout_set_text(layout, rich.text.c_str(), static_cast<int>(rich.text.size()));
  pango_layout_set_attributes(layout, rich.attrs.get());
}

}  // namespace pp::figure
