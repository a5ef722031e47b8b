// Regression tests: each pins a bug found by review of the parsers (input, expected outcome), fixed since.
#include "parse/date.hpp"
#include "parse/source_text.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::test::tree;

// Bug 1: a footnote reference holds cmark-gfm's reference number, not its label, so a named footnote's
// reference no longer matches its definition (the EPUB writer then prints "[^2]" as text).
TEST_CASE("a named footnote reference carries its label", "[markdown][regression]") {
  CHECK(tree("A[^note].\n\n[^note]: Named.\n") ==
        "para\n"
        "  text \"A\"\n"
        "  fnref \"note\"\n"
        "  text \".\"\n"
        "footnote #note\n"
        "  para\n"
        "    text \"Named.\"\n");
}

// Bug 2: a leading weekday is documented as optional but every date that has one is refused.
TEST_CASE("parse_date accepts a leading weekday", "[date][regression]") {
  for (const char* text : {"Sat, 14 Mar 2026", "Saturday, March 14, 2026", "Sat Mar 14 2026",
                           "Sat, 14 Mar 2026 10:00:00 +0000"}) {
    INFO(text);
    const auto d = pp::parse::parse_date(text);
    REQUIRE(d);
    CHECK(d->iso_date() == "2026-03-14");
  }
}

// Bug 3: positions of invalid UTF-8 / NUL are computed before line endings are folded, and only '\n'
// counts as a line end, so in a file with old Mac (CR-only) line endings every error is reported on line 1.
TEST_CASE("encoding errors in CR-only files are reported on their line", "[source][regression]") {
  const auto d = pp::test::fatal_diagnostic([] { pp::parse::split_source("p.md", "line1\rab\xFF"); });
  REQUIRE(d);
  CHECK(d->pos == pp::base::SourcePos{2, 3});
  const auto nul = pp::test::fatal_diagnostic([] { pp::parse::split_source("p.md", std::string("a\rb\0", 4)); });
  REQUIRE(nul);
  CHECK(nul->pos == pp::base::SourcePos{2, 2});
}

// Bug 4: raw-text elements gumbo knows but raw_html.cpp neither maps nor drops (<xmp>, <noembed>,
// <noframes>, <plaintext>) swallow the placeholders as literal text: internal markup leaks into the book.
TEST_CASE("raw-text elements never leak placeholder markup", "[raw_html][regression]") {
  for (const char* md : {"a <xmp>b</xmp> c\n", "a <noembed>b</noembed> c\n", "a <noframes>b</noframes> c\n",
                         "a <plaintext>b</plaintext> c\n"}) {
    INFO(md);
    const std::string dump = tree(md);
    CHECK(dump.find("pp-slot") == std::string::npos);
    CHECK(dump.find("data-pp") == std::string::npos);
  }
}

// Bug 5: <script>, <style>, <link>, <title>... at the very start of an HTML block run land in gumbo's
// <head>, which the mapper never visits: they are dropped (good) but without the promised warning.
TEST_CASE("a script or style block at the start of a document is reported", "[raw_html][regression]") {
  for (const char* md : {"<script>alert(1)</script>\n\nafter\n", "<style>p{}</style>\n\nafter\n"}) {
    INFO(md);
    pp::base::DiagnosticSink sink;
    const auto doc = pp::test::parse_text(md, sink);
    CHECK(pp::model::dump(doc.blocks) == "para\n  text \"after\"\n");
    CHECK(pp::test::messages_with(sink, "is not allowed in a book").size() == 1);
  }
}

// Bug 6: a stray end tag of an unknown element ("</string>") is text the author wrote, but gumbo ignores
// it and the characters vanish; and an unknown element implicitly closed by an outer end tag gives that
// outer end tag back as text ("</em>" shows up literally).
TEST_CASE("tag-like text is kept literally around stray and implicit end tags", "[raw_html][regression]") {
  CHECK(tree("x </foo> y\n") == "para\n  text \"x </foo> y\"\n");
  CHECK(tree("<em>Vec<T> x</em> y\n") ==
        "para\n"
        "  emph\n"
        "    text \"Vec<T> x\"\n"
        "  text \" y\"\n");
}

// Bug 7: a bad `language:` value is warned about without a position (post.cpp looks up field_pos["lang"]).
TEST_CASE("a bad 'language:' value is warned about at its line", "[post][regression]") {
  pp::base::DiagnosticSink sink;
  pp::test::parse_text("---\ntitle: T\nlanguage: xx yy\n---\n", sink);
  CHECK(pp::test::messages_with(sink, "is not a language tag") ==
        std::vector<std::string>{"3:1: 'xx yy' is not a language tag; ignored"});
}
