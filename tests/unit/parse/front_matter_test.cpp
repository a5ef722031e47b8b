// parse/front_matter: YAML fields to model::Metadata, with file positions in every diagnostic.
#include "parse/front_matter.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>


using pp::base::FatalError;
using pp::base::SourcePos;
using pp::model::Metadata;
using pp::test::fatal_diagnostic;

namespace {

Metadata front_matter(const std::string& yaml, pp::base::DiagnosticSink& sink) {
  const auto src = pp::parse::split_source("post.md", "---\n" + yaml + "---\nbody\n");
  return pp::parse::parse_front_matter("post.md", src, sink);
}

Metadata front_matter(const std::string& yaml) {
  pp::base::DiagnosticSink sink;
  auto meta = front_matter(yaml, sink);
  CHECK(sink.diagnostics().empty());
  return meta;
}

std::optional<pp::base::Diagnostic> yaml_failure(const std::string& yaml) {
  pp::base::DiagnosticSink sink;
  return fatal_diagnostic([&] { front_matter(yaml, sink); });
}

}  // namespace

TEST_CASE("parse_front_matter fills every Metadata field", "[front_matter]") {
  const Metadata m = front_matter(
      "title: \"Hello: World\"\n"
      "description: A post about things\n"
      "author: Ada Lovelace\n"
      "lang: zh-CN\n"
      "pubDate: 2026-03-14\n"
      "updatedDate: 2026-03-15T10:00:00+09:00\n"
      "heroImage: ./hero.png\n"
      "tags: [rust, \"c++\", \"\"]\n"
      "draft: true\n"
      "relatedPosts:\n"
      "  - slug: first-post\n"
      "    score: 0.87\n"
      "    reason:\n"
      "      en: Both are about parsers\n"
      "      zh: 都讲解析器\n"
      "  - slug: second-post\n"
      "    reason: Same series\n"
      "  - third-post\n");
  CHECK(m.title == "Hello: World");
  CHECK(m.description == "A post about things");
  CHECK(m.author == "Ada Lovelace");
  CHECK(m.lang == "zh-CN");  // normalised later by parse_post
  REQUIRE(m.pub_date);
  CHECK(*m.pub_date == pp::model::Date{2026, 3, 14});
  REQUIRE(m.updated_date);
  CHECK(*m.updated_date == pp::model::Date{2026, 3, 15, 10, 0, 0, 540, true});
  CHECK(m.hero_image == "./hero.png");
  CHECK(m.tags == std::vector<std::string>{"rust", "c++"});
  CHECK(m.draft);
  REQUIRE(m.related.size() == 3);
  CHECK(m.related[0].slug == "first-post");
  REQUIRE(m.related[0].score);
  CHECK(*m.related[0].score == Approx(0.87));
  CHECK(m.related[0].reason == std::map<std::string, std::string>{{"en", "Both are about parsers"}, {"zh", "都讲解析器"}});
  CHECK(m.related[1].slug == "second-post");
  CHECK_FALSE(m.related[1].score);
  CHECK(m.related[1].reason == std::map<std::string, std::string>{{"", "Same series"}});
  CHECK(m.related[2].slug == "third-post");
  CHECK_FALSE(m.related[2].score);
  CHECK(m.related[2].reason.empty());
  CHECK(m.extra.empty());
  CHECK(m.slug.empty());  // set by parse_post from the file name
}

TEST_CASE("parse_front_matter records where each field starts, in file lines", "[front_matter]") {
  const Metadata m = front_matter("title: T\n\n  # comment\ndescription: D\n  \nauthor: A\n");
  CHECK(m.field_pos == std::map<std::string, SourcePos>{{"title", {2, 1}}, {"description", {5, 1}}, {"author", {7, 1}}});
}

