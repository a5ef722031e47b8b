// Declaration lists: Mermaid splits on every comma; we keep `\,` and rgb(1,2,3) whole, which is what authors mean.
#include "figure/mermaid/syntax/style_lists.hpp"

#include "figure/mermaid/syntax/scan.hpp"

namespace pp::figure::mermaid::syntax {

namespace {

std::vector<std::string> split_items(std::string_view text) {
  std::vector<std::string> items(1);
  int parens = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && text[i + 1] == ',') {
      items.back() += ',';
      ++i;
      continue;
    }
    if (c == '(') ++parens;
    if (c == ')' && parens > 0) --parens;
    if (c == ',' && parens == 0) {
      items.emplace_back();
      continue;
    }
    items.back() += c;
  }
  return items;
}

}  // namespace

Style parse_style_list(std::string_view text, std::vector<std::string>& bad_items) {
  Style out;
  for (const std::string& item : split_items(text)) {
    const std::string_view t = trim_ascii(item);
    if (t.empty()) continue;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || trim_ascii(t.substr(0, colon)).empty()) {
      bad_items.emplace_back(t);
      continue;
    }
    merge_style(out, Style{{std::string(trim_ascii(t.substr(0, colon))), std::string(trim_ascii(t.substr(colon + 1)))}});
  }
  return out;
}

void merge_style(Style& into, const Style& from) {
  for (const auto& [property, value] : from) {
    bool replaced = false;
    for (auto& existing : into) {
      if (existing.first == property) {
        existing.second = value;
        replaced = true;
        break;
      }
    }
    if (!replaced) into.emplace_back(property, value);
  }
}

}  // namespace pp::figure::mermaid::syntax
