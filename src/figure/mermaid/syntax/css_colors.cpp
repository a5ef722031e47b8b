// CSS colour recognition for sequence-diagram boxes: the named colours (sorted), hex, and colour functions.
#include "figure/mermaid/syntax/css_colors.hpp"

#include "figure/mermaid/syntax/scan.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace pp::figure::mermaid::syntax {

namespace {

constexpr std::array<std::string_view, 149> names{
    "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black", "blanchedalmond",
    "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse", "chocolate", "coral",
    "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue", "darkcyan", "darkgoldenrod", "darkgray",
    "darkgreen", "darkgrey", "darkkhaki", "darkmagenta", "darkolivegreen", "darkorange", "darkorchid",
    "darkred", "darksalmon", "darkseagreen", "darkslateblue", "darkslategray", "darkslategrey",
    "darkturquoise", "darkviolet", "deeppink", "deepskyblue", "dimgray", "dimgrey", "dodgerblue", "firebrick",
    "floralwhite", "forestgreen", "fuchsia", "gainsboro", "ghostwhite", "gold", "goldenrod", "gray", "green",
    "greenyellow", "grey", "honeydew", "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender",
    "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral", "lightcyan",
    "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey", "lightpink", "lightsalmon",
    "lightseagreen", "lightskyblue", "lightslategray", "lightslategrey", "lightsteelblue", "lightyellow",
    "lime", "limegreen", "linen", "magenta", "maroon", "mediumaquamarine", "mediumblue", "mediumorchid",
    "mediumpurple", "mediumseagreen", "mediumslateblue", "mediumspringgreen", "mediumturquoise",
    "mediumvioletred", "midnightblue", "mintcream", "mistyrose", "moccasin", "navajowhite", "navy", "oldlace",
    "olive", "olivedrab", "orange", "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise",
    "palevioletred", "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue", "purple",
    "rebeccapurple", "red", "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown", "seagreen",
    "seashell", "sienna", "silver", "skyblue", "slateblue", "slategray", "slategrey", "snow", "springgreen",
    "steelblue", "tan", "teal", "thistle", "tomato", "transparent", "turquoise", "violet", "wheat", "white",
    "whitesmoke", "yellow", "yellowgreen"};

bool is_hex_color(std::string_view w) {
  if (w.size() != 4 && w.size() != 5 && w.size() != 7 && w.size() != 9) return false;
  if (w[0] != '#') return false;
  return std::all_of(w.begin() + 1, w.end(), [](char c) {
    return is_ascii_digit(c) || (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f');
  });
}

}  // namespace

bool is_css_color(std::string_view word) {
  if (word.empty()) return false;
  if (word[0] == '#') return is_hex_color(word);
  std::string lower;
  for (const char c : word) lower += ascii_lower(c);
  for (const std::string_view fn : {"rgb(", "rgba(", "hsl(", "hsla("}) {
    if (lower.starts_with(fn) && lower.ends_with(")")) return true;
  }
  return std::binary_search(names.begin(), names.end(), std::string_view(lower));
}

}  // namespace pp::figure::mermaid::syntax
