// Turns raw label source into Label text: quotes, markdown strings, <br>, entity codes, backslash-n.
#include "figure/mermaid/syntax/labels.hpp"

#include "base/utf8.hpp"
#include "figure/mermaid/syntax/scan.hpp"

namespace pp::figure::mermaid::syntax {

namespace {

// Numeric character reference body ("35", "x23") to a code point, rejecting what HTML would not draw.
std::optional<char32_t> numeric_entity(std::string_view body) {
  const bool hex = !body.empty() && (body[0] == 'x' || body[0] == 'X');
  if (hex) body.remove_prefix(1);
  if (body.empty() || body.size() > 8) return std::nullopt;
  char32_t cp = 0;
  for (const char c : body) {
    int digit = -1;
    if (is_ascii_digit(c)) digit = c - '0';
    else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    cp = cp * (hex ? 16u : 10u) + static_cast<char32_t>(digit);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return cp;
}

// The decoded text of an entity whose body (between the lead character and ';') is `body`.
std::optional<std::string> entity_text(std::string_view body, bool allow_bare_digits) {
  if (!body.empty() && body[0] == '#') {  // &#35; or #&#35; style numeric reference
    if (const auto cp = numeric_entity(body.substr(1))) {
      std::string out;
      base::append_utf8(out, *cp);
      return out;
    }
    return std::nullopt;
  }
  if (allow_bare_digits && !body.empty() && is_ascii_digit(body[0])) {  // Mermaid's #35;
    if (const auto cp = numeric_entity(body)) {
      std::string out;
      base::append_utf8(out, *cp);
      return out;
    }
    return std::nullopt;
  }
  return named_entity(body);
}

// Collapses a quoted label's lines: Mermaid draws it as HTML, where indentation and edge blank lines vanish.
std::string tidy_quoted_lines(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view line = trim_ascii(s.substr(start, end - start));
    if (!line.empty() || !out.empty()) {
      out += line;
      out += '\n';
    }
    start = end + 1;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string backslash_n_to_newline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '#' || c == '&') {
      const std::size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 34) {
        const std::string_view body = s.substr(i + 1, semi - i - 1);
        if (const auto text = entity_text(body, c == '#')) {
          out += *text;
          i = semi + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::string breaks_to_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '<' && i + 3 < s.size() && ascii_lower(s[i + 1]) == 'b' && ascii_lower(s[i + 2]) == 'r') {
      std::size_t k = i + 3;
      while (k < s.size() && is_space(s[k])) ++k;
      if (k < s.size() && s[k] == '/') ++k;
      if (k < s.size() && s[k] == '>') {
        out += '\n';
        i = k + 1;
        continue;
      }
    }
    out += s[i];
    ++i;
  }
  return out;
}

std::string plain_text(std::string_view raw) { return decode_entities(breaks_to_newlines(raw)); }

Label make_label(std::string_view raw) {
  const std::string_view t = trim_ascii(raw);
  if (t.size() >= 4 && t.starts_with("\"`") && t.ends_with("`\"")) {
    return Label{plain_text(t.substr(2, t.size() - 4)), true};
  }
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    return Label{tidy_quoted_lines(plain_text(backslash_n_to_newline(t.substr(1, t.size() - 2)))), false};
  }
  return Label{plain_text(backslash_n_to_newline(t)), false};
}

}  // namespace pp::figure::mermaid::syntax
