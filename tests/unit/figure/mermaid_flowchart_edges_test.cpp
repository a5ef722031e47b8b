// figure/mermaid syntax: flowchart links: kinds, heads, lengths, labels, chains, & groups, edge ids, traps.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

namespace {

struct Kind {
  const char* link;
  LineStyle line;
  Head start;
  Head end;
  int length;
};

}  // namespace

TEST_CASE("mermaid: every link kind without text", "[mermaid][edges]") {
  const std::vector<Kind> kinds{
      {"-->", LineStyle::solid, Head::none, Head::arrow, 1},
      {"---", LineStyle::solid, Head::none, Head::none, 1},
      {"--o", LineStyle::solid, Head::none, Head::circle, 1},
      {"--x", LineStyle::solid, Head::none, Head::cross, 1},
      {"==>", LineStyle::thick, Head::none, Head::arrow, 1},
      {"===", LineStyle::thick, Head::none, Head::none, 1},
      {"==o", LineStyle::thick, Head::none, Head::circle, 1},
      {"==x", LineStyle::thick, Head::none, Head::cross, 1},
      {"-.->", LineStyle::dotted, Head::none, Head::arrow, 1},
      {"-.-", LineStyle::dotted, Head::none, Head::none, 1},
      {"-.-o", LineStyle::dotted, Head::none, Head::circle, 1},
      {"-.-x", LineStyle::dotted, Head::none, Head::cross, 1},
      {"~~~", LineStyle::invisible, Head::none, Head::none, 1},
      {"<-->", LineStyle::solid, Head::arrow, Head::arrow, 1},
      {"o--o", LineStyle::solid, Head::circle, Head::circle, 1},
      {"x--x", LineStyle::solid, Head::cross, Head::cross, 1},
      {"<==>", LineStyle::thick, Head::arrow, Head::arrow, 1},
      {"<-.->", LineStyle::dotted, Head::arrow, Head::arrow, 1},
      {"--->", LineStyle::solid, Head::none, Head::arrow, 2},
      {"----", LineStyle::solid, Head::none, Head::none, 2},
      {"----->", LineStyle::solid, Head::none, Head::arrow, 4},
      {"-..->", LineStyle::dotted, Head::none, Head::arrow, 2},
      {"-...-", LineStyle::dotted, Head::none, Head::none, 3},
      {"====>", LineStyle::thick, Head::none, Head::arrow, 3},
      {"~~~~~", LineStyle::invisible, Head::none, Head::none, 3},
      {"---o", LineStyle::solid, Head::none, Head::circle, 2},
  };
  for (const Kind& k : kinds) {
    INFO(k.link);
    const Flowchart f = flow(std::string("graph TD\nA ") + k.link + " B");
    REQUIRE(f.edges.size() == 1);
    const Edge& e = f.edges[0];
    CHECK(e.from == "A");
    CHECK(e.to == "B");
    CHECK(e.line == k.line);
    CHECK(e.start == k.start);
    CHECK(e.end == k.end);
    CHECK(e.length == k.length);
    CHECK(e.label.text.empty());
    CHECK(e.pos.line == 2);
    CHECK(e.pos.column == 3);
  }
}

TEST_CASE("mermaid: link lengths are capped at 10", "[mermaid][edges]") {
  CHECK(flow("graph TD\nA" + std::string(30, '-') + ">B").edges[0].length == 10);
  CHECK(flow("graph TD\nA-" + std::string(20, '.') + "->B").edges[0].length == 10);
}

TEST_CASE("mermaid: links with and without spaces are the same", "[mermaid][edges]") {
  for (const char* src : {"graph TD\nA-->B", "graph TD\nA --> B", "graph TD\nA   -->   B", "graph TD\nA\t-->\tB"}) {
    INFO(src);
    CHECK(edge_pairs(flow(src)) == Strings{"A->B"});
  }
}