TEST_CASE("parse_front_matter accepts the field spellings blogs use", "[front_matter]") {
  SECTION("date and language aliases") {
    const Metadata m = front_matter("date: Mar 14 2026\nlanguage: ja\n");
    REQUIRE(m.pub_date);
    CHECK(*m.pub_date == pp::model::Date{2026, 3, 14});
    CHECK(m.lang == "ja");
  }
  SECTION("tags as a single scalar") {
    CHECK(front_matter("tags: rust\n").tags == std::vector<std::string>{"rust"});
    CHECK(front_matter("tags:\n  - a\n  - b\n").tags == std::vector<std::string>{"a", "b"});
    CHECK(front_matter("tags:\n").tags.empty());
  }
  SECTION("several authors read as one credit line") {
    CHECK(front_matter("author: [Ada, Grace]\n").author == "Ada, Grace");
    CHECK(front_matter("author:\n  - Ada\n  - Grace\n  - Linus\n").author == "Ada, Grace, Linus");
  }
  SECTION("draft in YAML's boolean spellings") {
    CHECK_FALSE(front_matter("draft: false\n").draft);
    CHECK(front_matter("draft: yes\n").draft);
    CHECK_FALSE(front_matter("title: T\n").draft);
  }
  SECTION("numbers and empty values are text") {
    const Metadata m = front_matter("title: 2026\ndescription:\n");
    CHECK(m.title == "2026");
    CHECK(m.description.empty());
  }
  SECTION("empty or comment-only front matter gives empty metadata") {
    CHECK(front_matter("").title.empty());
    CHECK(front_matter("# just a comment\n").field_pos.empty());
  }
}

TEST_CASE("parse_front_matter keeps unknown fields in extra as YAML text", "[front_matter]") {
  const Metadata m = front_matter(
      "title: T\n"
      "layout: ../layouts/Post.astro\n"
      "series: {name: parsers, part: 2}\n"
      "links: [a, b]\n"
      "count: 3\n");
  CHECK(m.title == "T");
  CHECK(m.extra == std::map<std::string, std::string>{{"layout", "../layouts/Post.astro"},
                                                      {"series", "{name: parsers, part: 2}"},
                                                      {"links", "[a, b]"},
                                                      {"count", "3"}});
}

TEST_CASE("parse_front_matter warns about fields of the wrong shape and goes on", "[front_matter]") {
  pp::base::DiagnosticSink sink;
  const Metadata m = front_matter(
      "title: [not, text]\n"
      "pubDate: 2026-02-30\n"
      "updatedDate: yesterday\n"
      "draft: maybe\n"
      "tags: {a: b}\n"
      "relatedPosts:\n"
      "  - score: 1\n"
      "  - slug: ok\n"
      "    score: high\n"
      "description: fine\n",
      sink);
  CHECK(m.title.empty());
  CHECK_FALSE(m.pub_date);
  CHECK_FALSE(m.updated_date);
  CHECK_FALSE(m.draft);
  CHECK(m.tags.empty());
  REQUIRE(m.related.size() == 1);
  CHECK(m.related[0].slug == "ok");
  CHECK_FALSE(m.related[0].score);
  CHECK(m.description == "fine");
  CHECK(pp::test::other_warnings(sink) == std::vector<std::string>{
                                              "2:8: front matter field 'title' should be text; ignored",
                                              "3:10: '2026-02-30' in 'pubDate' is not a date; ignored",
                                              "4:14: 'yesterday' in 'updatedDate' is not a date; ignored",
                                              "5:8: 'draft' should be true or false; ignored",
                                              "6:7: front matter field 'tags' should be a list; ignored",
                                              "8:5: relatedPosts entry without a 'slug'; ignored",
                                              "10:12: relatedPosts score 'high' is not a number; ignored",
                                          });
  for (const auto& d : sink.diagnostics()) CHECK(d.severity == pp::base::Severity::warning);
}

TEST_CASE("a bad date is a warning with a hint, not an error", "[front_matter]") {
  pp::base::DiagnosticSink sink;
  const Metadata m = front_matter("title: T\npubDate: 2025-02-29\n", sink);
  CHECK_FALSE(m.pub_date);
  CHECK_FALSE(sink.has_errors());
  const auto list = sink.diagnostics();
  REQUIRE(list.size() == 1);
  CHECK(list[0].format() ==
        "post.md:3:10: warning: '2025-02-29' in 'pubDate' is not a date; ignored\n"
        "  hint: write dates as 2026-03-14, 2026-03-14T09:30:00+09:00 or 'Mar 14 2026'");
}

TEST_CASE("invalid YAML is fatal at its file line and column", "[front_matter]") {
  SECTION("an illegal map value on the front matter's second line (file line 3)") {
    const auto d = yaml_failure("title: T\ndescription: a: b\n");
    REQUIRE(d);
    CHECK(d->pos == SourcePos{3, 15});
    CHECK(d->file == "post.md");
    CHECK(d->message.rfind("invalid YAML in front matter: ", 0) == 0);
  }
  SECTION("on the first line (file line 2)") {
    const auto d = yaml_failure("title: a: b\n");
    REQUIRE(d);
    CHECK(d->pos == SourcePos{2, 9});
  }
  SECTION("a bad indent") {
    const auto d = yaml_failure("title: T\ndescription: D\n  bad: indent\n");
    REQUIRE(d);
    CHECK(d->pos.line == 4);
  }
  SECTION("the exception type") {
    pp::base::DiagnosticSink sink;
    REQUIRE_THROWS_AS(front_matter("title: [unclosed\n", sink), FatalError);
  }
}

