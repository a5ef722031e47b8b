// parse/markdown: CommonMark + GFM to the document tree, checked through model::dump.
#include "parse/markdown.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>


using pp::test::tree;

namespace {

// "kind line:col" for every block, depth-first, indented like the dump.
void positions(const std::vector<pp::model::Block>& blocks, int depth, std::string& out) {
  for (const auto& b : blocks) {
    const std::string first_line = pp::model::dump(std::vector<pp::model::Block>{b});
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += first_line.substr(0, first_line.find_first_of(" \n"));
    out += " " + std::to_string(b.pos.line) + ":" + std::to_string(b.pos.column) + "\n";
    positions(b.children, depth + 1, out);
  }
}

std::string positions(const std::string& text) {
  std::string out;
  positions(pp::test::parse_text(text).blocks, 0, out);
  return out;
}

}  // namespace

TEST_CASE("headings of every level, ATX and setext", "[markdown]") {
  CHECK(tree("# One\n\n## Two *em* `code`\n\n###### Six\n\nSetext\n======\n\nSub\n---\n") ==
        "heading 1 #one\n"
        "  text \"One\"\n"
        "heading 2 #two-em-code\n"
        "  text \"Two \"\n"
        "  emph\n"
        "    text \"em\"\n"
        "  text \" \"\n"
        "  code \"code\"\n"
        "heading 6 #six\n"
        "  text \"Six\"\n"
        "heading 1 #setext\n"
        "  text \"Setext\"\n"
        "heading 2 #sub\n"
        "  text \"Sub\"\n");
}

TEST_CASE("paragraphs with emphasis, breaks and a thematic break", "[markdown]") {
  CHECK(tree("*a* _b_ **c** __d__ ***e***\nnext  \nhard\\\nend\n\n***\n") ==
        "para\n"
        "  emph\n"
        "    text \"a\"\n"
        "  text \" \"\n"
        "  emph\n"
        "    text \"b\"\n"
        "  text \" \"\n"
        "  strong\n"
        "    text \"c\"\n"
        "  text \" \"\n"
        "  strong\n"
        "    text \"d\"\n"
        "  text \" \"\n"
        "  emph\n"
        "    strong\n"
        "      text \"e\"\n"
        "  softbreak\n"
        "  text \"next\"\n"
        "  hardbreak\n"
        "  text \"hard\"\n"
        "  hardbreak\n"
        "  text \"end\"\n"
        "hr\n");
}

TEST_CASE("lists: bullet and ordered, start numbers, tight and loose", "[markdown]") {
  CHECK(tree("- a\n- b\n\n3. x\n4. y\n\n1) p\n\n1) q\n") ==
        "list bullet tight\n"
        "  item\n"
        "    para\n"
        "      text \"a\"\n"
        "  item\n"
        "    para\n"
        "      text \"b\"\n"
        "list ordered start=3 tight\n"
        "  item\n"
        "    para\n"
        "      text \"x\"\n"
        "  item\n"
        "    para\n"
        "      text \"y\"\n"
        "list ordered start=1 loose\n"
        "  item\n"
        "    para\n"
        "      text \"p\"\n"
        "  item\n"
        "    para\n"
        "      text \"q\"\n");
  CHECK(tree("0. zero\n") ==
        "list ordered start=0 tight\n"
        "  item\n"
        "    para\n"
        "      text \"zero\"\n");
}

TEST_CASE("nested lists", "[markdown]") {
  CHECK(tree("- a\n  - b\n    1. c\n- d\n") ==
        "list bullet tight\n"
        "  item\n"
        "    para\n"
        "      text \"a\"\n"
        "    list bullet tight\n"
        "      item\n"
        "        para\n"
        "          text \"b\"\n"
        "        list ordered start=1 tight\n"
        "          item\n"
        "            para\n"
        "              text \"c\"\n"
        "  item\n"
        "    para\n"
        "      text \"d\"\n");
}

TEST_CASE("task list items keep their state", "[markdown]") {
  CHECK(tree("- [ ] open\n- [x] done\n- [X] also done\n- plain\n") ==
        "list bullet tight\n"
        "  item [ ]\n"
        "    para\n"
        "      text \"open\"\n"
        "  item [x]\n"
        "    para\n"
        "      text \"done\"\n"
        "  item [x]\n"
        "    para\n"
        "      text \"also done\"\n"
        "  item\n"
        "    para\n"
        "      text \"plain\"\n");
}

TEST_CASE("block quotes nest", "[markdown]") {
  CHECK(tree("> a\n>\n> > b\n> > > c\n>\n> d\n") ==
        "quote\n"
        "  para\n"
        "    text \"a\"\n"
        "  quote\n"
        "    para\n"
        "      text \"b\"\n"
        "    quote\n"
        "      para\n"
        "        text \"c\"\n"
        "  para\n"
        "    text \"d\"\n");
}

