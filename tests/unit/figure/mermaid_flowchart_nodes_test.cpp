// figure/mermaid syntax: flowchart headers, node ids, the fifteen bracket shapes, @{} shape data, :::class.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

TEST_CASE("mermaid: flowchart header directions", "[mermaid][flowchart]") {
  CHECK(flow("graph TD\nA").direction == Direction::top_bottom);
  CHECK(flow("graph TB\nA").direction == Direction::top_bottom);
  CHECK(flow("flowchart BT\nA").direction == Direction::bottom_top);
  CHECK(flow("flowchart LR\nA").direction == Direction::left_right);
  CHECK(flow("flowchart RL\nA").direction == Direction::right_left);
  CHECK(flow("graph\nA").direction == Direction::top_bottom);
  CHECK(flow("graph >\nA").direction == Direction::left_right);
  CHECK(flow("graph <\nA").direction == Direction::right_left);
  CHECK(flow("graph ^\nA").direction == Direction::bottom_top);
  CHECK(flow("graph v\nA").direction == Direction::top_bottom);
  CHECK(flow("graph LR;A-->B").edges.size() == 1);
  CHECK(flow("  \n  graph LR   \n  A").direction == Direction::left_right);
}

TEST_CASE("mermaid: lower-case directions are read with a warning", "[mermaid][flowchart]") {
  std::vector<SyntaxIssue> w;
  CHECK(flow("graph lr\nA", &w).direction == Direction::left_right);
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "mermaid accepts only upper-case directions; read 'lr' as 'LR'");
}

TEST_CASE("mermaid: all fifteen bracket shapes", "[mermaid][flowchart]") {
  const Flowchart f = flow(
      "graph TD\n"
      "a1\n a2[rect]\n a3(round)\n a4([stadium])\n a5[[sub]]\n a6[(cyl)]\n a7((circ))\n a8(((dbl)))\n"
      " a9>flag]\n a10{dia}\n a11{{hex}}\n a12[/lr/]\n a13[\\ll\\]\n a14[/trap\\]\n a15[\\inv/]\n a16(-ell-)");
  const std::vector<std::pair<std::string, NodeShape>> expected{
      {"a1", NodeShape::rect},         {"a2", NodeShape::rect},           {"a3", NodeShape::round},
      {"a4", NodeShape::stadium},      {"a5", NodeShape::subroutine},     {"a6", NodeShape::cylinder},
      {"a7", NodeShape::circle},       {"a8", NodeShape::double_circle},  {"a9", NodeShape::asymmetric},
      {"a10", NodeShape::diamond},     {"a11", NodeShape::hexagon},       {"a12", NodeShape::lean_right},
      {"a13", NodeShape::lean_left},   {"a14", NodeShape::trapezoid},     {"a15", NodeShape::inv_trapezoid},
      {"a16", NodeShape::ellipse}};
  REQUIRE(f.nodes.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    INFO(expected[k].first);
    CHECK(f.nodes[k].id == expected[k].first);
    CHECK(f.nodes[k].shape == expected[k].second);
  }
  const std::vector<std::string> labels{"a1",  "rect", "round", "stadium", "sub", "cyl",  "circ", "dbl",
                                        "flag", "dia", "hex",   "lr",      "ll",  "trap", "inv",  "ell"};
  for (std::size_t k = 0; k < labels.size(); ++k) CHECK(f.nodes[k].label.text == labels[k]);
}

TEST_CASE("mermaid: unquoted labels may nest their own brackets and hold slashes", "[mermaid][flowchart]") {
  const Flowchart f = flow("graph TD\nA(f(x) = y)\nB[/usr/bin/env/]\nC[list[0]]\nD[|borders:lt|boxed]");
  CHECK(node(f, "A").label.text == "f(x) = y");
  CHECK(node(f, "A").shape == NodeShape::round);
  CHECK(node(f, "B").label.text == "usr/bin/env");
  CHECK(node(f, "B").shape == NodeShape::lean_right);
  CHECK(node(f, "C").label.text == "list[0]");
  CHECK(node(f, "D").label.text == "boxed");
  CHECK(node(f, "D").shape == NodeShape::rect);
}

TEST_CASE("mermaid: node ids take Mermaid's id characters and CJK letters", "[mermaid][flowchart]") {
  const Flowchart f =
      flow("graph TD\nA.b --> c/d --> e:f --> 1 --> 2.5 --> 中文节点 --> End --> end_node --> a-b --> x=y");
  CHECK(edge_pairs(f) == Strings{"A.b->c/d", "c/d->e:f", "e:f->1", "1->2.5", "2.5->中文节点", "中文节点->End",
                                 "End->end_node", "end_node->a-b", "a-b->x=y"});
  CHECK(node(f, "A.b").pos.line == 2);
  CHECK(node(f, "A.b").pos.column == 1);
  CHECK(node(f, "中文节点").pos.column == 39);  // columns count bytes
}

