// figure/mermaid syntax: style, classDef, class, linkStyle (with interpolate), and the `#hex;` trap.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

TEST_CASE("mermaid: style statements on nodes and subgraphs", "[mermaid][styles]") {
  const Flowchart f = flow(
      "graph TD\n"
      "A-->B\n"
      "subgraph S\nB\nend\n"
      "style A fill:#f9f,stroke:#333,stroke-width:4px\n"
      "style A stroke:red\n"
      "style S fill:#eee,stroke-dasharray: 5 5\n"
      "style Z color:blue\n");
  CHECK(node(f, "A").style == Style{{"fill", "#f9f"}, {"stroke", "red"}, {"stroke-width", "4px"}});
  CHECK(subgraph(f, "S").style == Style{{"fill", "#eee"}, {"stroke-dasharray", "5 5"}});
  CHECK(node(f, "Z").style == Style{{"color", "blue"}});  // as in Mermaid, a style creates the node it names
  CHECK(node(f, "B").style.empty());
}

TEST_CASE("mermaid: a style on a subgraph declared later reaches the subgraph", "[mermaid][styles]") {
  const Flowchart f = flow("graph TD\nstyle S fill:#abc\nclass S big\nsubgraph S\nx\nend");
  CHECK_FALSE(has_node(f, "S"));
  CHECK(subgraph(f, "S").style == Style{{"fill", "#abc"}});
  CHECK(subgraph(f, "S").classes == Strings{"big"});
}

TEST_CASE("mermaid trap: in one-line style chains a hex colour does not swallow the separator",
          "[mermaid][styles][trap]") {
  const Flowchart f = flow("graph TD\nA-->B;style A fill:#f9f;style B fill:#ff0;\nclassDef c fill:#0f0;class A c;");
  CHECK(node(f, "A").style == Style{{"fill", "#f9f"}});
  CHECK(node(f, "B").style == Style{{"fill", "#ff0"}});
  CHECK(f.class_defs.at("c") == Style{{"fill", "#0f0"}});
  CHECK(node(f, "A").classes == Strings{"c"});
}

TEST_CASE("mermaid: classDef with several names, escaped commas and rgb() commas", "[mermaid][styles]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow(
      "graph TD\nA\n"
      "classDef warn,alert fill:#f96,stroke-dasharray: 9\\,5\n"
      "classDef soft fill:rgb(200, 220, 100),color:#333\n"
      "classDef default fill:#fff\n"
      "classDef warn stroke:red,bogus\n",
      &w);
  CHECK(f.class_defs.at("warn") == Style{{"fill", "#f96"}, {"stroke-dasharray", "9,5"}, {"stroke", "red"}});
  CHECK(f.class_defs.at("alert") == Style{{"fill", "#f96"}, {"stroke-dasharray", "9,5"}});
  CHECK(f.class_defs.at("soft") == Style{{"fill", "rgb(200, 220, 100)"}, {"color", "#333"}});
  CHECK(f.class_defs.at("default") == Style{{"fill", "#fff"}});
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "style item 'bogus' has no ':'; ignored");
  CHECK(w[0].pos.line == 6);
}

TEST_CASE("mermaid: class statements keep source order with :::", "[mermaid][styles]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f =
      flow("graph TD\nA:::one --> B\nclass A,B two\nA:::three\nclass later four\nlater\nclass ghost x", &w);
  CHECK(node(f, "A").classes == Strings{"one", "two", "three"});
  CHECK(node(f, "B").classes == Strings{"two"});
  CHECK(node(f, "later").classes == Strings{"four"});
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "class statement names 'ghost', which is not a node, subgraph or edge id");
}

TEST_CASE("mermaid: class on an edge id merges the class declarations into the edge style", "[mermaid][styles]") {
  const Flowchart f =
      flow("graph TD\nA e1@--> B\nclass e1 animate\nclassDef animate stroke-dasharray: 9\\,5,stroke:#f00");
  CHECK(f.edges[0].style == Style{{"stroke-dasharray", "9,5"}, {"stroke", "#f00"}});
}

TEST_CASE("mermaid: linkStyle by index, by list, default, and interpolate", "[mermaid][styles]") {
  const Flowchart f = flow(
      "graph TD\n"
      "A-->B-->C\nA & B --> D\n"
      "linkStyle 0 stroke:#ff3,stroke-width:4px\n"
      "linkStyle 1,3 stroke:red\n"
      "linkStyle default stroke:#999,color:blue\n"
      "linkStyle 2 interpolate step stroke:green\n"
      "linkStyle default interpolate linear\n");
  REQUIRE(f.edges.size() == 4);
  CHECK(f.edges[0].style == Style{{"stroke", "#ff3"}, {"color", "blue"}, {"stroke-width", "4px"}});
  CHECK(f.edges[1].style == Style{{"stroke", "red"}, {"color", "blue"}});
  CHECK(f.edges[2].style == Style{{"stroke", "green"}, {"color", "blue"}});
  CHECK(f.edges[2].curve == "step");
  CHECK(f.edges[3].style == Style{{"stroke", "red"}, {"color", "blue"}});
  CHECK(f.edges[0].curve.empty());
  CHECK(f.curve == "linear");
}

TEST_CASE("mermaid: linkStyle default sits under an edge's own class style", "[mermaid][styles]") {
  const Flowchart f = flow(
      "graph TD\nA e1@--> B --> C\n"
      "classDef hot stroke:red\n"
      "class e1 hot\n"
      "linkStyle default stroke:#999,stroke-width:2px\n");
  REQUIRE(f.edges.size() == 2);
  CHECK(f.edges[0].style == Style{{"stroke", "red"}, {"stroke-width", "2px"}});
  CHECK(f.edges[1].style == Style{{"stroke", "#999"}, {"stroke-width", "2px"}});
}

TEST_CASE("mermaid: linkStyle past the last edge warns and is ignored", "[mermaid][styles]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nA-->B\nlinkStyle 0,5 stroke:red\nlinkStyle 0 interpolate wobbly", &w);
  CHECK(f.edges[0].style == Style{{"stroke", "red"}});
  REQUIRE(w.size() == 2);
  CHECK(w[0].message == "unknown curve 'wobbly' ignored");
  CHECK(w[1].message == "linkStyle names edge 5, but there are only 1 edges, numbered from 0; ignored");
  CHECK(w[1].pos.line == 3);
  CHECK(first_error("graph TD\nA-->B\nlinkStyle x stroke:red").message ==
        "expected edge numbers or 'default' after 'linkStyle'");
}
