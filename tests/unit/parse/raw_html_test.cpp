// parse/raw_html: raw HTML in Markdown mapped to tree nodes; unknown tag-like text kept, active content dropped.
#include "parse/raw_html.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::test::tree;

namespace {

struct Parsed {
  std::string dump;
  std::vector<std::string> warnings;
};

Parsed parse(const std::string& md) {
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text(md, sink);
  return {pp::model::dump(doc.blocks), pp::test::other_warnings(sink)};
}

}  // namespace

TEST_CASE("a tag opened in one cmark node and closed after a soft break is one span", "[raw_html]") {
  CHECK(tree("x <strong>first\nsecond</strong> y\n") ==
        "para\n"
        "  text \"x \"\n"
        "  strong\n"
        "    text \"first\"\n"
        "    softbreak\n"
        "    text \"second\"\n"
        "  text \" y\"\n");
  CHECK(tree("<em>a *b* `c`</em>\n") ==
        "para\n"
        "  emph\n"
        "    text \"a \"\n"
        "    emph\n"
        "      text \"b\"\n"
        "    text \" \"\n"
        "    code \"c\"\n");
}

TEST_CASE("inline HTML elements map to inline kinds", "[raw_html]") {
  CHECK(tree("a<br/>b<br>c <kbd>Ctrl</kbd> x<sup>2</sup> H<sub>2</sub>O <mark>m</mark> <u>u</u> <ins>i</ins> "
             "<del>d</del> <s>s</s> <span>sp</span> <b>b</b> <i>i</i> <small>sm</small>\n") ==
        "para\n"
        "  text \"a\"\n"
        "  hardbreak\n"
        "  text \"b\"\n"
        "  hardbreak\n"
        "  text \"c \"\n"
        "  kbd\n"
        "    text \"Ctrl\"\n"
        "  text \" x\"\n"
        "  sup\n"
        "    text \"2\"\n"
        "  text \" H\"\n"
        "  sub\n"
        "    text \"2\"\n"
        "  text \"O \"\n"
        "  mark\n"
        "    text \"m\"\n"
        "  text \" \"\n"
        "  u\n"
        "    text \"u\"\n"
        "  text \" \"\n"
        "  u\n"
        "    text \"i\"\n"
        "  text \" \"\n"
        "  strike\n"
        "    text \"d\"\n"
        "  text \" \"\n"
        "  strike\n"
        "    text \"s\"\n"
        "  text \" \"\n"
        "  span\n"
        "    text \"sp\"\n"
        "  text \" \"\n"
        "  strong\n"
        "    text \"b\"\n"
        "  text \" \"\n"
        "  emph\n"
        "    text \"i\"\n"
        "  text \" sm\"\n");
}

TEST_CASE("<code> in HTML becomes a code span with its text", "[raw_html]") {
  CHECK(tree("<code>a *b*</code>\n") ==
        "para\n"
        "  code \"a b\"\n");
}

TEST_CASE("<a href> becomes a link and attributes other than href and title never pass", "[raw_html]") {
  const auto r = parse("<a href=\"https://e.com/x\" title=\"T\" onclick=\"steal()\" style=\"color:red\">go</a>\n");
  CHECK(r.dump ==
        "para\n"
        "  link url=\"https://e.com/x\" title=\"T\"\n"
        "    text \"go\"\n");
  CHECK(r.dump.find("onclick") == std::string::npos);
  CHECK(r.dump.find("steal") == std::string::npos);
  CHECK(r.warnings.empty());
  CHECK(tree("<a name=\"anchor\">here</a>\n") ==
        "para\n"
        "  span\n"
        "    text \"here\"\n");
}

TEST_CASE("<a href=javascript:> loses the link and keeps its text", "[raw_html]") {
  const auto r = parse("<a href=\"javascript:alert(1)\">x</a> <a href=\" JaVa&#9;ScRiPt:alert(1)\">y</a>\n");
  CHECK(r.dump ==
        "para\n"
        "  span\n"
        "    text \"x\"\n"
        "  text \" \"\n"
        "  span\n"
        "    text \"y\"\n");
  CHECK(r.dump.find("alert") == std::string::npos);
  CHECK(r.warnings == std::vector<std::string>{"1:1: link to a 'javascript:' URL removed; its text is kept",
                                               "1:1: link to a 'javascript:' URL removed; its text is kept"});
}

