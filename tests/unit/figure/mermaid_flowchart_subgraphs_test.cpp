// figure/mermaid syntax: subgraph header forms, generated ids, nesting, membership, direction.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

TEST_CASE("mermaid: subgraph header forms", "[mermaid][subgraph]") {
  const Flowchart f = flow(
      "graph TD\n"
      "subgraph one [First title]\na\nend\n"
      "subgraph two[\"Quoted (title)\"]\nb\nend\n"
      "subgraph Word\nc\nend\n"
      "subgraph A title with spaces\nd\nend\n"
      "subgraph \"quoted words\"\ne\nend\n"
      "subgraph \"Single\"\nf\nend\n");
  REQUIRE(f.subgraphs.size() == 6);
  CHECK(f.subgraphs[0].id == "one");
  CHECK(f.subgraphs[0].title.text == "First title");
  CHECK(f.subgraphs[0].nodes == Strings{"a"});
  CHECK(f.subgraphs[0].pos.line == 2);
  CHECK(f.subgraphs[0].pos.column == 1);
  CHECK(f.subgraphs[1].id == "two");
  CHECK(f.subgraphs[1].title.text == "Quoted (title)");
  CHECK(f.subgraphs[2].id == "Word");
  CHECK(f.subgraphs[2].title.text == "Word");
  CHECK(f.subgraphs[3].id == "subGraph3");  // Mermaid counts every subgraph, in the order they close
  CHECK(f.subgraphs[3].title.text == "A title with spaces");
  CHECK(f.subgraphs[4].id == "subGraph4");
  CHECK(f.subgraphs[4].title.text == "quoted words");
  CHECK(f.subgraphs[5].id == "Single");
  CHECK(f.subgraphs[5].nodes == Strings{"f"});
}

TEST_CASE("mermaid: generated subgraph ids follow closing order", "[mermaid][subgraph]") {
  const Flowchart f = flow("graph TD\nsubgraph outer one\nsubgraph inner one\nx\nend\nend");
  REQUIRE(f.subgraphs.size() == 2);
  CHECK(f.subgraphs[0].title.text == "outer one");
  CHECK(f.subgraphs[0].id == "subGraph1");
  CHECK(f.subgraphs[1].id == "subGraph0");
  CHECK(f.subgraphs[0].children == Strings{"subGraph0"});
}

TEST_CASE("mermaid: nesting, innermost membership, direction", "[mermaid][subgraph]") {
  const Flowchart f = flow(
      "flowchart LR\n"
      "  top --> a\n"
      "  subgraph outer [Outer]\n"
      "    direction TB\n"
      "    a --> b\n"
      "    subgraph inner [Inner]\n"
      "      direction RL\n"
      "      b --> c\n"
      "    end\n"
      "    subgraph sibling\n"
      "      c --> d\n"
      "    end\n"
      "  end\n");
  const Subgraph& outer = subgraph(f, "outer");
  const Subgraph& inner = subgraph(f, "inner");
  const Subgraph& sibling = subgraph(f, "sibling");
  CHECK(outer.direction == Direction::top_bottom);
  CHECK(inner.direction == Direction::right_left);
  CHECK_FALSE(sibling.direction.has_value());
  CHECK(outer.children == Strings{"inner", "sibling"});
  CHECK(inner.nodes == Strings{"b", "c"});  // b is mentioned in outer too, but inner closes first
  CHECK(sibling.nodes == Strings{"d"});     // c belongs to the earlier sibling
  CHECK(outer.nodes == Strings{"a"});       // first mentioned outside, then inside: a member
  CHECK_FALSE(has_node(f, "outer"));
  CHECK(f.nodes.size() == 5);
}

