// Links between posts: resolved inside the book by file, then by slug in the linking post's language;
// fragments kept only where the target defines them; outside links dropped or made absolute.
#include "epub/chapter_table.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

namespace {

pp::model::Book book(const std::string& base_url = "") {
  pp::model::Book b;
  b.base_url = base_url;
  b.chapters.push_back(pp::test::parse_text("---\ntitle: A\n---\n\n## Intro\n", "/tmp/pp-links/blog/en/a.md"));
  b.chapters.push_back(pp::test::parse_text("---\ntitle: A zh\n---\n\n## 简介\n", "/tmp/pp-links/blog/zh/a.md"));
  b.chapters.push_back(pp::test::parse_text("---\ntitle: B\n---\n\n## Section\n", "/tmp/pp-links/blog/en/b.md"));
  return b;
}

}  // namespace

TEST_CASE("chapter files are numbered and named from the slug", "[epub][links]") {
  const auto b = book();
  pp::epub::ChapterTable t(b);
  REQUIRE(t.entries().size() == 3);
  CHECK(t.entries()[0].href == "text/c001-a.xhtml");
  CHECK(t.entries()[1].file_name == "c002-a.xhtml");
  CHECK(t.entries()[2].ids.count("section"));
}

TEST_CASE("relative links to posts in the book point at their chapters", "[epub][links]") {
  const auto b = book();
  pp::epub::ChapterTable t(b);
  const auto& en_a = t.entries()[0];
  CHECK(t.resolve_link("../zh/a.md", en_a) == "c002-a.xhtml");      // by file, across languages
  CHECK(t.resolve_link("/blog/b/", en_a) == "c003-b.xhtml");        // by slug, Astro-style URL
  CHECK(t.resolve_link("b.md#section", en_a) == "c003-b.xhtml#section");
  CHECK(t.resolve_link("b.md#nowhere", en_a) == "c003-b.xhtml");    // a missing anchor is dropped
  CHECK(t.resolve_link("/blog/a/", t.entries()[1]) == "c002-a.xhtml");  // same language preferred
}

TEST_CASE("fragments, outside links and unsafe links", "[epub][links]") {
  const auto b = book();
  pp::epub::ChapterTable t(b);
  const auto& en_a = t.entries()[0];
  CHECK(t.resolve_link("#intro", en_a) == "#intro");
  CHECK_FALSE(t.resolve_link("#nowhere", en_a));
  CHECK(t.resolve_link("https://example.org/x", en_a) == "https://example.org/x");
  CHECK_FALSE(t.resolve_link("javascript:alert(1)", en_a));
  CHECK_FALSE(t.resolve_link("/blog/other-post/", en_a));  // not in the book, no base URL: text only

  const auto with_base = book("https://blog.example.com/");
  pp::epub::ChapterTable t2(with_base);
  CHECK(t2.resolve_link("/blog/other-post/", t2.entries()[0]) == "https://blog.example.com/blog/other-post/");
}

TEST_CASE("related posts find the chapter in the same language first", "[epub][links]") {
  const auto b = book();
  pp::epub::ChapterTable t(b);
  CHECK(t.find_slug("a", t.entries()[1]) == &t.entries()[1]);
  CHECK(t.find_slug("b", t.entries()[1]) == &t.entries()[2]);  // only in English: still found
  CHECK(t.find_slug("missing", t.entries()[0]) == nullptr);
}
