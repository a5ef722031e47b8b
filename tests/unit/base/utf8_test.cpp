// base/utf8: well-formedness (Unicode table 3-7), decoding, and the character classes line joining uses.
#include "base/utf8.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>

using pp::base::decode_utf8;
using pp::base::find_invalid_utf8;

namespace {

std::optional<std::size_t> invalid_at(const std::string& s) { return find_invalid_utf8(s); }

}  // namespace

TEST_CASE("find_invalid_utf8 accepts well-formed text of every length", "[utf8]") {
  CHECK_FALSE(invalid_at(""));
  CHECK_FALSE(invalid_at("plain ASCII\n\t"));
  CHECK_FALSE(invalid_at("caf\xC3\xA9"));                 // U+00E9, 2 bytes
  CHECK_FALSE(invalid_at("\xE4\xB8\xAD\xE6\x96\x87"));     // 中文, 3 bytes each
  CHECK_FALSE(invalid_at("\xF0\x9F\x98\x80"));             // U+1F600, 4 bytes
  CHECK_FALSE(invalid_at("\xC2\x80"));                     // U+0080, smallest 2-byte
  CHECK_FALSE(invalid_at("\xE0\xA0\x80"));                 // U+0800, smallest 3-byte
  CHECK_FALSE(invalid_at("\xED\x9F\xBF"));                 // U+D7FF, just below the surrogates
  CHECK_FALSE(invalid_at("\xEE\x80\x80"));                 // U+E000, just above the surrogates
  CHECK_FALSE(invalid_at("\xEF\xBF\xBF"));                 // U+FFFF
  CHECK_FALSE(invalid_at("\xF0\x90\x80\x80"));             // U+10000, smallest 4-byte
  CHECK_FALSE(invalid_at("\xF4\x8F\xBF\xBF"));             // U+10FFFF, the largest code point
}

TEST_CASE("find_invalid_utf8 reports the offset of the first bad byte", "[utf8]") {
  SECTION("overlong forms") {
    CHECK(invalid_at("\xC0\x80") == 0u);          // overlong NUL
    CHECK(invalid_at("ab\xC1\xBF") == 2u);        // overlong U+007F
    CHECK(invalid_at("\xE0\x80\x80") == 0u);      // overlong 3-byte
    CHECK(invalid_at("\xE0\x9F\xBF") == 0u);      // overlong U+07FF
    CHECK(invalid_at("\xF0\x80\x80\x80") == 0u);  // overlong 4-byte
    CHECK(invalid_at("\xF0\x8F\xBF\xBF") == 0u);  // overlong U+FFFF
  }
  SECTION("UTF-16 surrogates") {
    CHECK(invalid_at("x\xED\xA0\x80") == 1u);  // U+D800
    CHECK(invalid_at("\xED\xBF\xBF") == 0u);   // U+DFFF
  }
  SECTION("beyond U+10FFFF and bytes that never occur") {
    CHECK(invalid_at("\xF4\x90\x80\x80") == 0u);  // U+110000
    CHECK(invalid_at("\xF5\x80\x80\x80") == 0u);
    CHECK(invalid_at("\xF8\x88\x80\x80\x80") == 0u);
    CHECK(invalid_at("ok\xFF") == 2u);
    CHECK(invalid_at("ok\xFE") == 2u);
  }
  SECTION("stray continuation bytes") {
    CHECK(invalid_at("\x80") == 0u);
    CHECK(invalid_at("\xE4\xB8\xAD\xAD") == 3u);  // 中 then an extra continuation byte
  }
  SECTION("truncated sequences") {
    CHECK(invalid_at("ab\xE4\xB8") == 2u);         // 中 missing its last byte, at the end
    CHECK(invalid_at("\xE4\xB8x") == 0u);          // ... and in the middle
    CHECK(invalid_at("\xC3") == 0u);
    CHECK(invalid_at("\xF0\x9F\x98") == 0u);
    CHECK(invalid_at("\xE4\xB8\xAD\xF0\x9F") == 3u);
  }
}

TEST_CASE("decode_utf8 returns code points and advances past them", "[utf8]") {
  const std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // a é 中 😀
  std::size_t i = 0;
  CHECK(decode_utf8(s, i) == U'a');
  CHECK(i == 1);
  CHECK(decode_utf8(s, i) == U'\u00E9');
  CHECK(i == 3);
  CHECK(decode_utf8(s, i) == U'\u4E2D');
  CHECK(i == 6);
  CHECK(decode_utf8(s, i) == U'\U0001F600');
  CHECK(i == 10);
}