TEST_CASE("mermaid: a subgraph id listed alone nests it, an edge to it does not", "[mermaid][subgraph]") {
  const Flowchart f = flow(
      "graph TD\n"
      "subgraph A\na1\nend\n"
      "subgraph B\nb1\nend\n"
      "subgraph C\nA\nb1 --> B\nend\n");
  CHECK(subgraph(f, "C").children == Strings{"A"});
  CHECK(subgraph(f, "C").nodes.empty());
  CHECK(subgraph(f, "B").nodes == Strings{"b1"});
  CHECK(f.subgraphs.size() == 3);
  CHECK(edge_pairs(f) == Strings{"b1->B"});
}

TEST_CASE("mermaid: a subgraph with the same id twice is merged", "[mermaid][subgraph]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nsubgraph S\na\nend\nsubgraph S\nb\nend", &w);
  REQUIRE(f.subgraphs.size() == 1);
  CHECK(f.subgraphs[0].nodes == Strings{"a", "b"});
  CHECK(mentions(w, "subgraph 'S' is defined twice; the two are merged"));
  const SyntaxIssue e = first_error("graph TD\nsubgraph S\nsubgraph S\nend\nend");
  CHECK(e.message == "subgraph 'S' is nested inside itself");
  CHECK(e.pos.line == 3);
}

TEST_CASE("mermaid: a node named like a subgraph becomes the subgraph", "[mermaid][subgraph]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nS[Label] --> x\nsubgraph S\ny\nend", &w);
  CHECK_FALSE(has_node(f, "S"));
  CHECK(mentions(w, "'S' is both a node and a subgraph; it is drawn as the subgraph"));
  CHECK(w.front().pos.line == 2);
}

TEST_CASE("mermaid: end closes subgraphs with a semicolon or trailing blanks", "[mermaid][subgraph]") {
  const Flowchart f = flow("graph TD\nsubgraph a;x;end;subgraph b\ny\nend   \n");
  CHECK(subgraph(f, "a").nodes == Strings{"x"});
  CHECK(subgraph(f, "b").nodes == Strings{"y"});
}

TEST_CASE("mermaid trap: only a statement that starts with direction sets one", "[mermaid][subgraph][trap]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nA[direction LR]-->B\nsubgraph s\n  direction LR\n  x\nend\ndirection RL", &w);
  CHECK(node(f, "A").label.text == "direction LR");
  CHECK(edge_pairs(f) == Strings{"A->B"});
  CHECK(subgraph(f, "s").direction == Direction::left_right);
  CHECK(f.direction == Direction::top_bottom);
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "'direction' outside a subgraph is ignored; set it in the header, e.g. 'flowchart RL'");
  CHECK(w[0].pos.line == 7);
  // A node named "direction" still works.
  CHECK(edge_pairs(flow("graph TD\ndirection --> x")) == Strings{"direction->x"});
}

TEST_CASE("mermaid: subgraph errors", "[mermaid][subgraph]") {
  SyntaxIssue e = first_error("graph TD\n  subgraph\n  end");
  CHECK(e.message == "a subgraph needs an id or a title");
  CHECK(e.pos.line == 2);
  CHECK(e.pos.column == 3);
  e = first_error("graph TD\nA\nsubgraph one\n  subgraph two\n  B\n  end\n");
  CHECK(e.message == "subgraph is not closed with 'end'");
  CHECK(e.pos.line == 3);
  e = first_error("graph TD\nA-->B\n  end\n");
  CHECK(e.message == "'end' without a matching 'subgraph'");
  CHECK(e.pos.line == 3);
  CHECK(e.pos.column == 3);
  e = first_error("graph TD\nsubgraph id [unclosed\nend");
  CHECK(e.message == "expected ']' to close the subgraph title");
  CHECK(e.pos.column == 13);
}

TEST_CASE("mermaid: a lower-case direction in a subgraph is read with a warning", "[mermaid][subgraph]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nsubgraph s\n  direction lr\n  x\nend", &w);
  CHECK(subgraph(f, "s").direction == Direction::left_right);
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "mermaid accepts only upper-case directions; read 'lr' as 'LR'");
  CHECK(w[0].pos.line == 3);
  CHECK(w[0].pos.column == 13);
}
