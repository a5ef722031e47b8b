// parse/line_joining: soft breaks between CJK characters vanish; between words they stay.
#include "parse/line_joining.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::test::tree;

TEST_CASE("a soft break between two Han characters is removed", "[line_joining]") {
  CHECK(tree("中文\n文本\n") ==
        "para\n"
        "  text \"中文文本\"\n");
  CHECK(tree("日本語の\nテキスト\n") ==
        "para\n"
        "  text \"日本語のテキスト\"\n");
}

TEST_CASE("a soft break between Latin words stays", "[line_joining]") {
  CHECK(tree("hello\nworld\n") ==
        "para\n"
        "  text \"hello\"\n"
        "  softbreak\n"
        "  text \"world\"\n");
  CHECK(tree("中文\nEnglish\n") ==
        "para\n"
        "  text \"中文\"\n"
        "  softbreak\n"
        "  text \"English\"\n");
  CHECK(tree("English\n中文\n") ==
        "para\n"
        "  text \"English\"\n"
        "  softbreak\n"
        "  text \"中文\"\n");
}

TEST_CASE("a soft break between Hangul stays: Korean separates words with spaces", "[line_joining]") {
  CHECK(tree("한국어\n문장\n") ==
        "para\n"
        "  text \"한국어\"\n"
        "  softbreak\n"
        "  text \"문장\"\n");
  CHECK(tree("한국어\n中文\n") ==
        "para\n"
        "  text \"한국어\"\n"
        "  softbreak\n"
        "  text \"中文\"\n");
}

TEST_CASE("a soft break next to CJK punctuation is removed", "[line_joining]") {
  CHECK(tree("句子。\nNext\n") ==
        "para\n"
        "  text \"句子。Next\"\n");
  CHECK(tree("He said\n「こんにちは」\n") ==
        "para\n"
        "  text \"He said「こんにちは」\"\n");
  CHECK(tree("Ｑ：\nanswer\n") ==
        "para\n"
        "  text \"Ｑ：answer\"\n");
}

TEST_CASE("joining looks through inline formatting", "[line_joining]") {
  CHECK(tree("中文**粗体**\n中文\n") ==
        "para\n"
        "  text \"中文\"\n"
        "  strong\n"
        "    text \"粗体\"\n"
        "  text \"中文\"\n");
  CHECK(tree("中文\n*强调*文字\n") ==
        "para\n"
        "  text \"中文\"\n"
        "  emph\n"
        "    text \"强调\"\n"
        "  text \"文字\"\n");
  CHECK(tree("中文\n`代码`\n") ==
        "para\n"
        "  text \"中文\"\n"
        "  code \"代码\"\n");
  CHECK(tree("**中文\n粗体**\n") ==
        "para\n"
        "  strong\n"
        "    text \"中文粗体\"\n");
}

TEST_CASE("a soft break next to an image or a hard break stays", "[line_joining]") {
  CHECK(tree("中文\n![图](a.png)\n") ==
        "para\n"
        "  text \"中文\"\n"
        "  softbreak\n"
        "  image url=\"a.png\"\n"
        "    text \"图\"\n");
}

TEST_CASE("joining applies in lists, quotes, tables and raw HTML", "[line_joining]") {
  CHECK(tree("> 引用\n> 文字\n\n- 列表\n  项目\n") ==
        "quote\n"
        "  para\n"
        "    text \"引用文字\"\n"
        "list bullet tight\n"
        "  item\n"
        "    para\n"
        "      text \"列表项目\"\n");
  CHECK(tree("<span>中文\n文本</span>\n") ==
        "para\n"
        "  span\n"
        "    text \"中文文本\"\n");
}

TEST_CASE("join_lines on an inline sequence merges adjacent text runs", "[line_joining]") {
  using pp::model::Inline;
  using pp::model::InlineKind;
  auto text = [](std::string s) {
    Inline in;
    in.text = std::move(s);
    return in;
  };
  Inline soft;
  soft.kind = InlineKind::soft_break;
  pp::model::Inlines in{text("a"), text("b"), soft, text("c"), text("中"), soft, text("文")};
  pp::parse::join_lines(in);
  CHECK(pp::model::dump(in) ==
        "text \"ab\"\n"
        "softbreak\n"
        "text \"c中文\"\n");
}
