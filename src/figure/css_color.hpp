// CSS colours as Mermaid styles write them: #rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), hsla(), names.
#pragma once

#include <optional>
#include <string_view>

namespace pp::figure {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;  // 0..1
  friend bool operator==(const Color&, const Color&) = default;
};

std::optional<Color> parse_css_color(std::string_view text);

// "2", "2px", "1.5 px"; nullopt when not a length.
std::optional<double> parse_css_length(std::string_view text);

}  // namespace pp::figure
