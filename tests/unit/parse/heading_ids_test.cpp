// parse/heading_ids: readable, unique, stable anchors in every script.
#include "parse/heading_ids.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::parse::slugify;

namespace {

std::vector<std::string> ids(const std::string& md) {
  std::vector<std::string> out;
  for (const auto& b : pp::test::parse_text(md).blocks)
    if (b.kind == pp::model::BlockKind::heading) out.push_back(b.id);
  return out;
}

}  // namespace

TEST_CASE("slugify English", "[heading_ids]") {
  CHECK(slugify("Hello, World!") == "hello-world");
  CHECK(slugify("Getting Started") == "getting-started");
  CHECK(slugify("C++ & Rust: a comparison (2026)") == "c--rust-a-comparison-2026");
  CHECK(slugify("snake_case and kebab-case") == "snake_case-and-kebab-case");
  CHECK(slugify("What's new in v1.2.3?") == "whats-new-in-v123");
  CHECK(slugify("  padded  ") == "--padded--");
  CHECK(slugify("") == "");
  CHECK(slugify("!!!") == "");
}

TEST_CASE("slugify keeps CJK letters and drops CJK punctuation", "[heading_ids]") {
  CHECK(slugify("中文 标题") == "中文-标题");
  CHECK(slugify("为什么？因为：简单。") == "为什么因为简单");
  CHECK(slugify("「引用」と『書名』") == "引用と書名");
  CHECK(slugify("日本語の見出し、その２") == "日本語の見出しその２");
  CHECK(slugify("한국어 제목입니다") == "한국어-제목입니다");
  CHECK(slugify("안녕하세요, 세계!") == "안녕하세요-세계");
  CHECK(slugify("中文　全角空格") == "中文-全角空格");  // U+3000 separates like a space
  CHECK(slugify("Rust 入门（上）") == "rust-入门上");
  CHECK(slugify("“Quoted” — and… more") == "quoted--and-more");
  CHECK(slugify("Emoji 🚀 launch") == "emoji--launch");
  CHECK(slugify("Café") == "café");
}

TEST_CASE("assign_heading_ids makes repeated headings unique with -1, -2", "[heading_ids]") {
  CHECK(ids("# Intro\n\n## Intro\n\n### Intro\n\n# Other\n\n# intro\n") ==
        std::vector<std::string>{"intro", "intro-1", "intro-2", "other", "intro-3"});
  CHECK(ids("# A\n\n# A-1\n\n# A\n") == std::vector<std::string>{"a", "a-1", "a-2"});
  CHECK(ids("# 中文\n\n# 中文\n") == std::vector<std::string>{"中文", "中文-1"});
}

TEST_CASE("headings without letters get 'section'", "[heading_ids]") {
  CHECK(ids("# !!!\n\n# ？\n\n# 🚀\n") == std::vector<std::string>{"section", "section-1", "section-2"});
}

TEST_CASE("headings inside containers get ids in document order", "[heading_ids]") {
  const auto doc = pp::test::parse_text("# Top\n\n> # Top\n>\n> - # Item\n\n# Item\n");
  CHECK(pp::model::dump(doc.blocks) ==
        "heading 1 #top\n"
        "  text \"Top\"\n"
        "quote\n"
        "  heading 1 #top-1\n"
        "    text \"Top\"\n"
        "  list bullet tight\n"
        "    item\n"
        "      heading 1 #item\n"
        "        text \"Item\"\n"
        "heading 1 #item-1\n"
        "  text \"Item\"\n");
}

TEST_CASE("ids come from the reading text of the heading", "[heading_ids]") {
  CHECK(ids("# The `parse()` *function* and [links](https://e.com)\n") ==
        std::vector<std::string>{"the-parse-function-and-links"});
  CHECK(ids("Line one\nline two\n===\n") == std::vector<std::string>{"line-one-line-two"});
}

TEST_CASE("an id from raw HTML is kept unless taken", "[heading_ids]") {
  CHECK(ids("<h2 id=\"custom\">X</h2>\n\n# Custom\n\n<h2 id=\"custom\">Y</h2>\n") ==
        std::vector<std::string>{"custom", "custom-1", "custom-2"});
}

TEST_CASE("ids are stable across parses", "[heading_ids]") {
  const std::string md = "# 中文标题\n\n## Hello, World!\n\n## Hello, World!\n\n### 日本語\n\n#### 한국어\n";
  const auto first = ids(md);
  CHECK(first == std::vector<std::string>{"中文标题", "hello-world", "hello-world-1", "日本語", "한국어"});
  CHECK(ids(md) == first);
}

TEST_CASE("assign_heading_ids walks very deep trees", "[heading_ids][deep]") {
  std::vector<pp::model::Block> blocks(1);
  pp::model::Block* cur = &blocks[0];
  for (int i = 0; i < 2000; ++i) {
    cur->kind = pp::model::BlockKind::block_quote;
    cur = &cur->children.emplace_back();
  }
  cur->kind = pp::model::BlockKind::heading;
  cur->inlines.emplace_back().text = "Deep";
  pp::parse::assign_heading_ids(blocks);
  CHECK(cur->id == "deep");
  // Tear down one level at a time rather than through 2000 nested destructors.
  while (!blocks[0].children.empty()) {
    auto kids = std::move(blocks[0].children);
    blocks[0].children = std::move(kids[0].children);
  }
}
