// Where a link leads, independent of the output: the PDF and the EPUB both take their targets from here.
#include "model/book_links.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::model::LinkTarget;

namespace {

pp::model::Book book(const std::string& base_url = "") {
  pp::model::Book b;
  b.base_url = base_url;
  b.chapters.push_back(pp::test::parse_text("---\ntitle: A\n---\n\n## Intro\n", "/tmp/pp-book-links/blog/en/a.md"));
  b.chapters.push_back(pp::test::parse_text("---\ntitle: A zh\n---\n\n## 简介\n", "/tmp/pp-book-links/blog/zh/a.md"));
  b.chapters.push_back(pp::test::parse_text("---\ntitle: B\n---\n\n## Section\n", "/tmp/pp-book-links/blog/en/b.md"));
  return b;
}

}  // namespace

TEST_CASE("book links: fragments stay in the linking chapter", "[model][links]") {
  const auto b = book();
  const pp::model::BookLinks links(b);
  const LinkTarget t = links.resolve(" #intro ", 2);
  CHECK(t.kind == LinkTarget::Kind::chapter);
  CHECK(t.chapter == 2);
  CHECK(t.same_chapter);
  CHECK(t.fragment == "intro");
  CHECK(t.url == "#intro");
}

TEST_CASE("book links: other posts by file, then by slug in the same language", "[model][links]") {
  const auto b = book();
  const pp::model::BookLinks links(b);
  const LinkTarget by_file = links.resolve("../zh/a.md#x", 0);
  CHECK(by_file.kind == LinkTarget::Kind::chapter);
  CHECK(by_file.chapter == 1);
  CHECK(by_file.fragment == "x");
  CHECK_FALSE(by_file.same_chapter);
  CHECK(links.resolve("/blog/a/", 1).chapter == 1);
  CHECK(links.resolve("/blog/a/", 2).chapter == 0);
  CHECK(links.find_slug("b", 1) == std::optional<std::size_t>(2));
  CHECK_FALSE(links.find_slug("nothing", 0).has_value());
}

TEST_CASE("book links: outside the book only absolute or site-absolute with a base URL", "[model][links]") {
  const auto plain = book();
  const pp::model::BookLinks links(plain);
  CHECK(links.resolve("https://example.com/x", 0).kind == LinkTarget::Kind::external);
  CHECK(links.resolve("javascript:alert(1)", 0).kind == LinkTarget::Kind::none);
  CHECK(links.resolve("/about/", 0).kind == LinkTarget::Kind::none);
  CHECK(links.resolve("notes/other.md", 0).kind == LinkTarget::Kind::none);
  const auto with_base = book("https://blog.example/");
  const pp::model::BookLinks based(with_base);
  const LinkTarget t = based.resolve("/about/", 0);
  CHECK(t.kind == LinkTarget::Kind::external);
  CHECK(t.url == "https://blog.example/about/");
  CHECK(based.resolve("notes/other.md", 0).kind == LinkTarget::Kind::none);  // relative: never guessed
}

TEST_CASE("slugs of link paths", "[model][links]") {
  CHECK(pp::model::slug_of_link_path("../zh/post.md") == "post");
  CHECK(pp::model::slug_of_link_path("/blog/post/") == "post");
  CHECK(pp::model::slug_of_link_path("/blog/post/index.html") == "post");
  CHECK(pp::model::slug_of_link_path("post.mdx") == "post");
}
