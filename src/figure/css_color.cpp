// CSS colour parsing: the forms and names that appear in real diagrams' style lines.
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
  const char* name;
  unsigned rgb;
};

// CSS named colours that diagrams use; the full list is long and mostly unused.
constexpr std::array<Named, 48> named = {{
    {"black", 0x000000}, {"white", 0xFFFFFF}, {"red", 0xFF0000}, {"green", 0x008000}, {"blue", 0x0000FF},
    {"yellow", 0xFFFF00}, {"orange", 0xFFA500}, {"purple", 0x800080}, {"gray", 0x808080}, {"grey", 0x808080},
    {"lightgray", 0xD3D3D3}, {"lightgrey", 0xD3D3D3}, {"darkgray", 0xA9A9A9}, {"darkgrey", 0xA9A9A9},
    {"silver", 0xC0C0C0}, {"pink", 0xFFC0CB}, {"lightblue", 0xADD8E6}, {"lightgreen", 0x90EE90},
    {"lightyellow", 0xFFFFE0}, {"darkblue", 0x00008B}, {"darkgreen", 0x006400}, {"darkred", 0x8B0000},
    {"navy", 0x000080}, {"teal", 0x008080}, {"aqua", 0x00FFFF}, {"cyan", 0x00FFFF}, {"magenta", 0xFF00FF},
    {"fuchsia", 0xFF00FF}, {"lime", 0x00FF00}, {"maroon", 0x800000}, {"olive", 0x808000}, {"gold", 0xFFD700},
    {"coral", 0xFF7F50}, {"salmon", 0xFA8072}, {"tomato", 0xFF6347}, {"orchid", 0xDA70D6}, {"violet", 0xEE82EE},
    {"indigo", 0x4B0082}, {"brown", 0xA52A2A}, {"beige", 0xF5F5DC}, {"ivory", 0xFFFFF0}, {"lavender", 0xE6E6FA},
    {"khaki", 0xF0E68C}, {"skyblue", 0x87CEEB}, {"steelblue", 0x4682B4}, {"crimson", 0xDC143C},
    {"whitesmoke", 0xF5F5F5}, {"transparent", 0x000000},
}};

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
  if (s.starts_with("rgb")) {
    auto a = arguments(s, s.find('('));
    if (!a || a->size() < 3) return std::nullopt;
    return Color{(*a)[0] / 255.0, (*a)[1] / 255.0, (*a)[2] / 255.0, a->size() > 3 ? (*a)[3] : 1.0};
  }
  if (s.starts_with("hsl")) {
    auto a = arguments(s, s.find('('));
    if (!a || a->size() < 3) return std::nullopt;
    const double h = std::fmod((*a)[0], 360.0) / 360.0, sat = (*a)[1], l = (*a)[2];
    const double q = l < 0.5 ? l * (1 + sat) : l + sat - l * sat, p = 2 * l - q;
    return Color{hue_to_rgb(p, q, h + 1.0 / 3), hue_to_rgb(p, q, h), hue_to_rgb(p, q, h - 1.0 / 3),
                 a->size() > 3 ? (*a)[3] : 1.0};
  }
  for (const auto& n : named)
    if (s == n.name)
      return Color{((n.rgb >> 16) & 0xFF) / 255.0, ((n.rgb >> 8) & 0xFF) / 255.0, (n.rgb & 0xFF) / 255.0,
                   s == "transparent" ? 0.0 : 1.0};
  if (s == "none") return Color{0, 0, 0, 0};
  return std::nullopt;
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