TEST_CASE("code blocks keep their language and mermaid fences become diagrams", "[markdown]") {
  CHECK(tree("```rust\nfn main() {}\n```\n\n```python title=\"x.py\"\nprint(1)\n```\n\n```js{1,3}\nx\n```\n\n"
             "~~~\nplain <b>\n~~~\n\n    indented\n\n```mermaid\ngraph TD\n  A-->B\n```\n") ==
        "code rust \"fn main() {}\\n\"\n"
        "code python \"print(1)\\n\"\n"
        "code js \"x\\n\"\n"
        "code \"plain <b>\\n\"\n"
        "code \"indented\\n\"\n"
        "diagram mermaid \"graph TD\\n  A-->B\\n\"\n");
}

TEST_CASE("GFM tables keep alignments and pad short rows", "[markdown]") {
  const auto doc = pp::test::parse_text("| a | *b* | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 |\n| x | y | z | w |\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].table.align == std::vector<pp::model::Align>{pp::model::Align::left, pp::model::Align::center,
                                                                   pp::model::Align::right, pp::model::Align::none});
  CHECK(pp::model::dump(doc.blocks) ==
        "table\n"
        "  th\n"
        "    text \"a\"\n"
        "  th\n"
        "    emph\n"
        "      text \"b\"\n"
        "  th\n"
        "    text \"c\"\n"
        "  th\n"
        "    text \"d\"\n"
        "  tr\n"
        "    td\n"
        "      text \"1\"\n"
        "    td\n"
        "      text \"2\"\n"
        "    td\n"
        "    td\n"
        "  tr\n"
        "    td\n"
        "      text \"x\"\n"
        "    td\n"
        "      text \"y\"\n"
        "    td\n"
        "      text \"z\"\n"
        "    td\n"
        "      text \"w\"\n");
  CHECK(doc.blocks[0].table.rows.size() == 2);
  CHECK(doc.blocks[0].table.rows[0].size() == 4);
}

TEST_CASE("strikethrough and autolinks", "[markdown]") {
  CHECK(tree("~~gone~~ www.example.com <https://x.y/z> https://a.b/c?d=1\n") ==
        "para\n"
        "  strike\n"
        "    text \"gone\"\n"
        "  text \" \"\n"
        "  link url=\"http://www.example.com\"\n"
        "    text \"www.example.com\"\n"
        "  text \" \"\n"
        "  link url=\"https://x.y/z\"\n"
        "    text \"https://x.y/z\"\n"
        "  text \" \"\n"
        "  link url=\"https://a.b/c?d=1\"\n"
        "    text \"https://a.b/c?d=1\"\n");
}

TEST_CASE("links, reference links and images", "[markdown]") {
  CHECK(tree("[t](https://e.com \"Title\") [rel](other.md#x) [r]\n\n![alt *em*](img/a.png \"Cap\")\n\n"
             "[r]: https://ref.example\n") ==
        "para\n"
        "  link url=\"https://e.com\" title=\"Title\"\n"
        "    text \"t\"\n"
        "  text \" \"\n"
        "  link url=\"other.md#x\"\n"
        "    text \"rel\"\n"
        "  text \" \"\n"
        "  link url=\"https://ref.example\"\n"
        "    text \"r\"\n"
        "para\n"
        "  image url=\"img/a.png\" title=\"Cap\"\n"
        "    text \"alt \"\n"
        "    emph\n"
        "      text \"em\"\n");
}

TEST_CASE("script links lose their target but keep their text and data images lose their source", "[markdown]") {
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text("[js](javascript:alert(1)) [ent](javascript&colon;alert(1))\n\n"
                                        "![pic](data:image/png;base64,AA)\n",
                                        sink);
  CHECK(pp::model::dump(doc.blocks) ==
        "para\n"
        "  span\n"
        "    text \"js\"\n"
        "  text \" \"\n"
        "  span\n"
        "    text \"ent\"\n"
        "para\n"
        "  image\n"
        "    text \"pic\"\n");
  CHECK(pp::test::other_warnings(sink) == std::vector<std::string>{
                                              "1:1: link to a 'javascript:' URL removed; its text is kept",
                                              "1:27: link to a 'javascript:' URL removed; its text is kept",
                                              "3:1: image from a 'data:' URL removed",
                                          });
}

