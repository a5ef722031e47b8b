// Syntax highlighting for fenced code: the language named by the fence's info string, read with
// KSyntaxHighlighting (the definitions Kate and Pandoc use), as byte ranges of the source and the
// default style of each. Nothing here knows of PDF or EPUB: each writer turns styles into its own look.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pp::highlight {

// KSyntaxHighlighting's default text styles, in its order (a definition maps every one of its formats
// to one of these, which is what lets one theme colour every language).
enum class TokenStyle : std::uint8_t {
  normal, keyword, function, variable, control_flow, operator_, built_in, extension, preprocessor, attribute,
  char_, special_char, string, verbatim_string, special_string, import, data_type, dec_val, base_n, float_,
  constant, comment, documentation, annotation, comment_var, region_marker, information, warning, alert,
  others, error,
};
inline constexpr int token_style_count = static_cast<int>(TokenStyle::error) + 1;

struct Token {
  std::uint32_t start = 0, end = 0;  // UTF-8 byte offsets into the highlighted text
  TokenStyle style = TokenStyle::normal;
  friend bool operator==(const Token&, const Token&) = default;
};

struct HighlightedCode {
  std::string language;       // the definition's name ("Python"); empty when the text stays plain
  std::vector<Token> tokens;  // styled ranges only (no `normal`), in order, not overlapping
};

// The definition name a fence's info string selects ("py", "Python", "sh", "tsx", "Dockerfile"...), or
// empty when no definition matches (or the info asks for plain text).
std::string language_for(std::string_view info);

// Highlights `text` as the language `info` names. Unknown or empty languages give no tokens. Safe to call
// from several threads (each keeps its own definitions).
HighlightedCode highlight(std::string_view text, std::string_view info);

// Pandoc's short class names for the styles ("kw", "st", "co"...), so stylesheets written for Pandoc's
// HTML work on our EPUB as well; empty for `normal`.
std::string_view css_class(TokenStyle style);

// The styles gathered into the few groups a theme colours: a reader tells a keyword from a string from a
// comment, not a float from a decimal. Operators and the rest stay in the text colour.
enum class SyntaxGroup : std::uint8_t { plain, keyword, type, function, string, number, comment, preprocessor, variable, alert };
inline constexpr int syntax_group_count = static_cast<int>(SyntaxGroup::alert) + 1;

SyntaxGroup group_of(TokenStyle style);

// The group's name as theme files and stylesheets write it ("keyword", "comment"...).
std::string_view group_name(SyntaxGroup group);

// The style's name as a theme file writes it ("keyword", "control-flow"...).
std::string_view style_name(TokenStyle style);

}  // namespace pp::highlight
