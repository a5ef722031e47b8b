// Language tag normalisation.
#include "model/lang.hpp"

#include "base/ascii.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace pp::model {

namespace {

std::vector<std::string> split_subtags(std::string_view tag) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : tag) {
    if (c == '-' || c == '_') {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

bool is_alnum_subtag(const std::string& s) {
  return !s.empty() && s.size() <= 8 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

}  // namespace

std::optional<std::string> normalize_lang(std::string_view tag) {
  auto parts = split_subtags(base::ascii_lower(tag));
  if (parts.empty() || parts[0].size() < 2 || parts[0].size() > 3 ||
      !std::all_of(parts[0].begin(), parts[0].end(), [](unsigned char c) { return std::isalpha(c) != 0; }))
    return std::nullopt;
  for (const auto& p : parts)
    if (!is_alnum_subtag(p)) return std::nullopt;

  if (parts[0] == "zh") {
    // Chinese needs its script: it decides which glyph forms (and fonts) a reader sees.
    bool traditional = false;
    for (std::size_t i = 1; i < parts.size(); ++i)
      if (parts[i] == "hant" || parts[i] == "tw" || parts[i] == "hk" || parts[i] == "mo") traditional = true;
    return traditional ? "zh-Hant" : "zh-Hans";
  }
  // Canonical case: language lower, script title case, region upper.
  std::string out = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string p = parts[i];
    if (p.size() == 4) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    else if (p.size() == 2) std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out += "-" + p;
  }
  return out;
}

std::optional<std::string> lang_from_path_segment(std::string_view segment) {
  const std::string s = base::ascii_lower(segment);
  if (s == "en" || s == "ja" || s == "ko") return s;
  if (s == "zh" || s == "zh-hans" || s == "zh-cn") return "zh-Hans";
  if (s == "zh-hant" || s == "zh-tw") return "zh-Hant";
  return std::nullopt;
}

std::string primary_lang(std::string_view tag) {
  const auto dash = tag.find('-');
  return base::ascii_lower(tag.substr(0, dash));
}

bool is_cjk_lang(std::string_view tag) {
  const std::string p = primary_lang(tag);
  return p == "zh" || p == "ja" || p == "ko";
}

}  // namespace pp::model
