// UTF-8 helpers (RFC 3629 well-formedness, as the Unicode standard's table 3-7 defines it).
#include "base/utf8.hpp"

namespace pp::base {

namespace {

// Length of the well-formed sequence starting at s[i], or 0.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b0 == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (b0 == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b0 == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, which is most of any Markdown file.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  const std::size_t n = sequence_length(s, i);
  if (n == 0) {
    ++i;
    return U'\uFFFD';
  }
  auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  char32_t cp = 0;
  switch (n) {
    case 1: cp = b(0); break;
    case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
    case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
    default: cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); break;
  }
  i += n;
  return cp;
}

char32_t first_code_point(std::string_view s) {
  std::size_t i = 0;
  return s.empty() ? U'\0' : decode_utf8(s, i);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return U'\0';
  std::size_t start = s.size() - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++k) --start;
  std::size_t i = start;
  return decode_utf8(s, i);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_hangul(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xAC00 && cp <= 0xD7FF);
}

bool is_cjk_punctuation(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation: 。、「」『』〈〉
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) ||  // fullwidth ！（），．：；？［］｛｝ and halfwidth ｡｢｣､･
         (cp >= 0xFE10 && cp <= 0xFE19) ||  // vertical forms
         (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms (vertical punctuation)
         cp == 0x2014 || cp == 0x2026 || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
         cp == 0x00B7;
}

bool is_cjk_unspaced(char32_t cp) {
  if (is_hangul(cp)) return false;
  return (cp >= 0x2E80 && cp <= 0x2FDF) ||    // CJK radicals, Kangxi radicals
         (cp >= 0x3000 && cp <= 0x30FF) ||    // punctuation, hiragana, katakana
         (cp >= 0x3100 && cp <= 0x312F) ||    // bopomofo
         (cp >= 0x31A0 && cp <= 0x31FF) ||    // bopomofo ext, CJK strokes, katakana ext
         (cp >= 0x3200 && cp <= 0x33FF) ||    // enclosed CJK, compatibility
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // ext A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFF61 && cp <= 0xFF9F) ||    // halfwidth katakana
         (cp >= 0x20000 && cp <= 0x3FFFF);    // supplementary ideographic planes
}

}  // namespace pp::base