TEST_CASE("<img> becomes an image and data: sources are removed", "[raw_html]") {
  const auto r = parse("<img src=\"a.png\" alt=\"Alt\" title=\"T\" onerror=\"x()\"> <img src=\"data:image/png;base64,AA\">\n");
  CHECK(r.dump ==
        "para\n"
        "  image url=\"a.png\" title=\"T\"\n"
        "    text \"Alt\"\n"
        "  text \" \"\n"
        "  image\n");
  CHECK(r.warnings == std::vector<std::string>{"1:1: image from a 'data:' URL removed"});
}

TEST_CASE("tag-like text that is no HTML stays literal, character for character", "[raw_html]") {
  CHECK(tree("Use Promise<string> and Vec<T> or Map<K, V> here.\n") ==
        "para\n"
        "  text \"Use Promise<string> and Vec<T> or Map<K, V> here.\"\n");
  CHECK(tree("A <Foo bar=\"1\">x</Foo> b\n") ==
        "para\n"
        "  text \"A <Foo bar=\\\"1\\\">x</Foo> b\"\n");
  CHECK(tree("`Promise<string>` stays code\n") ==
        "para\n"
        "  code \"Promise<string>\"\n"
        "  text \" stays code\"\n");
}

TEST_CASE("script, iframe and style are dropped with a warning and their text never appears", "[raw_html]") {
  const auto r = parse("x <script>alert(1)</script> y <iframe src=\"https://evil.example\">frame text</iframe> z "
                       "<style>body{color:red}</style> w <object>obj</object> v\n");
  CHECK(r.dump ==
        "para\n"
        "  text \"x  y  z  w  v\"\n");
  for (const char* leaked : {"alert", "evil", "frame text", "color", "obj"}) {
    INFO(leaked);
    CHECK(r.dump.find(leaked) == std::string::npos);
  }
  CHECK(r.warnings == std::vector<std::string>{
                          "1:1: raw HTML <script> is not allowed in a book and was removed",
                          "1:1: raw HTML <iframe> is not allowed in a book and was removed",
                          "1:1: raw HTML <style> is not allowed in a book and was removed",
                          "1:1: raw HTML <object> is not allowed in a book and was removed",
                      });
}

TEST_CASE("a script block between paragraphs is dropped with a warning", "[raw_html]") {
  const auto r = parse("before\n\n<script>\nalert(1)\n</script>\n\nafter\n");
  CHECK(r.dump ==
        "para\n"
        "  text \"before\"\n"
        "para\n"
        "  text \"after\"\n");
  CHECK(r.warnings == std::vector<std::string>{"3:1: raw HTML <script> is not allowed in a book and was removed"});  // the <script> line itself
}

TEST_CASE("block <div> becomes a division holding its content", "[raw_html]") {
  CHECK(tree("<div class=\"note\" onclick=\"x()\">\nhello\n</div>\n") ==
        "div\n"
        "  para\n"
        "    text \"hello\"\n");
  CHECK(tree("<div>\n\n*markdown* inside\n\n</div>\n") ==
        "div\n"
        "  para\n"
        "    emph\n"
        "      text \"markdown\"\n"
        "    text \" inside\"\n");
}

TEST_CASE("<details> with a summary holds its Markdown body", "[raw_html]") {
  CHECK(tree("<details><summary>S</summary>\n\nmarkdown **inside**\n\n</details>\n") ==
        "details\n"
        "  text \"S\"\n"
        "  para\n"
        "    text \"markdown \"\n"
        "    strong\n"
        "      text \"inside\"\n");
  CHECK(tree("<details>\n<summary>More <em>info</em></summary>\n\n- a\n- b\n\n</details>\n\nafter\n") ==
        "details\n"
        "  text \"More \"\n"
        "  emph\n"
        "    text \"info\"\n"
        "  list bullet tight\n"
        "    item\n"
        "      para\n"
        "        text \"a\"\n"
        "    item\n"
        "      para\n"
        "        text \"b\"\n"
        "para\n"
        "  text \"after\"\n");
}

