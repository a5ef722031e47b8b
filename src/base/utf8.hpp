// UTF-8: validation, decoding one code point at a time, encoding, and character classes we need.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pp::base {

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and >U+10FFFF included).
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Decodes the code point at s[i] and advances i; returns U+FFFD for a malformed sequence.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// The last code point of s (U+0000 when s is empty).
char32_t last_code_point(std::string_view s);
char32_t first_code_point(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

// Han, kana and CJK/fullwidth punctuation: scripts written without spaces between words.
// Hangul is excluded on purpose: Korean separates words with spaces.
bool is_cjk_unspaced(char32_t cp);
bool is_cjk_punctuation(char32_t cp);
bool is_hangul(char32_t cp);

}  // namespace pp::base