TEST_CASE("front matter that is not a mapping is fatal", "[front_matter]") {
  for (const char* yaml : {"- a\n- b\n", "just some text\n", "42\n"}) {
    INFO(yaml);
    const auto d = yaml_failure(yaml);
    REQUIRE(d);
    CHECK(d->pos == SourcePos{2, 1});
    CHECK(d->message == "front matter must be a mapping of fields (title: ..., pubDate: ...)");
  }
}

TEST_CASE("an alias bomb in an unknown field is dropped quickly with a warning", "[front_matter]") {
  const std::string bomb =
      "title: Laughs\n"
      "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
      "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
      "lol: *i\n";
  pp::base::DiagnosticSink sink;
  const Metadata m = front_matter(bomb, sink);
  CHECK(m.title == "Laughs");
  CHECK(m.extra.at("a") == "[lol, lol, lol, lol, lol, lol, lol, lol, lol]");
  CHECK(m.extra.at("lol").empty());
  CHECK(m.extra.at("i").empty());
  CHECK(m.extra.at("e").empty());  // 9^4 leaves plus their lists: over the budget
  // Kept values are re-emitted with anchors and aliases, so they stay as small as they were written.
  CHECK(m.extra.at("b") == "[&1 [lol, lol, lol, lol, lol, lol, lol, lol, lol], *1, *1, *1, *1, *1, *1, *1, *1]");
  CHECK(m.extra.at("d").rfind("[&1 [&2 [&3 [lol, lol", 0) == 0);
  const auto dropped = pp::test::messages_with(sink, "too large to keep");
  REQUIRE(dropped.size() == 6);  // e, f, g, h, i and lol
  const std::string why = ": front matter value is too large to keep (over 20000 nodes once aliases are expanded); dropped";
  CHECK(dropped[0] == "7:4" + why);  // e: &e [...] on file line 7
  CHECK(dropped[4] == "11:4" + why);  // i: &i [...] on file line 11
}

TEST_CASE("an alias bomb in known fields does not hang either", "[front_matter]") {
  pp::base::DiagnosticSink sink;
  const Metadata m = front_matter(
      "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
      "tags: *g\n"
      "relatedPosts: *g\n"
      "title: *g\n",
      sink);
  CHECK(m.tags.empty());
  CHECK(m.related.empty());
  CHECK(m.title.empty());
}

TEST_CASE("a field given twice is a warning at the second, and the first is kept", "[front_matter]") {
  pp::base::DiagnosticSink sink;
  const Metadata m = front_matter("title: First\nauthor: Ann\ntitle: Second\ndate: 2024-01-02\npubDate: 2025-03-04\n", sink);
  CHECK(m.title == "First");
  CHECK(m.author == "Ann");
  REQUIRE(m.pub_date);
  CHECK(m.pub_date->iso_date() == "2024-01-02");
  const auto list = sink.diagnostics();
  REQUIRE(list.size() == 2);
  CHECK(list[0].pos == SourcePos{4, 1});  // file lines: front matter starts on line 2
  CHECK(list[0].message == "field 'title' is given twice (first at line 2); this one is ignored");
  CHECK(list[1].message == "field 'pubDate' is given twice (first at line 5); this one is ignored");
}

TEST_CASE("a hero image with a script or data URL is removed with a warning at the value", "[front_matter]") {
  for (const char* url : {"javascript:alert(1)", "java\tscript:alert(1)", "data:image/png;base64,AAAA"}) {
    INFO(url);
    pp::base::DiagnosticSink sink;
    const Metadata m = front_matter(std::string("title: T\nheroImage: \"") + url + "\"\n", sink);
    CHECK(m.hero_image.empty());
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].pos == SourcePos{3, 12});
    CHECK(sink.diagnostics()[0].message.find("hero image from a '") == 0);
  }
  CHECK(front_matter("title: T\nheroImage: ./hero.png\n").hero_image == "./hero.png");
}
