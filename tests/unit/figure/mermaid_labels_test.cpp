// figure/mermaid syntax: label text (entities, <br>, quoted and markdown strings) in every place labels occur.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

TEST_CASE("mermaid: Mermaid entity codes and HTML entities are decoded", "[mermaid][labels]") {
  const Flowchart f = flow(
      "graph TD\n"
      "A[\"#quot;quoted#quot; #35;1 #59; #9829; #amp; #lt;b#gt; a#nbsp;b #infin;\"]\n"
      "B[Tom &amp; Jerry &#35;2 &#x2665;]\n"
      "C[unknown #foo; and #f9f; stay]\n"
      "D[Issue #35; fixed]");
  CHECK(node(f, "A").label.text == "\"quoted\" #1 ; \u2665 & <b> a\u00A0b \u221E");
  CHECK(node(f, "B").label.text == "Tom & Jerry #2 \u2665");
  CHECK(node(f, "C").label.text == "unknown #foo; and #f9f; stay");
  CHECK(node(f, "D").label.text == "Issue # fixed");
}

TEST_CASE("mermaid: <br> in all its forms breaks lines, in nodes, edges and subgraph titles", "[mermaid][labels]") {
  const Flowchart f = flow(
      "graph TD\n"
      "A[one<br>two<br/>three<br />four<BR>five<br  />six]\n"
      "A -->|left<br>right| B\n"
      "subgraph S [top<br/>bottom]\nB\nend");
  CHECK(node(f, "A").label.text == "one\ntwo\nthree\nfour\nfive\nsix");
  CHECK(f.edges[0].label.text == "left\nright");
  CHECK(subgraph(f, "S").title.text == "top\nbottom");
  // An entity-made "<br>" is text, not a break.
  CHECK(node(flow("graph TD\nA[#lt;br#gt;]"), "A").label.text == "<br>");
}

TEST_CASE("mermaid: quoted labels keep brackets and newlines, drop quotes and indentation", "[mermaid][labels]") {
  const Flowchart f = flow(
      "graph TD\n"
      "A[\"a [b] (c) {d} | e\"]\n"
      "B[\"\n    First line\n    Second line\n  \"]\n"
      "C[ \"  spaced  \" ]\n"
      "D(\"round (x)\")");
  CHECK(node(f, "A").label.text == "a [b] (c) {d} | e");
  CHECK_FALSE(node(f, "A").label.markdown);
  CHECK(node(f, "B").label.text == "First line\nSecond line");
  CHECK(node(f, "C").label.text == "spaced");
  CHECK(node(f, "D").label.text == "round (x)");
  CHECK(node(f, "D").shape == NodeShape::round);
}

TEST_CASE("mermaid: markdown strings keep their markers and real newlines", "[mermaid][labels]") {
  const Flowchart f = flow(
      "graph LR\n"
      "A[\"`**bold** and *italic*\n  _under_`\"] -- \"`edge **md**`\" --> B\n"
      "B -->|\"`pipe *md*`\"| C\n"
      "subgraph S [\"`**Title**`\"]\nC\nend");
  CHECK(node(f, "A").label.text == "**bold** and *italic*\n  _under_");
  CHECK(node(f, "A").label.markdown);
  CHECK(f.edges[0].label.text == "edge **md**");
  CHECK(f.edges[0].label.markdown);
  CHECK(f.edges[1].label.text == "pipe *md*");
  CHECK(f.edges[1].label.markdown);
  CHECK(subgraph(f, "S").title.text == "**Title**");
  CHECK(subgraph(f, "S").title.markdown);
}

TEST_CASE("mermaid: plain labels are trimmed, a literal backslash-n breaks the line", "[mermaid][labels]") {
  const Flowchart f = flow("graph TD\nA[   padded   ]\nB[first\\nsecond]\nC[\"`keep\\n`\"]");
  CHECK(node(f, "A").label.text == "padded");
  CHECK(node(f, "B").label.text == "first\nsecond");
  CHECK(node(f, "C").label.text == "keep\\n");  // markdown strings break on real newlines only
}

TEST_CASE("mermaid: a node without a label shows its id, the last label wins", "[mermaid][labels]") {
  const Flowchart f = flow("graph TD\nA-->B\nB[Second]\nB(Third)");
  CHECK(node(f, "A").label.text == "A");
  CHECK(node(f, "B").label.text == "Third");
  CHECK(node(f, "B").shape == NodeShape::round);
}

TEST_CASE("mermaid: CJK labels, ids and emoji pass through", "[mermaid][labels]") {
  const Flowchart f = flow("graph TD\n开始[开始处理 🚀] --> 処理{判定する？}\n처리 --> 開始");
  CHECK(node(f, "开始").label.text == "开始处理 🚀");
  CHECK(node(f, "処理").label.text == "判定する？");
  CHECK(node(f, "処理").shape == NodeShape::diamond);
  CHECK(edge_pairs(f) == Strings{"开始->処理", "처리->開始"});
}
