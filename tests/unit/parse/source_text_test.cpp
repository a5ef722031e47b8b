// parse/source_text: encoding checks with exact positions, line ending folding, front matter split.
#include "parse/source_text.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::base::FatalError;
using pp::parse::split_source;
using pp::test::fatal_diagnostic;

namespace {

pp::base::SourcePos fatal_pos(const std::string& bytes) {
  const auto d = fatal_diagnostic([&] { split_source("post.md", bytes); });
  REQUIRE(d);
  CHECK(d->file == "post.md");
  CHECK(d->severity == pp::base::Severity::error);
  return d->pos;
}

std::string fatal_message(const std::string& bytes) {
  const auto d = fatal_diagnostic([&] { split_source("post.md", bytes); });
  REQUIRE(d);
  return d->message;
}

}  // namespace

TEST_CASE("split_source without front matter keeps the whole text as body", "[source]") {
  const auto src = split_source("post.md", "# Title\n\nBody\n");
  CHECK(src.text == "# Title\n\nBody\n");
  CHECK(src.front_matter.empty());
  CHECK(src.front_matter_line == 0);
  CHECK(src.body == "# Title\n\nBody\n");
  CHECK(src.body_line == 1);
  CHECK(src.replaced_controls == 0);

  const auto empty = split_source("post.md", "");
  CHECK(empty.text.empty());
  CHECK(empty.body.empty());
  CHECK(empty.body_line == 1);
}

TEST_CASE("split_source splits front matter from the body", "[source]") {
  const auto src = split_source("post.md", "---\ntitle: T\ndate: 2026-03-14\n---\n# Body\n");
  CHECK(src.front_matter == "title: T\ndate: 2026-03-14\n");
  CHECK(src.front_matter_line == 2);
  CHECK(src.body == "# Body\n");
  CHECK(src.body_line == 5);

  SECTION("fences may carry trailing spaces") {
    const auto s = split_source("post.md", "---  \ntitle: T\n--- \t\nbody");
    CHECK(s.front_matter == "title: T\n");
    CHECK(s.body == "body");
    CHECK(s.body_line == 4);
  }
  SECTION("empty front matter") {
    const auto s = split_source("post.md", "---\n---\nbody\n");
    CHECK(s.front_matter.empty());
    CHECK(s.body == "body\n");
    CHECK(s.body_line == 3);
  }
  SECTION("closing fence at the end of the file") {
    const auto s = split_source("post.md", "---\ntitle: T\n---");
    CHECK(s.front_matter == "title: T\n");
    CHECK(s.body.empty());
  }
  SECTION("a '---' that is not on the first line is not front matter") {
    const auto s = split_source("post.md", "\n---\ntitle: T\n---\n");
    CHECK(s.front_matter.empty());
    CHECK(s.body_line == 1);
    CHECK(s.body == "\n---\ntitle: T\n---\n");
  }
}

TEST_CASE("split_source strips a UTF-8 byte order mark", "[source]") {
  const auto src = split_source("post.md", "\xEF\xBB\xBF---\ntitle: T\n---\nbody");
  CHECK(src.text == "---\ntitle: T\n---\nbody");
  CHECK(src.front_matter == "title: T\n");
  CHECK(src.body == "body");
}

TEST_CASE("split_source folds CRLF and CR line endings to LF", "[source]") {
  const auto crlf = split_source("post.md", "---\r\ntitle: T\r\n---\r\nline 1\r\nline 2\r\n");
  CHECK(crlf.text == "---\ntitle: T\n---\nline 1\nline 2\n");
  CHECK(crlf.front_matter == "title: T\n");
  CHECK(crlf.body == "line 1\nline 2\n");
  CHECK(crlf.body_line == 4);

  const auto cr = split_source("post.md", "a\rb\r\rc");
  CHECK(cr.text == "a\nb\n\nc");
  CHECK(cr.replaced_controls == 0);
}

TEST_CASE("split_source refuses a NUL byte with its line and column", "[source]") {
  CHECK(fatal_pos(std::string("ab\ncd\0ef", 8)) == pp::base::SourcePos{2, 3});
  CHECK(fatal_pos(std::string("\0", 1)) == pp::base::SourcePos{1, 1});
  CHECK(fatal_message(std::string("x\0", 2)) == "file looks binary (it contains a NUL byte), not a Markdown post");
  REQUIRE_THROWS_AS(split_source("post.md", std::string("PNG\0\0", 5)), FatalError);
}