TEST_CASE("decode_utf8 turns a malformed sequence into U+FFFD one byte at a time", "[utf8]") {
  const std::string s = "\xC0\x80z\xED\xA0\x80";
  std::size_t i = 0;
  CHECK(decode_utf8(s, i) == U'\uFFFD');
  CHECK(i == 1);
  CHECK(decode_utf8(s, i) == U'\uFFFD');  // the lone continuation byte
  CHECK(i == 2);
  CHECK(decode_utf8(s, i) == U'z');
  CHECK(i == 3);
  CHECK(decode_utf8(s, i) == U'\uFFFD');  // surrogate lead
  CHECK(i == 4);

  const std::string truncated = "\xE4\xB8";
  i = 0;
  CHECK(decode_utf8(truncated, i) == U'\uFFFD');
  CHECK(i == 1);
}

TEST_CASE("first_code_point and last_code_point", "[utf8]") {
  CHECK(pp::base::first_code_point("") == U'\0');
  CHECK(pp::base::last_code_point("") == U'\0');
  CHECK(pp::base::first_code_point("\xE4\xB8\xADx") == U'\u4E2D');
  CHECK(pp::base::last_code_point("x\xE4\xB8\xAD") == U'\u4E2D');
  CHECK(pp::base::last_code_point("x\xF0\x9F\x98\x80") == U'\U0001F600');
  CHECK(pp::base::last_code_point("ab") == U'b');
}

TEST_CASE("append_utf8 encodes every length and round-trips through decode_utf8", "[utf8]") {
  std::string out;
  for (char32_t cp : {U'\x41', U'\u00E9', U'\u07FF', U'\u0800', U'\u4E2D', U'\uFFFD', U'\U00010000', U'\U0010FFFF'})
    pp::base::append_utf8(out, cp);
  CHECK(out == "A\xC3\xA9\xDF\xBF\xE0\xA0\x80\xE4\xB8\xAD\xEF\xBF\xBD\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
  CHECK_FALSE(find_invalid_utf8(out));
  std::size_t i = 0;
  std::u32string back;
  while (i < out.size()) back += decode_utf8(out, i);
  CHECK(back == U"A\u00E9\u07FF\u0800\u4E2D\uFFFD\U00010000\U0010FFFF");
}

TEST_CASE("is_cjk_unspaced covers Han, kana and CJK punctuation but not Hangul or Latin", "[utf8]") {
  using pp::base::is_cjk_unspaced;
  using pp::base::is_hangul;
  CHECK(is_cjk_unspaced(U'\u4E2D'));      // 中
  CHECK(is_cjk_unspaced(U'\u3400'));      // CJK ext A
  CHECK(is_cjk_unspaced(U'\U00020000'));  // CJK ext B
  CHECK(is_cjk_unspaced(U'\u3042'));      // あ
  CHECK(is_cjk_unspaced(U'\u30A2'));      // ア
  CHECK(is_cjk_unspaced(U'\uFF71'));      // halfwidth ｱ
  CHECK(is_cjk_unspaced(U'\u3002'));      // 。
  CHECK(is_cjk_unspaced(U'\uFF0C'));      // ，
  CHECK(is_cjk_unspaced(U'\u3105'));      // bopomofo ㄅ

  CHECK_FALSE(is_cjk_unspaced(U'\uD55C'));  // 한
  CHECK_FALSE(is_cjk_unspaced(U'\u1100'));  // Hangul jamo ᄀ
  CHECK_FALSE(is_cjk_unspaced(U'\u3131'));  // compatibility jamo ㄱ
  CHECK_FALSE(is_cjk_unspaced(U'a'));
  CHECK_FALSE(is_cjk_unspaced(U'\u00E9'));
  CHECK_FALSE(is_cjk_unspaced(U'\U0001F600'));

  CHECK(is_hangul(U'\uD55C'));
  CHECK(is_hangul(U'\uAC00'));
  CHECK(is_hangul(U'\u1100'));
  CHECK(is_hangul(U'\u3131'));
  CHECK_FALSE(is_hangul(U'\u4E2D'));
  CHECK_FALSE(is_hangul(U'\u3042'));
  CHECK_FALSE(is_hangul(U'a'));
}

TEST_CASE("is_cjk_punctuation", "[utf8]") {
  using pp::base::is_cjk_punctuation;
  for (char32_t cp : {U'\u3001', U'\u3002', U'\u300C', U'\u300D', U'\uFF01', U'\uFF08', U'\uFF09', U'\uFF0C', U'\uFF1A',
                      U'\uFF1F', U'\u2014', U'\u2026', U'\u201C', U'\u201D', U'\u00B7', U'\uFE31', U'\uFF65'}) {
    INFO(static_cast<std::uint32_t>(cp));
    CHECK(is_cjk_punctuation(cp));
  }
  for (char32_t cp : {U'a', U',', U'.', U'\u4E2D', U'\u3042', U'\uD55C', U'\uFF21' /* Ａ */}) {
    INFO(static_cast<std::uint32_t>(cp));
    CHECK_FALSE(is_cjk_punctuation(cp));
  }
}
