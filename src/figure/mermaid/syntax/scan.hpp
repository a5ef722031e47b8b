// Small character tests and string-view helpers shared by the Mermaid lexers.
#pragma once

#include "base/ascii.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace pp::figure::mermaid::syntax {

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
inline bool is_word_char(char c) { return is_ascii_alnum(c) || c == '_'; }

using base::ascii_lower;
using base::iequals;
using base::trim_ascii;

inline bool starts_with_at(std::string_view s, std::size_t i, std::string_view prefix) {
  return i <= s.size() && s.substr(i).starts_with(prefix);
}

inline std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

inline std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

inline std::size_t line_end(std::string_view s, std::size_t i) {
  const std::size_t e = s.find('\n', i);
  return e == std::string_view::npos ? s.size() : e;
}

// Length of a Mermaid entity code at s[i] (`#quot;`, `#35;`, `#9829;`): '#', 1 to 32 letters or digits, ';'.
// Mermaid hides these from its grammars, so a ';' or '#' inside one never ends a statement.
inline std::size_t entity_code_length(std::string_view s, std::size_t i) {
  if (i >= s.size() || s[i] != '#') return 0;
  std::size_t k = i + 1;
  while (k < s.size() && k - i <= 32 && is_word_char(s[k])) ++k;
  if (k == i + 1 || k >= s.size() || s[k] != ';') return 0;
  return k + 1 - i;
}

// End of a statement's text from s[i]: the line end, or a ';' that is not part of an entity code.
inline std::size_t statement_end(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] != '\n') {
    if (const std::size_t n = entity_code_length(s, i)) {
      i += n;
      continue;
    }
    if (s[i] == ';') break;
    ++i;
  }
  return i;
}

// A short, printable quote of source text for messages: at most 24 bytes, cut on a UTF-8 boundary.
inline std::string quote_source(std::string_view s) {
  std::size_t n = std::min<std::size_t>(s.size(), 24);
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  std::string out(s.substr(0, n));
  if (n < s.size()) out += "...";
  return "'" + out + "'";
}

}  // namespace pp::figure::mermaid::syntax