TEST_CASE("split_source refuses invalid UTF-8 at the right line and column", "[source]") {
  CHECK(fatal_pos("ab\xFF") == pp::base::SourcePos{1, 3});
  CHECK(fatal_pos("line one\nline two\n\xE4\xB8\xAD\xE6\x96") == pp::base::SourcePos{3, 4});  // 中 then half of 文
  CHECK(fatal_pos("ok\n\xC0\x80") == pp::base::SourcePos{2, 1});                             // overlong NUL
  CHECK(fatal_pos("ok\n\n  \xED\xA0\x80") == pp::base::SourcePos{3, 3});                       // surrogate
  CHECK(fatal_pos("---\ntitle: caf\xE9\n---\n") == pp::base::SourcePos{2, 11});               // Latin-1 é
  CHECK(fatal_pos("line\r\nab\xFF") == pp::base::SourcePos{2, 3});                              // CRLF counts once
  CHECK(fatal_pos("\xEF\xBB\xBF" "ab\xFF") == pp::base::SourcePos{1, 3});                       // the BOM is not a column
  CHECK(fatal_message("\xFF") == "invalid UTF-8 byte sequence");
  const auto d = fatal_diagnostic([] { split_source("post.md", "\x80"); });
  REQUIRE(d);
  CHECK(d->format() ==
        "post.md:1:1: error: invalid UTF-8 byte sequence\n  hint: save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)");
}

TEST_CASE("split_source refuses UTF-16 and UTF-32 files at 1:1", "[source]") {
  const std::string utf16le("\xFF\xFE#\0 \0T\0", 8);
  const std::string utf16be("\xFE\xFF\0#\0 \0T", 8);
  const std::string utf32le("\xFF\xFE\0\0#\0\0\0", 8);
  const std::string utf32be("\0\0\xFE\xFF\0\0\0#", 8);
  REQUIRE_THROWS_AS(split_source("post.md", utf16le), FatalError);
  CHECK(fatal_pos(utf16le) == pp::base::SourcePos{1, 1});
  CHECK(fatal_message(utf16le) == "file is UTF-16 encoded; postpress reads UTF-8");
  CHECK(fatal_pos(utf16be) == pp::base::SourcePos{1, 1});
  CHECK(fatal_message(utf16be) == "file is UTF-16 encoded; postpress reads UTF-8");
  CHECK(fatal_pos(utf32le) == pp::base::SourcePos{1, 1});
  CHECK(fatal_message(utf32le) == "file is UTF-32 encoded; postpress reads UTF-8");
  CHECK(fatal_message(utf32be) == "file is UTF-32 encoded; postpress reads UTF-8");
}

TEST_CASE("split_source refuses unterminated front matter at 1:1", "[source]") {
  for (const char* text : {"---\ntitle: T\n\nbody text\n", "---\n", "---\ntitle: T", "---\n----\n-- -\n"}) {
    INFO(text);
    REQUIRE_THROWS_AS(split_source("post.md", text), FatalError);
    CHECK(fatal_pos(text) == pp::base::SourcePos{1, 1});
    CHECK(fatal_message(text) == "unterminated front matter: no closing '---' line");
  }
}

TEST_CASE("split_source replaces control characters XML cannot carry and counts them", "[source]") {
  const auto src = split_source("post.md", "ok\tline\nx\x01y\x1B[0m\n\x7F\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD");
  CHECK(src.text == "ok\tline\nx\xEF\xBF\xBDy\xEF\xBF\xBD[0m\n\x7F\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(src.replaced_controls == 4);  // U+0001, U+001B, U+FFFE, U+FFFF; DEL and U+FFFD itself stay
  CHECK(src.first_control == pp::base::SourcePos{2, 2});

  const auto clean = split_source("post.md", "tab\tand\nnewline\n");
  CHECK(clean.replaced_controls == 0);
  CHECK(clean.first_control == pp::base::SourcePos{});
}

TEST_CASE("parse_post warns once about replaced control characters", "[source]") {
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text("---\ntitle: T\n---\na\x02" "b\x03\n", sink);
  CHECK(pp::test::other_warnings(sink) == std::vector<std::string>{"4:2: 2 control character(s) replaced by U+FFFD"});
  CHECK(pp::model::dump(doc.blocks) == "para\n  text \"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"\n");
}