TEST_CASE("mermaid: pipe labels, with spaces and quotes", "[mermaid][edges]") {
  const Flowchart f = flow(
      "graph TD\nA-->|yes|B\nA --> | spaced |  C\nA---|open|D\nA-.->|dots|E\nA==>|thick|F\nA-->|\"a | b "
      "[c]\"|G\nA~~~|hidden|H");
  REQUIRE(f.edges.size() == 7);
  CHECK(f.edges[0].label.text == "yes");
  CHECK(f.edges[1].label.text == "spaced");
  CHECK(f.edges[1].to == "C");
  CHECK(f.edges[2].label.text == "open");
  CHECK(f.edges[2].end == Head::none);
  CHECK(f.edges[3].label.text == "dots");
  CHECK(f.edges[3].line == LineStyle::dotted);
  CHECK(f.edges[4].label.text == "thick");
  CHECK(f.edges[5].label.text == "a | b [c]");
  CHECK(f.edges[6].label.text == "hidden");
}

TEST_CASE("mermaid: inline link texts", "[mermaid][edges]") {
  const Flowchart f = flow(
      "graph TD\n"
      "A-- text -->B\n"
      "A -- open text --- C\n"
      "A-. dotted .->D\n"
      "A -. dotted open .- E\n"
      "A == thick ==> F\n"
      "A <-- both --> G\n"
      "A -- long ----> H\n"
      "A -- a-b single dashes --> I\n"
      "A -- \"quoted -- text\" --> J\n"
      "A-- x -->|pipe wins| K\n"
      "A -. more dots ..-> L\n");
  REQUIRE(f.edges.size() == 11);
  CHECK(f.edges[0].label.text == "text");
  CHECK(f.edges[0].end == Head::arrow);
  CHECK(f.edges[1].label.text == "open text");
  CHECK(f.edges[1].end == Head::none);
  CHECK(f.edges[2].label.text == "dotted");
  CHECK(f.edges[2].line == LineStyle::dotted);
  CHECK(f.edges[3].label.text == "dotted open");
  CHECK(f.edges[3].end == Head::none);
  CHECK(f.edges[4].label.text == "thick");
  CHECK(f.edges[4].line == LineStyle::thick);
  CHECK(f.edges[5].label.text == "both");
  CHECK(f.edges[5].start == Head::arrow);
  CHECK(f.edges[5].end == Head::arrow);
  CHECK(f.edges[6].length == 3);
  CHECK(f.edges[7].label.text == "a-b single dashes");
  CHECK(f.edges[8].label.text == "quoted -- text");
  CHECK(f.edges[9].label.text == "pipe wins");
  CHECK(f.edges[10].length == 2);
}

TEST_CASE("mermaid: chains, each link with its own kind and label", "[mermaid][edges]") {
  const Flowchart f = flow("graph LR\nA -- x --> B -.-> C ==>|z| D");
  CHECK(edge_pairs(f) == Strings{"A->B", "B->C", "C->D"});
  CHECK(f.edges[0].label.text == "x");
  CHECK(f.edges[1].line == LineStyle::dotted);
  CHECK(f.edges[1].label.text.empty());
  CHECK(f.edges[2].line == LineStyle::thick);
  CHECK(f.edges[2].label.text == "z");
}

TEST_CASE("mermaid: & groups expand to the cross product, also in chains", "[mermaid][edges]") {
  CHECK(edge_pairs(flow("graph TD\nA & B --> C & D")) == Strings{"A->C", "A->D", "B->C", "B->D"});
  CHECK(edge_pairs(flow("graph TD\nA --> B & C --> D")) == Strings{"A->B", "A->C", "B->D", "C->D"});
  CHECK(edge_pairs(flow("graph TD\nA&B-->C")) == Strings{"A->C", "B->C"});
  const Flowchart f = flow("graph TD\nA[One] & B(Two) -->|l| C");
  CHECK(node(f, "B").shape == NodeShape::round);
  CHECK(f.edges[1].label.text == "l");
  CHECK(flow("graph TD\nA & B").nodes.size() == 2);
}

TEST_CASE("mermaid: edge ids name one edge of a group", "[mermaid][edges]") {
  const Flowchart f = flow("graph TD\nA e1@--> B\nX & Y e9@--> P & Q\nC e2@-- text --> D");
  REQUIRE(f.edges.size() == 6);
  CHECK(f.edges[0].id == "e1");
  CHECK(f.edges[1].id.empty());
  CHECK(f.edges[2].id.empty());
  CHECK(f.edges[3].id == "e9");  // Y->P: from the last source to the first target, as Mermaid does
  CHECK(f.edges[3].from == "Y");
  CHECK(f.edges[3].to == "P");
  CHECK(f.edges[5].id == "e2");
  CHECK(f.edges[5].label.text == "text");
  CHECK_FALSE(has_node(f, "e1"));
}

