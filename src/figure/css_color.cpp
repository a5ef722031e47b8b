// CSS colour parsing: hex, the colour functions, and every CSS named colour.
#include "figure/css_color.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace pp::figure {

namespace {

std::string trim_lower(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.ends_with("!important")) out.resize(out.size() - 10);
  return out;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::vector<double>> arguments(const std::string& s, std::size_t open) {
  if (!s.ends_with(")")) return std::nullopt;
  std::vector<double> out;
  std::string inner = s.substr(open + 1, s.size() - open - 2);
  std::replace(inner.begin(), inner.end(), '/', ',');
  std::size_t start = 0;
  while (start <= inner.size()) {
    const auto comma = inner.find(',', start);
    std::string part = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const bool percent = part.ends_with("%");
    if (percent) part.pop_back();
    for (const char* unit : {"deg"})
      if (part.ends_with(unit)) part.resize(part.size() - 3);
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end) return std::nullopt;
    out.push_back(percent ? v / 100.0 : v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

double hue_to_rgb(double p, double q, double t) {
  if (t < 0) t += 1;
  if (t > 1) t -= 1;
  if (t < 1.0 / 6) return p + (q - p) * 6 * t;
  if (t < 0.5) return q;
  if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

struct Named {
  std::string_view name;
  unsigned rgb;
};

// CSS Color 4's 148 named colours (rebeccapurple included), sorted for binary search.
constexpr std::array<Named, 148> named = {{
    {"aliceblue", 0xF0F8FF}, {"antiquewhite", 0xFAEBD7}, {"aqua", 0x00FFFF}, {"aquamarine", 0x7FFFD4},
    {"azure", 0xF0FFFF}, {"beige", 0xF5F5DC}, {"bisque", 0xFFE4C4}, {"black", 0x000000},
    {"blanchedalmond", 0xFFEBCD}, {"blue", 0x0000FF}, {"blueviolet", 0x8A2BE2}, {"brown", 0xA52A2A},
    {"burlywood", 0xDEB887}, {"cadetblue", 0x5F9EA0}, {"chartreuse", 0x7FFF00}, {"chocolate", 0xD2691E},
    {"coral", 0xFF7F50}, {"cornflowerblue", 0x6495ED}, {"cornsilk", 0xFFF8DC}, {"crimson", 0xDC143C},
    {"cyan", 0x00FFFF}, {"darkblue", 0x00008B}, {"darkcyan", 0x008B8B}, {"darkgoldenrod", 0xB8860B},
    {"darkgray", 0xA9A9A9}, {"darkgreen", 0x006400}, {"darkgrey", 0xA9A9A9}, {"darkkhaki", 0xBDB76B},
    {"darkmagenta", 0x8B008B}, {"darkolivegreen", 0x556B2F}, {"darkorange", 0xFF8C00}, {"darkorchid", 0x9932CC},
    {"darkred", 0x8B0000}, {"darksalmon", 0xE9967A}, {"darkseagreen", 0x8FBC8F}, {"darkslateblue", 0x483D8B},
    {"darkslategray", 0x2F4F4F}, {"darkslategrey", 0x2F4F4F}, {"darkturquoise", 0x00CED1}, {"darkviolet", 0x9400D3},
    {"deeppink", 0xFF1493}, {"deepskyblue", 0x00BFFF}, {"dimgray", 0x696969}, {"dimgrey", 0x696969},
    {"dodgerblue", 0x1E90FF}, {"firebrick", 0xB22222}, {"floralwhite", 0xFFFAF0}, {"forestgreen", 0x228B22},
    {"fuchsia", 0xFF00FF}, {"gainsboro", 0xDCDCDC}, {"ghostwhite", 0xF8F8FF}, {"gold", 0xFFD700},
    {"goldenrod", 0xDAA520}, {"gray", 0x808080}, {"green", 0x008000}, {"greenyellow", 0xADFF2F}, {"grey", 0x808080},
    {"honeydew", 0xF0FFF0}, {"hotpink", 0xFF69B4}, {"indianred", 0xCD5C5C}, {"indigo", 0x4B0082},
    {"ivory", 0xFFFFF0}, {"khaki", 0xF0E68C}, {"lavender", 0xE6E6FA}, {"lavenderblush", 0xFFF0F5},
    {"lawngreen", 0x7CFC00}, {"lemonchiffon", 0xFFFACD}, {"lightblue", 0xADD8E6}, {"lightcoral", 0xF08080},
    {"lightcyan", 0xE0FFFF}, {"lightgoldenrodyellow", 0xFAFAD2}, {"lightgray", 0xD3D3D3}, {"lightgreen", 0x90EE90},
    {"lightgrey", 0xD3D3D3}, {"lightpink", 0xFFB6C1}, {"lightsalmon", 0xFFA07A}, {"lightseagreen", 0x20B2AA},
    {"lightskyblue", 0x87CEFA}, {"lightslategray", 0x778899}, {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xB0C4DE}, {"lightyellow", 0xFFFFE0}, {"lime", 0x00FF00}, {"limegreen", 0x32CD32},
    {"linen", 0xFAF0E6}, {"magenta", 0xFF00FF}, {"maroon", 0x800000}, {"mediumaquamarine", 0x66CDAA},
    {"mediumblue", 0x0000CD}, {"mediumorchid", 0xBA55D3}, {"mediumpurple", 0x9370DB}, {"mediumseagreen", 0x3CB371},
    {"mediumslateblue", 0x7B68EE}, {"mediumspringgreen", 0x00FA9A}, {"mediumturquoise", 0x48D1CC},
    {"mediumvioletred", 0xC71585}, {"midnightblue", 0x191970}, {"mintcream", 0xF5FFFA}, {"mistyrose", 0xFFE4E1},
    {"moccasin", 0xFFE4B5}, {"navajowhite", 0xFFDEAD}, {"navy", 0x000080}, {"oldlace", 0xFDF5E6},
    {"olive", 0x808000}, {"olivedrab", 0x6B8E23}, {"orange", 0xFFA500}, {"orangered", 0xFF4500},
    {"orchid", 0xDA70D6}, {"palegoldenrod", 0xEEE8AA}, {"palegreen", 0x98FB98}, {"paleturquoise", 0xAFEEEE},
    {"palevioletred", 0xDB7093}, {"papayawhip", 0xFFEFD5}, {"peachpuff", 0xFFDAB9}, {"peru", 0xCD853F},
    {"pink", 0xFFC0CB}, {"plum", 0xDDA0DD}, {"powderblue", 0xB0E0E6}, {"purple", 0x800080},
    {"rebeccapurple", 0x663399}, {"red", 0xFF0000}, {"rosybrown", 0xBC8F8F}, {"royalblue", 0x4169E1},
    {"saddlebrown", 0x8B4513}, {"salmon", 0xFA8072}, {"sandybrown", 0xF4A460}, {"seagreen", 0x2E8B57},
    {"seashell", 0xFFF5EE}, {"sienna", 0xA0522D}, {"silver", 0xC0C0C0}, {"skyblue", 0x87CEEB},
    {"slateblue", 0x6A5ACD}, {"slategray", 0x708090}, {"slategrey", 0x708090}, {"snow", 0xFFFAFA},
    {"springgreen", 0x00FF7F}, {"steelblue", 0x4682B4}, {"tan", 0xD2B48C}, {"teal", 0x008080},
    {"thistle", 0xD8BFD8}, {"tomato", 0xFF6347}, {"turquoise", 0x40E0D0}, {"violet", 0xEE82EE}, {"wheat", 0xF5DEB3},
    {"white", 0xFFFFFF}, {"whitesmoke", 0xF5F5F5}, {"yellow", 0xFFFF00}, {"yellowgreen", 0x9ACD32},
}};
static_assert(std::is_sorted(named.begin(), named.end(), [](const Named& a, const Named& b) { return a.name < b.name; }));

std::optional<Color> named_color(std::string_view s) {
  const auto it = std::lower_bound(named.begin(), named.end(), s, [](const Named& n, std::string_view v) { return n.name < v; });
  if (it == named.end() || it->name != s) return std::nullopt;
  return color_hex(it->rgb);
}

}  // namespace

std::optional<Color> parse_css_color(std::string_view text) {
  const std::string s = trim_lower(text);
  if (s.empty()) return std::nullopt;
  if (s[0] == '#') {
    std::vector<int> d;
    for (std::size_t i = 1; i < s.size(); ++i) {
      if (hex(s[i]) < 0) return std::nullopt;
      d.push_back(hex(s[i]));
    }
    if (d.size() == 3 || d.size() == 4) {
      Color c{d[0] * 17 / 255.0, d[1] * 17 / 255.0, d[2] * 17 / 255.0, d.size() == 4 ? d[3] * 17 / 255.0 : 1.0};
      return c;
    }
    if (d.size() == 6 || d.size() == 8) {
      Color c{(d[0] * 16 + d[1]) / 255.0, (d[2] * 16 + d[3]) / 255.0, (d[4] * 16 + d[5]) / 255.0,
              d.size() == 8 ? (d[6] * 16 + d[7]) / 255.0 : 1.0};
      return c;
    }
    return std::nullopt;
  }
  if (const std::size_t open = s.find('('); open != std::string::npos) {
    const std::string_view function = std::string_view(s).substr(0, open);
    auto a = arguments(s, open);
    if (!a || a->size() < 3 || a->size() > 4) return std::nullopt;
    const double alpha = a->size() > 3 ? (*a)[3] : 1.0;
    if (function == "rgb" || function == "rgba") return Color{(*a)[0] / 255.0, (*a)[1] / 255.0, (*a)[2] / 255.0, alpha};
    if (function == "hsl" || function == "hsla") {
      const double h = std::fmod((*a)[0], 360.0) / 360.0, sat = (*a)[1], l = (*a)[2];
      const double q = l < 0.5 ? l * (1 + sat) : l + sat - l * sat, p = 2 * l - q;
      return Color{hue_to_rgb(p, q, h + 1.0 / 3), hue_to_rgb(p, q, h), hue_to_rgb(p, q, h - 1.0 / 3), alpha};
    }
    return std::nullopt;
  }
  if (s == "transparent") return Color{0, 0, 0, 0};
  return named_color(s);
}

std::optional<Color> parse_css_paint(std::string_view text) {
  if (trim_lower(text) == "none") return Color{0, 0, 0, 0};
  return parse_css_color(text);
}

std::optional<double> parse_css_length(std::string_view text) {
  std::string s = trim_lower(text);
  if (s.ends_with("px")) s.resize(s.size() - 2);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end || v < 0 || v > 1000) return std::nullopt;
  return v;
}

}  // namespace pp::figure