TEST_CASE("footnote references and definitions with their labels", "[markdown]") {
  // Numeric labels in reference order: the reference shows the same label as its definition.
  CHECK(tree("Text[^1] and more[^2].\n\n[^2]: Second *note*.\n[^1]: First.\n\n    Continued.\n") ==
        "para\n"
        "  text \"Text\"\n"
        "  fnref \"1\"\n"
        "  text \" and more\"\n"
        "  fnref \"2\"\n"
        "  text \".\"\n"
        "footnote #1\n"
        "  para\n"
        "    text \"First.\"\n"
        "  para\n"
        "    text \"Continued.\"\n"
        "footnote #2\n"
        "  para\n"
        "    text \"Second \"\n"
        "    emph\n"
        "      text \"note\"\n"
        "    text \".\"\n");
  SECTION("named labels are kept on definitions") {
    const std::string dump = tree("A[^1] b[^note].\n\n[^note]: Named.\n[^1]: One.\n");
    CHECK(dump.find("footnote #note\n  para\n    text \"Named.\"\n") != std::string::npos);
    CHECK(dump.find("footnote #1\n  para\n    text \"One.\"\n") != std::string::npos);
  }
  SECTION("a reference without a definition stays text") {
    CHECK(tree("See [^missing].\n") ==
          "para\n"
          "  text \"See [^missing].\"\n");
  }
}

TEST_CASE("block positions are file lines, after the front matter", "[markdown]") {
  CHECK(positions("---\ntitle: T\n---\n\n# Head\n\npara\n\n> quote\n\n- a\n- b\n\n```\ncode\n```\n\n| a |\n|---|\n| 1 |\n") ==
        "heading 5:1\n"
        "para 7:1\n"
        "quote 9:1\n"
        "  para 9:3\n"
        "list 11:1\n"
        "  item 11:1\n"
        "    para 11:3\n"
        "  item 12:1\n"
        "    para 12:3\n"
        "code 14:1\n"
        "table 18:1\n");
  CHECK(positions("# Head\n\n  para\n") ==
        "heading 1:1\n"
        "para 3:3\n");
}

TEST_CASE("inline positions are file lines too", "[markdown]") {
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text("---\ntitle: T\ndescription: D\n---\nword *em*\n[js](javascript:x)\n", sink);
  REQUIRE(doc.blocks.size() == 1);
  const auto& in = doc.blocks[0].inlines;
  REQUIRE(in.size() == 4);
  CHECK(in[0].pos == pp::base::SourcePos{5, 1});
  CHECK(in[1].pos == pp::base::SourcePos{5, 6});
  CHECK(in[3].pos == pp::base::SourcePos{6, 1});
  CHECK(pp::test::other_warnings(sink) ==
        std::vector<std::string>{"6:1: link to a 'javascript:' URL removed; its text is kept"});
}

TEST_CASE("5000 nested block quotes are flattened with one warning", "[markdown][deep]") {
  std::string md;
  for (int i = 0; i < 5000; ++i) md += "> ";
  md += "deep\n";
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text(md, sink);

  std::string expected;
  for (int depth = 0; depth < 64; ++depth) expected += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "quote\n";
  expected += std::string(128, ' ') + "para\n" + std::string(130, ' ') + "text \"deep\"\n";
  CHECK(pp::model::dump(doc.blocks) == expected);
  CHECK(pp::test::other_warnings(sink) ==
        std::vector<std::string>{"1:129: lists or quotes nested deeper than 64 levels are flattened"});
}

TEST_CASE("5000 nested lists are flattened with one warning", "[markdown][deep]") {
  std::string md;
  for (int i = 0; i < 5000; ++i) md += "- ";
  md += "deep\n";
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text(md, sink);

  std::string expected;
  for (int depth = 0; depth < 64; ++depth) {
    expected += std::string(static_cast<std::size_t>(depth) * 4, ' ') + "list bullet tight\n";
    expected += std::string(static_cast<std::size_t>(depth) * 4 + 2, ' ') + "item\n";
  }
  expected += std::string(256, ' ') + "para\n" + std::string(258, ' ') + "text \"deep\"\n";
  CHECK(pp::model::dump(doc.blocks) == expected);
  CHECK(pp::test::messages_with(sink, "flattened") ==
        std::vector<std::string>{"1:129: lists or quotes nested deeper than 64 levels are flattened"});
}

TEST_CASE("deeply nested lists written with indentation are flattened too", "[markdown][deep]") {
  std::string md;
  for (int i = 0; i < 300; ++i) md += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level " + std::to_string(i) + "\n";
  pp::base::DiagnosticSink sink;
  const auto doc = pp::test::parse_text(md, sink);
  CHECK(pp::test::messages_with(sink, "flattened").size() == 1);
  const std::string dump = pp::model::dump(doc.blocks);
  CHECK(dump.find("text \"level 0\"") != std::string::npos);
  CHECK(dump.find("text \"level 299\"") != std::string::npos);
}

TEST_CASE("deeply nested emphasis and brackets finish", "[markdown][deep]") {
  const std::string stars = tree(std::string(5000, '*') + "deep" + std::string(5000, '*') + "\n");
  const std::string brackets = tree(std::string(5000, '[') + "deep" + std::string(5000, ']') + "\n");
  CHECK(stars.find("deep") != std::string::npos);
  CHECK(brackets.find("deep") != std::string::npos);
}