TEST_CASE("mermaid: e1@{ curve } sets one edge's curve", "[mermaid][edges]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f =
      flow("graph TD\nA e1@--> B\nB e2@--> C\ne1@{ curve: linear }\ne2@{ animate: true, curve: bogus }", &w);
  CHECK(f.edges[0].curve == "linear");
  CHECK(f.edges[1].curve.empty());
  CHECK(mentions(w, "unknown curve 'bogus' ignored"));
  CHECK(f.nodes.size() == 3);
}

TEST_CASE("mermaid: edge shape data that cannot be read warns as on a node", "[mermaid][edges]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nA e1@--> B\ne1@{ curve linear }", &w);
  CHECK(f.edges[0].curve.empty());
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "shape data not read: expected 'key: value' in the mapping");
  std::vector<SyntaxIssue> on_node;
  flow("graph TD\nA@{ shape rect }", &on_node);
  REQUIRE(on_node.size() == 1);
  CHECK(on_node[0].message == w[0].message);
}

TEST_CASE("mermaid: a link may end a line, its target on the next", "[mermaid][edges]") {
  CHECK(edge_pairs(flow("graph TD\nA -->\n   B --> C")) == Strings{"A->B", "B->C"});
}

TEST_CASE("mermaid: repeated edges stay separate", "[mermaid][edges]") {
  CHECK(flow("graph TD\nA-->B\nA-->B").edges.size() == 2);
}

TEST_CASE("mermaid: links to and from subgraph ids", "[mermaid][edges]") {
  const Flowchart f = flow("graph TD\nA --> S1\nsubgraph S1\nB\nend\nsubgraph S2\nC\nend\nS1 --> S2");
  CHECK(edge_pairs(f) == Strings{"A->S1", "S1->S2"});
  CHECK_FALSE(has_node(f, "S1"));
  CHECK_FALSE(has_node(f, "S2"));
  CHECK(f.nodes.size() == 3);
}

TEST_CASE("mermaid trap: A---oB reads as Mermaid does when B is a node used elsewhere", "[mermaid][edges][trap]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph LR\nB[Bob]\nA---oB", &w);
  REQUIRE(f.edges.size() == 1);
  CHECK(f.edges[0].to == "B");
  CHECK(f.edges[0].end == Head::circle);
  CHECK(f.edges[0].length == 2);
  CHECK_FALSE(has_node(f, "oB"));
  REQUIRE(w.size() == 1);
  CHECK(w[0].message ==
        "read as a circle-headed link to node 'B', as mermaid does; put a space between 'o' and 'B' to make that "
        "explicit");
  CHECK(w[0].pos.line == 3);
  CHECK(w[0].pos.column == 2);
}

TEST_CASE("mermaid trap: A---ops is a link to node ops, not a circle to ps", "[mermaid][edges][trap]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph LR\nA---ops --> B\nC==xray", &w);
  CHECK(edge_pairs(f) == Strings{"A->ops", "ops->B", "C->ray"});
  CHECK(f.edges[0].end == Head::none);
  CHECK(f.edges[0].length == 1);
  CHECK(f.edges[2].end == Head::cross);  // "==" is no link by itself: "==x" has only one reading
  CHECK(w.size() == 1);
  CHECK(w[0].message == "read as a link to node 'ops'; mermaid would read a circle head and node 'ps'; put a space "
                        "before 'ops' to say so");
}

TEST_CASE("mermaid trap: a chain through A---oB moves both edges to B", "[mermaid][edges][trap]") {
  const Flowchart f = flow("graph LR\nA---oB-->C\nB");
  CHECK(edge_pairs(f) == Strings{"A->B", "B->C"});
  CHECK(f.edges[0].end == Head::circle);
  CHECK(f.nodes.size() == 3);
}

TEST_CASE("mermaid: mismatched link heads are kept, with a warning", "[mermaid][edges]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nA <--o B", &w);
  CHECK(f.edges[0].start == Head::arrow);
  CHECK(f.edges[0].end == Head::circle);
  CHECK(mentions(w, "different heads"));
}