TEST_CASE("<ruby> becomes a ruby inline with its reading", "[raw_html]") {
  CHECK(tree("<ruby>漢字<rt>かんじ</rt></ruby>\n") ==
        "para\n"
        "  ruby \"かんじ\"\n"
        "    text \"漢字\"\n");
  CHECK(tree("読み：<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>。\n") ==
        "para\n"
        "  text \"読み：\"\n"
        "  ruby \"かんじ\"\n"
        "    text \"漢字\"\n"
        "  text \"。\"\n");
}

TEST_CASE("HTML block elements map to blocks", "[raw_html]") {
  CHECK(tree("<h2 id=\"custom\">Title</h2>\n\n<blockquote>\nq\n</blockquote>\n\n<hr>\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n") ==
        "heading 2 #custom\n"
        "  text \"Title\"\n"
        "quote\n"
        "  para\n"
        "    text \"q\"\n"
        "hr\n"
        "list bullet tight\n"
        "  item\n"
        "    para\n"
        "      text \"one\"\n"
        "  item\n"
        "    para\n"
        "      text \"two\"\n");
  CHECK(tree("<pre><code class=\"language-cpp\">int x;</code></pre>\n") == "code cpp \"int x;\\n\"\n");
  CHECK(tree("<ol start=\"4\"><li>four</li></ol>\n") ==
        "list ordered start=4 tight\n"
        "  item\n"
        "    para\n"
        "      text \"four\"\n");
}

TEST_CASE("HTML tables map to tables", "[raw_html]") {
  CHECK(tree("<table>\n<tr><th align=\"right\">H</th><th>I</th></tr>\n<tr><td>1</td></tr>\n</table>\n") ==
        "table\n"
        "  th\n"
        "    text \"H\"\n"
        "  th\n"
        "    text \"I\"\n"
        "  tr\n"
        "    td\n"
        "      text \"1\"\n"
        "    td\n");
}

TEST_CASE("HTML comments vanish", "[raw_html]") {
  CHECK(tree("a <!-- hidden --> b\n\n<!--\nblock comment\n-->\n") ==
        "para\n"
        "  text \"a  b\"\n");
}

TEST_CASE("deeply nested raw HTML keeps its words as plain text, with one warning", "[raw_html][deep]") {
  std::string md = "x ";
  for (int i = 0; i < 5000; ++i) md += "<span>";
  md += "deep";
  for (int i = 0; i < 5000; ++i) md += "</span>";
  const auto r = parse(md + "\n");
  CHECK(r.warnings == std::vector<std::string>{"1:1: raw HTML nested deeper than 256 levels is kept as plain text"});
  CHECK(r.dump.rfind("para\n  text \"x \"\n  span\n", 0) == 0);
  CHECK(r.dump.find("text \"deep\"") != std::string::npos);

  std::string blocks;
  for (int i = 0; i < 5000; ++i) blocks += "<div>";
  blocks += "<p>deep <b>words</b></p><script>no()</script>";
  for (int i = 0; i < 5000; ++i) blocks += "</div>";
  const auto b = parse(blocks + "\n");
  CHECK(b.warnings == std::vector<std::string>{"1:1281: raw HTML nested deeper than 256 levels is kept as plain text"});
  CHECK(b.dump.find("text \"deep words\"") != std::string::npos);
  CHECK(b.dump.find("no()") == std::string::npos);
}

TEST_CASE("map_inline_html resolves placeholders through the slot function", "[raw_html]") {
  pp::base::DiagnosticSink sink;
  const std::string file = "f.md";
  const pp::parse::HtmlContext ctx{file, {3, 1}, sink};
  auto slot = [](std::size_t i) {
    pp::model::Inline in;
    in.text = "slot" + std::to_string(i);
    return in;
  };
  const auto out = pp::parse::map_inline_html(
      "<b>" + pp::parse::html_placeholder(0) + "</b>" + pp::parse::html_placeholder(1), slot, ctx);
  CHECK(pp::model::dump(out) ==
        "strong\n"
        "  text \"slot0\"\n"
        "text \"slot1\"\n");
  CHECK(sink.diagnostics().empty());
}
