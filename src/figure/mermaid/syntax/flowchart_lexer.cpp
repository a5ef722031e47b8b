// The flowchart lexer: ids, the fifteen bracket shapes, @{...} bodies, and every link form with its label.
#include "figure/mermaid/syntax/flowchart_lexer.hpp"

#include "base/utf8.hpp"
#include "figure/mermaid/syntax/scan.hpp"

#include <array>

namespace pp::figure::mermaid::syntax {

namespace {

bool is_unicode_space(char32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0xFFFD;
}

// Length of the id character at s[i], or 0.
std::size_t id_char_length(std::string_view s, std::size_t i) {
  const char c = s[i];
  const char next = i + 1 < s.size() ? s[i + 1] : '\0';
  if (static_cast<unsigned char>(c) >= 0x80) {
    std::size_t k = i;
    const char32_t cp = base::decode_utf8(s, k);
    return is_unicode_space(cp) ? 0 : k - i;
  }
  if (is_ascii_alnum(c)) return 1;
  switch (c) {
    case '!': case '#': case '$': case '%': case '\'': case '*': case '+': case '.': case '`': case '?':
    case '\\': case '_': case '/': case ',':
      return 1;
    case ':': return (next == ':' && i + 2 < s.size() && s[i + 2] == ':') ? 0 : 1;
    case '-': return (next == '>' || next == '-' || next == '.') ? 0 : 1;
    case '=': return next == '=' ? 0 : 1;
    default: return 0;
  }
}

struct Opener {
  std::string_view open;
  std::string_view close;
  NodeShape shape;
  std::string_view alt_close;  // trapezoid family: the other closing form
  NodeShape alt_shape;
  bool strict;                 // no fallback to a shorter opener when unclosed
};

constexpr std::array<Opener, 14> openers{{
    {"(((", ")))", NodeShape::double_circle, "", NodeShape::rect, true},
    {"((", "))", NodeShape::circle, "", NodeShape::rect, true},
    {"([", "])", NodeShape::stadium, "", NodeShape::rect, false},
    {"(-", "-)", NodeShape::ellipse, "", NodeShape::rect, false},
    {"(", ")", NodeShape::round, "", NodeShape::rect, true},
    {"[[", "]]", NodeShape::subroutine, "", NodeShape::rect, true},
    {"[(", ")]", NodeShape::cylinder, "", NodeShape::rect, false},
    {"[/", "/]", NodeShape::lean_right, "\\]", NodeShape::trapezoid, false},
    {"[\\", "\\]", NodeShape::lean_left, "/]", NodeShape::inv_trapezoid, false},
    {"[", "]", NodeShape::rect, "", NodeShape::rect, true},
    {">", "]", NodeShape::asymmetric, "", NodeShape::rect, true},
    {"{{", "}}", NodeShape::hexagon, "", NodeShape::rect, true},
    {"{", "}", NodeShape::diamond, "", NodeShape::rect, true},
    {"", "", NodeShape::rect, "", NodeShape::rect, true},
}};

// End of the closing quote of a quoted label starting at s[i] ('"'); a markdown string "`...`" closes at `".
std::optional<std::size_t> quoted_end(std::string_view s, std::size_t i) {
  if (starts_with_at(s, i, "\"`")) {
    const std::size_t close = s.find("`\"", i + 2);
    if (close != std::string_view::npos) return close + 2;
  }
  const std::size_t close = s.find('"', i + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return close + 1;
}

char opening_of(char close) { return close == ')' ? '(' : close == ']' ? '[' : close == '}' ? '{' : '\0'; }

// Where the unquoted label from `p` ends at `close` (or `alt`), on this line, skipping nested brackets of
// the same kind: `A(f(x))` is a round node labelled "f(x)". Returns the closer's offset and which one matched.
std::optional<std::pair<std::size_t, bool>> find_closer(std::string_view s, std::size_t p, std::string_view close,
                                                        std::string_view alt) {
  const char open = opening_of(close.back());
  int depth = 0;
  for (; p < s.size() && s[p] != '\n'; ++p) {
    if (open != '\0' && s[p] == open) {
      ++depth;
      continue;
    }
    if (depth == 0 && starts_with_at(s, p, close)) return std::make_pair(p, false);
    if (depth == 0 && !alt.empty() && starts_with_at(s, p, alt)) return std::make_pair(p, true);
    if (depth > 0 && s[p] == close.back()) --depth;
  }
  return std::nullopt;
}

std::optional<ShapeToken> try_opener(std::string_view s, std::size_t i, const Opener& o,
                                     std::optional<TokenError>& error) {
  std::size_t p = i + o.open.size();
  if (o.shape == NodeShape::rect && o.open == "[" && p < s.size() && s[p] == '|') {
    // id[|field:value|text]: a rectangle with a property we do not draw; skip the property.
    const std::size_t bar = s.find('|', p + 1);
    if (bar != std::string_view::npos && bar < line_end(s, p)) p = bar + 1;
  }
  const std::size_t q = skip_blanks(s, p);
  if (q < s.size() && s[q] == '"') {
    const auto qend = quoted_end(s, q);
    if (!qend) {
      error = TokenError{q, "expected '\"' to close the quoted label"};
      return std::nullopt;
    }
    const std::size_t c = skip_blanks(s, *qend);
    const bool main_close = starts_with_at(s, c, o.close);
    const bool alt_close = !o.alt_close.empty() && starts_with_at(s, c, o.alt_close);
    if (!main_close && !alt_close) {
      error = TokenError{c, "expected '" + std::string(o.close) + "' after the quoted label"};
      return std::nullopt;
    }
    return ShapeToken{main_close ? o.shape : o.alt_shape, q, *qend, c + (main_close ? o.close : o.alt_close).size()};
  }
  const auto closer = find_closer(s, p, o.close, o.alt_close);
  if (!closer) {
    error = TokenError{i, "expected '" + std::string(o.close) + "' to close the node label"};
    return std::nullopt;
  }
  const auto [c, alt] = *closer;
  return ShapeToken{alt ? o.alt_shape : o.shape, p, c, c + (alt ? o.alt_close : o.close).size()};
}

struct Body {
  std::size_t end = 0;
  Head head = Head::none;
  int length = 1;
  bool ambiguous = false;
  Head alt_head = Head::none;
  int alt_length = 1;
};

Head head_of(char c) { return c == '>' ? Head::arrow : c == 'o' ? Head::circle : c == 'x' ? Head::cross : Head::none; }

// A run of '-' or '=' (at least two) and its optional head, starting at s[k]; nullopt for a bare "--"/"==".
std::optional<Body> run_body(std::string_view s, std::size_t k, char ch) {
  std::size_t j = k;
  while (j < s.size() && s[j] == ch) ++j;
  const int m = static_cast<int>(j - k);
  if (m < 2) return std::nullopt;
  const char h = j < s.size() ? s[j] : '\0';
  if (h == '>') return Body{j + 1, Head::arrow, m - 1};
  if (h == 'o' || h == 'x') {
    if (m >= 3 && j + 1 < s.size() && id_char_length(s, j + 1) > 0) {
      return Body{j, Head::none, m - 2, true, head_of(h), m - 1};
    }
    return Body{j + 1, head_of(h), m - 1};
  }
  if (m >= 3) return Body{j, Head::none, m - 2};
  return std::nullopt;
}

// Dots then '-' then an optional head, starting at the first dot s[k]: the dotted link after its leading '-'.
std::optional<Body> dotted_body(std::string_view s, std::size_t k) {
  std::size_t j = k;
  while (j < s.size() && s[j] == '.') ++j;
  const int dots = static_cast<int>(j - k);
  if (dots == 0 || j >= s.size() || s[j] != '-') return std::nullopt;
  ++j;
  const char h = j < s.size() ? s[j] : '\0';
  if (h == '>') return Body{j + 1, Head::arrow, dots};
  if (h == 'o' || h == 'x') {
    if (j + 1 < s.size() && id_char_length(s, j + 1) > 0) return Body{j, Head::none, dots, true, head_of(h), dots};
    return Body{j + 1, head_of(h), dots};
  }
  return Body{j, Head::none, dots};
}

LineStyle style_of(char ch) { return ch == '=' ? LineStyle::thick : ch == '.' ? LineStyle::dotted : LineStyle::solid; }

void apply_body(LinkToken& t, const Body& b) {
  t.end = b.end;
  t.end_head = b.head;
  t.length = b.length;
  t.ambiguous_head = b.ambiguous;
  t.alternative_head = b.alt_head;
  t.alternative_length = b.alt_length;
}

// After an opener "--", "==" or "-.": the label text and the closing link (`-- text -->`).
bool inline_text(std::string_view s, LinkToken& t, std::size_t p, char kind, std::optional<TokenError>& error) {
  const std::size_t text_begin = p;
  std::size_t q = skip_blanks(s, p);
  std::size_t search = q;
  if (q < s.size() && s[q] == '"') {
    const auto qe = quoted_end(s, q);
    if (!qe) {
      error = TokenError{q, "expected '\"' to close the quoted link text"};
      return false;
    }
    search = *qe;
  }
  const std::string_view closing = kind == '-' ? "--" : kind == '=' ? "==" : ".-";
  const std::size_t eol = line_end(s, search);
  std::size_t c = s.substr(0, eol).find(closing, search);
  if (c == std::string_view::npos) {
    error = TokenError{t.begin, "expected a closing link such as '" +
                                    std::string(kind == '-' ? "-->" : kind == '=' ? "==>" : ".->") +
                                    "' after the link text"};
    return false;
  }
  std::optional<Body> body;
  std::size_t text_end = c;
  if (kind == '.') {
    while (text_end > search && s[text_end - 1] == '.') --text_end;  // the whole run of dots closes
    body = dotted_body(s, text_end);
    if (text_end > search && s[text_end - 1] == '-') --text_end;  // optional leading '-' of ".->"/"-.->"
  } else {
    body = run_body(s, c, kind);
  }
  if (!body) {
    error = TokenError{c, "expected '" + std::string(kind == '-' ? "-->" : "==>") + "' or '" +
                              std::string(kind == '-' ? "---" : "===") + "' to close the link text"};
    return false;
  }
  apply_body(t, *body);
  t.text = std::make_pair(text_begin, text_end);
  return true;
}

// `|text|` after a link, blanks allowed around it.
bool pipe_label(std::string_view s, LinkToken& t, std::optional<TokenError>& error) {
  const std::size_t bar = skip_blanks(s, t.end);
  if (bar >= s.size() || s[bar] != '|') return true;
  std::size_t p = skip_blanks(s, bar + 1);
  if (p < s.size() && s[p] == '"') {
    const auto qe = quoted_end(s, p);
    if (qe) p = *qe;
  }
  const std::size_t eol = line_end(s, p);
  const std::size_t close = s.substr(0, eol).find('|', p);
  if (close == std::string_view::npos) {
    error = TokenError{bar, "expected '|' to close the link label"};
    return false;
  }
  t.text = std::make_pair(bar + 1, close);
  t.end = close + 1;
  return true;
}

}  // namespace

std::size_t scan_node_id(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    const std::size_t n = id_char_length(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

std::optional<DirectionToken> scan_direction(std::string_view s, std::size_t i, bool header) {
  std::size_t e = i;
  if (header && e < s.size() && (s[e] == '<' || s[e] == '>' || s[e] == '^')) ++e;
  while (e < s.size() && is_ascii_alpha(s[e])) ++e;
  const std::string_view written = s.substr(i, e - i);
  if (header) {
    if (written == "v") return DirectionToken{Direction::top_bottom, e, "v", false};
    if (written == "^") return DirectionToken{Direction::bottom_top, e, "^", false};
    if (written == ">") return DirectionToken{Direction::left_right, e, ">", false};
    if (written == "<") return DirectionToken{Direction::right_left, e, "<", false};
  }
  if (written.size() != 2) return std::nullopt;
  const std::string word = base::ascii_upper(written);
  Direction direction = Direction::top_bottom;
  if (word == "BT") direction = Direction::bottom_top;
  else if (word == "LR") direction = Direction::left_right;
  else if (word == "RL") direction = Direction::right_left;
  else if (word != "TB" && word != "TD") return std::nullopt;
  const bool lower_case = word != written;
  return DirectionToken{direction, e, std::move(word), lower_case};
}

std::optional<ShapeToken> scan_shape(std::string_view s, std::size_t i, std::optional<TokenError>& error) {
  std::optional<TokenError> first_error;
  for (const Opener& o : openers) {
    if (o.open.empty() || !starts_with_at(s, i, o.open)) continue;
    std::optional<TokenError> e;
    if (auto token = try_opener(s, i, o, e)) return token;
    if (!first_error) first_error = e;
    if (o.strict) break;
  }
  error = first_error;
  return std::nullopt;
}

std::optional<BraceBody> scan_shape_data(std::string_view s, std::size_t i, std::optional<TokenError>& error) {
  if (!starts_with_at(s, i, "@{")) return std::nullopt;
  int depth = 0;
  for (std::size_t p = i + 1; p < s.size(); ++p) {
    const char c = s[p];
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, p + 1);
      if (close == std::string_view::npos) break;
      p = close;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return BraceBody{i + 2, p, p + 1};
    }
  }
  error = TokenError{i, "expected '}' to close the shape data"};
  return std::nullopt;
}

std::optional<LinkToken> scan_link(std::string_view s, std::size_t i, std::optional<TokenError>& error) {
  LinkToken t;
  t.begin = i;
  std::size_t k = i;
  const auto two = [&](std::size_t p) { return p <= s.size() ? s.substr(p, 2) : std::string_view(); };
  if (k < s.size() && (s[k] == '<' || s[k] == 'o' || s[k] == 'x') &&
      (two(k + 1) == "--" || two(k + 1) == "==" || two(k + 1) == "-.")) {
    t.start = s[k] == '<' ? Head::arrow : head_of(s[k]);
    ++k;
  }
  if (k >= s.size()) return std::nullopt;
  const char c = s[k];
  if (c == '~' && t.start == Head::none) {
    std::size_t j = k;
    while (j < s.size() && s[j] == '~') ++j;
    if (j - k < 3) return std::nullopt;
    t.line = LineStyle::invisible;
    t.end_head = Head::none;
    t.length = static_cast<int>(j - k) - 2;
    t.end = j;
  } else if (two(k) == "-.") {
    t.line = LineStyle::dotted;
    if (const auto body = dotted_body(s, k + 1)) apply_body(t, *body);
    else if (!inline_text(s, t, k + 2, '.', error)) return t;
  } else if (two(k) == "--" || two(k) == "==") {
    t.line = style_of(c);
    if (const auto body = run_body(s, k, c)) apply_body(t, *body);
    else if (!inline_text(s, t, k + 2, c, error)) return t;
  } else {
    return std::nullopt;
  }
  // A pipe label may follow any link; after `-- a -->` it replaces the inline text, as in Mermaid.
  LinkToken piped = t;
  if (!pipe_label(s, piped, error)) return t;
  if (piped.text && piped.end != t.end) t = piped;
  return t;
}

}  // namespace pp::figure::mermaid::syntax