TEST_CASE("mermaid: nodes keep the order of first mention", "[mermaid][flowchart]") {
  const Flowchart f = flow("graph TD\nC --> B\nA --> C\nB[Bee]");
  REQUIRE(f.nodes.size() == 3);
  CHECK(f.nodes[0].id == "C");
  CHECK(f.nodes[1].id == "B");
  CHECK(f.nodes[2].id == "A");
  CHECK(f.nodes[1].pos.line == 2);
}

TEST_CASE("mermaid: semicolons separate statements and are optional", "[mermaid][flowchart]") {
  const Flowchart f = flow("graph TD;A-->B;B-->C;;\n  C-->D;\n;\nD[#35;1;]-->E");
  CHECK(edge_pairs(f) == Strings{"A->B", "B->C", "C->D", "D->E"});
  CHECK(node(f, "D").label.text == "#1;");
}

TEST_CASE("mermaid: `end` is a keyword, End and end_x are ids", "[mermaid][flowchart]") {
  const Flowchart f = flow("graph TD\nEnd --> END --> endpoint");
  CHECK(f.nodes.size() == 3);
  const SyntaxIssue e = first_error("graph TD\n  A --> end\n");
  CHECK(e.message == "'end' is a keyword and cannot be a node id; use another id, e.g. E[end]");
  CHECK(e.pos.line == 2);
  CHECK(e.pos.column == 9);
  CHECK(first_error("graph TD\nend-->A").pos.line == 2);
}

TEST_CASE("mermaid: a space before a shape bracket is read as the shape, with a warning", "[mermaid][flowchart]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nA [Alpha] --> B (Beta)", &w);
  CHECK(node(f, "A").label.text == "Alpha");
  CHECK(node(f, "B").shape == NodeShape::round);
  REQUIRE(w.size() == 2);
  CHECK(w[0].message == "mermaid does not allow a space between a node id and its shape; read as 'A[...'");
  CHECK(w[0].pos.column == 2);
}

TEST_CASE("mermaid: :::class attaches classes, also in edges and & groups", "[mermaid][flowchart]") {
  const Flowchart f = flow("graph TD\nA:::hot --> B[Bee]:::cold:::big\nC:::x & D:::y");
  CHECK(node(f, "A").classes == Strings{"hot"});
  CHECK(node(f, "B").classes == Strings{"cold", "big"});
  CHECK(node(f, "B").label.text == "Bee");
  CHECK(node(f, "C").classes == Strings{"x"});
  CHECK(node(f, "D").classes == Strings{"y"});
  CHECK(first_error("graph TD\nA:::").message == "expected a class name after ':::'");
}

TEST_CASE("mermaid: @{ shape, label } shape data", "[mermaid][flowchart]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow(
      "flowchart TD\n"
      "  A@{ shape: cyl, label: \"Orders DB\" } --> B@{shape: diamond}\n"
      "  C@{ shape: rounded }\n"
      "  D@{ shape: lean-r, label: \"**md**\", labelType: string }\n"
      "  E@{\n    shape: hex\n    label: \"two\n      lines\"\n  }\n"
      "  F@{ shape: doc }\n"
      "  G@{ shape: blob }\n"
      "  H@{ shape: stadium }:::c & I\n",
      &w);
  CHECK(node(f, "A").shape == NodeShape::cylinder);
  CHECK(node(f, "A").label.text == "Orders DB");
  CHECK(node(f, "A").label.markdown);  // shape-data labels are markdown unless labelType says otherwise
  CHECK(node(f, "B").shape == NodeShape::diamond);
  CHECK(node(f, "B").label.text == "B");
  CHECK(node(f, "C").shape == NodeShape::round);
  CHECK(node(f, "D").shape == NodeShape::lean_right);
  CHECK_FALSE(node(f, "D").label.markdown);
  CHECK(node(f, "E").shape == NodeShape::hexagon);
  CHECK(node(f, "E").label.text == "two\nlines");
  CHECK(node(f, "F").shape == NodeShape::rect);
  CHECK(node(f, "G").shape == NodeShape::rect);
  CHECK(node(f, "H").shape == NodeShape::stadium);
  CHECK(node(f, "H").classes == Strings{"c"});
  CHECK(edge_pairs(f) == Strings{"A->B"});
  CHECK(mentions(w, "shape 'doc' is drawn as the nearest classic shape"));
  CHECK(mentions(w, "unknown shape 'blob' for node 'G'; drawn as a rectangle"));
  CHECK(w.size() == 2);
}

TEST_CASE("mermaid: accTitle, accDescr and click lines are accepted silently", "[mermaid][flowchart]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow(
      "graph TD\n"
      "accTitle: The title\n"
      "accDescr: One line\n"
      "accDescr {\n  several\n  lines\n}\n"
      "A-->B\n"
      "click A callback \"Tooltip; with semicolon\"\n"
      "click B href \"https://example.com/#x;y\" _blank\n"
      "click A call fn(1, 2)\n",
      &w);
  CHECK(f.nodes.size() == 2);
  CHECK(f.edges.size() == 1);
  CHECK(w.empty());
}
