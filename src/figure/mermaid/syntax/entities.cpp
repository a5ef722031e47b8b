// The named HTML entities blog authors write in Mermaid labels (#quot; #amp; #nbsp; #hearts; ...).
#include "figure/mermaid/syntax/labels.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace pp::figure::mermaid::syntax {

namespace {

// Sorted by name (ASCII order) for binary search. Not the whole HTML list: the common typographic,
// arrow, math, currency and card-suit names; anything else stays as written.
constexpr std::array<std::pair<std::string_view, std::string_view>, 102> entities{{
    {"AElig", "\u00C6"}, {"Alpha", "\u0391"}, {"Beta", "\u0392"}, {"Delta", "\u0394"}, {"Gamma", "\u0393"},
    {"Lambda", "\u039B"}, {"Omega", "\u03A9"}, {"Pi", "\u03A0"}, {"Sigma", "\u03A3"}, {"Theta", "\u0398"},
    {"aacute", "\u00E1"}, {"alpha", "\u03B1"}, {"amp", "&"}, {"and", "\u2227"}, {"ang", "\u2220"},
    {"apos", "'"}, {"asymp", "\u2248"}, {"beta", "\u03B2"}, {"brvbar", "\u00A6"}, {"bull", "\u2022"},
    {"cent", "\u00A2"}, {"check", "\u2713"}, {"clubs", "\u2663"}, {"colon", ":"}, {"comma", ","},
    {"copy", "\u00A9"}, {"cross", "\u2717"}, {"darr", "\u2193"}, {"deg", "\u00B0"}, {"delta", "\u03B4"},
    {"diams", "\u2666"}, {"divide", "\u00F7"}, {"eacute", "\u00E9"}, {"egrave", "\u00E8"}, {"empty", "\u2205"},
    {"emsp", "\u2003"}, {"ensp", "\u2002"}, {"epsilon", "\u03B5"}, {"equiv", "\u2261"}, {"euro", "\u20AC"},
    {"exist", "\u2203"}, {"forall", "\u2200"}, {"frac12", "\u00BD"}, {"frac14", "\u00BC"},
    {"frac34", "\u00BE"}, {"gamma", "\u03B3"}, {"ge", "\u2265"}, {"gt", ">"}, {"hArr", "\u21D4"},
    {"harr", "\u2194"}, {"hearts", "\u2665"}, {"hellip", "\u2026"}, {"iexcl", "\u00A1"}, {"infin", "\u221E"},
    {"iquest", "\u00BF"}, {"isin", "\u2208"}, {"lArr", "\u21D0"}, {"lambda", "\u03BB"}, {"laquo", "\u00AB"},
    {"larr", "\u2190"}, {"ldquo", "\u201C"}, {"le", "\u2264"}, {"lowast", "\u2217"}, {"lpar", "("},
    {"lsquo", "\u2018"}, {"lt", "<"}, {"mdash", "\u2014"}, {"micro", "\u00B5"}, {"middot", "\u00B7"},
    {"minus", "\u2212"}, {"mu", "\u03BC"}, {"nbsp", "\u00A0"}, {"ndash", "\u2013"}, {"ne", "\u2260"},
    {"not", "\u00AC"}, {"num", "#"}, {"omega", "\u03C9"}, {"or", "\u2228"}, {"para", "\u00B6"},
    {"pi", "\u03C0"}, {"plusmn", "\u00B1"}, {"pound", "\u00A3"}, {"quot", "\""}, {"rArr", "\u21D2"},
    {"radic", "\u221A"}, {"raquo", "\u00BB"}, {"rarr", "\u2192"}, {"rdquo", "\u201D"}, {"reg", "\u00AE"},
    {"rpar", ")"}, {"rsquo", "\u2019"}, {"sect", "\u00A7"}, {"semi", ";"}, {"sigma", "\u03C3"},
    {"spades", "\u2660"}, {"sum", "\u2211"}, {"sup2", "\u00B2"}, {"theta", "\u03B8"}, {"times", "\u00D7"},
    {"trade", "\u2122"}, {"uarr", "\u2191"}, {"yen", "\u00A5"},
}};

constexpr bool sorted() {
  for (std::size_t i = 1; i < entities.size(); ++i) {
    if (!(entities[i - 1].first < entities[i].first)) return false;
  }
  return true;
}
static_assert(sorted(), "entity table must stay sorted for binary search");

}  // namespace

std::optional<std::string> named_entity(std::string_view name) {
  const auto it = std::lower_bound(entities.begin(), entities.end(), name,
                                   [](const auto& entry, std::string_view n) { return entry.first < n; });
  if (it == entities.end() || it->first != name) return std::nullopt;
  return std::string(it->second);
}

}  // namespace pp::figure::mermaid::syntax
