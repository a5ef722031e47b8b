// parse/post: one post end to end: language fallbacks, title fallback, slug.
#include "parse/post.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::test::parse_text;

namespace {

pp::model::Document parse_with(const std::string& text, const std::string& path, pp::base::DiagnosticSink& sink,
                               const std::string& fallback = "en") {
  pp::parse::PostOptions options;
  options.fallback_lang = fallback;
  return pp::parse::parse_post(path, path, text, options, sink);
}

}  // namespace

TEST_CASE("the language comes from the front matter first", "[post]") {
  CHECK(parse_text("---\ntitle: T\nlang: zh-TW\n---\n", "/site/blog/ja/post.md").meta.lang == "zh-Hant");
  CHECK(parse_text("---\ntitle: T\nlang: en-us\n---\n", "/site/blog/zh/post.md").meta.lang == "en-US");
  CHECK(parse_text("---\ntitle: T\nlanguage: ko\n---\n", "/site/post.md").meta.lang == "ko");
}

TEST_CASE("without lang, a path segment names the language", "[post]") {
  CHECK(parse_text("---\ntitle: T\n---\n", "/site/content/blog/zh/post.md").meta.lang == "zh-Hans");
  CHECK(parse_text("---\ntitle: T\n---\n", "/site/content/blog/zh-hant/post.md").meta.lang == "zh-Hant");
  CHECK(parse_text("---\ntitle: T\n---\n", "/site/content/blog/ja/2026/post.md").meta.lang == "ja");
  CHECK(parse_text("---\ntitle: T\n---\n", "/site/ko/blog/post.md").meta.lang == "ko");
  CHECK(parse_text("---\ntitle: T\n---\n", "content/zh/post.md").meta.lang == "zh-Hans");
  CHECK(pp::parse::lang_from_path("/a/zh/b/ja/post.md") == "ja");  // the nearest folder wins
  CHECK_FALSE(pp::parse::lang_from_path("/zh.md"));
  CHECK_FALSE(pp::parse::lang_from_path("/site/blog/post.md"));
  CHECK_FALSE(pp::parse::lang_from_path("/site/blog/zh.md"));  // the file name is no folder
}

TEST_CASE("otherwise the fallback language applies", "[post]") {
  pp::base::DiagnosticSink sink;
  CHECK(parse_with("---\ntitle: T\n---\n", "/site/blog/post.md", sink).meta.lang == "en");
  CHECK(parse_with("---\ntitle: T\n---\n", "/site/blog/post.md", sink, "zh").meta.lang == "zh-Hans");
  CHECK(parse_with("---\ntitle: T\n---\n", "/site/blog/post.md", sink, "not a tag").meta.lang == "en");
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("a lang that is no language tag warns and falls back", "[post]") {
  pp::base::DiagnosticSink sink;
  const auto doc = parse_with("---\ntitle: T\nlang: Chinese (simplified)\n---\n", "/site/blog/zh-hant/post.md", sink);
  CHECK(doc.meta.lang == "zh-Hant");
  const auto list = sink.diagnostics();
  REQUIRE(list.size() == 1);
  CHECK(list[0].format() ==
        "/site/blog/zh-hant/post.md:3:1: warning: 'Chinese (simplified)' is not a language tag; ignored\n"
        "  hint: use a BCP 47 tag such as en, zh, zh-Hant, ja or ko");
}

TEST_CASE("a missing title warns and uses the file name", "[post]") {
  pp::base::DiagnosticSink sink;
  const auto doc = parse_with("# Heading\n\ntext\n", "/site/blog/my-first-post.md", sink);
  CHECK(doc.meta.title == "my-first-post");
  CHECK(doc.meta.slug == "my-first-post");
  const auto list = sink.diagnostics();
  REQUIRE(list.size() == 1);
  CHECK(list[0].severity == pp::base::Severity::warning);
  CHECK(list[0].format() ==
        "/site/blog/my-first-post.md:1:1: warning: post has no title; using its file name 'my-first-post'\n"
        "  hint: add 'title: ...' to the front matter");

  pp::base::DiagnosticSink empty_title;
  CHECK(parse_with("---\ntitle: \"\"\n---\n", "/x/empty.md", empty_title).meta.title == "empty");
  CHECK(pp::test::messages_with(empty_title, "post has no title").size() == 1);
}

TEST_CASE("parse_post fills the document", "[post]") {
  pp::base::DiagnosticSink sink;
  const auto doc = parse_with("---\ntitle: Hello\npubDate: 2026-03-14\n---\n# 中文\n标题\n\n# 中文\n", "notes/hello.md", sink);
  CHECK(sink.diagnostics().empty());
  CHECK(doc.source_name == "notes/hello.md");
  CHECK(doc.source_path == "notes/hello.md");
  CHECK(doc.meta.title == "Hello");
  CHECK(doc.meta.slug == "hello");
  CHECK(doc.meta.lang == "en");
  REQUIRE(doc.meta.pub_date);
  CHECK(doc.meta.pub_date->iso_date() == "2026-03-14");
  // Line joining and heading ids are applied.
  CHECK(pp::model::dump(doc.blocks) ==
        "heading 1 #中文\n"
        "  text \"中文\"\n"
        "para\n"
        "  text \"标题\"\n"
        "heading 1 #中文-1\n"
        "  text \"中文\"\n");
  CHECK(doc.blocks[0].pos == pp::base::SourcePos{5, 1});
}

TEST_CASE("parse_post passes fatal source errors on", "[post]") {
  pp::base::DiagnosticSink sink;
  const auto d = pp::test::fatal_diagnostic([&] { parse_with("---\ntitle: T\n---\nok\n\xFF", "p.md", sink); });
  REQUIRE(d);
  CHECK(d->pos == pp::base::SourcePos{5, 1});
  REQUIRE_THROWS_AS(parse_with("---\ntitle: [\n---\n", "p.md", sink), pp::base::FatalError);
}

TEST_CASE("load_post reports a file it cannot read", "[post]") {
  pp::base::DiagnosticSink sink;
  const auto d = pp::test::fatal_diagnostic(
      [&] { pp::parse::load_post("missing.md", "/nonexistent/pp-unit/missing.md", {}, sink); });
  REQUIRE(d);
  CHECK(d->file == "missing.md");
  CHECK(d->message == "cannot read post: No such file or directory");
}
