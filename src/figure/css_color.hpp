// CSS colours as Mermaid styles write them: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), hsla(), the
// CSS named colours and `transparent`. The one colour table: the Mermaid syntax (is `box Aqua Team` a colour and a
// title?) and the drawing (what colour is it?) must agree, so both read this; it needs no Cairo.
#pragma once

#include <optional>
#include <string_view>

namespace pp::figure {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;  // 0..1
  friend bool operator==(const Color&, const Color&) = default;
};

// 0xRRGGBB, opaque.
constexpr Color color_hex(unsigned rrggbb) {
  return {static_cast<double>((rrggbb >> 16) & 0xffu) / 255.0, static_cast<double>((rrggbb >> 8) & 0xffu) / 255.0,
          static_cast<double>(rrggbb & 0xffu) / 255.0, 1};
}

// A CSS <color>, in any letter case, blanks and a trailing !important ignored; nullopt when it is none.
std::optional<Color> parse_css_color(std::string_view text);

// An SVG paint (fill, stroke): a colour, or `none`, which paints nothing (transparent).
std::optional<Color> parse_css_paint(std::string_view text);

// "2", "2px", "1.5 px"; nullopt when not a length.
std::optional<double> parse_css_length(std::string_view text);

}  // namespace pp::figure
