// figure/mermaid syntax: malformed flowcharts give clear errors at 1-based positions in the original text.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

namespace {

struct Case {
  const char* source;
  int line;
  int column;
  const char* message;
};

}  // namespace

TEST_CASE("mermaid: flowchart syntax errors and their positions", "[mermaid][errors]") {
  const std::vector<Case> cases{
      {"graph TD\n  A[unclosed --> B\n", 2, 4, "expected ']' to close the node label"},
      {"graph TD\n  A((circle) --> B\n", 2, 4, "expected '))' to close the node label"},
      {"graph TD\n  A{{hex}\n", 2, 4, "expected '}}' to close the node label"},
      {"graph TD\n  A[\"never closed]\n", 2, 5, "expected '\"' to close the quoted label"},
      {"graph TD\n  A[\"quoted\" tail]\n", 2, 14, "expected ']' after the quoted label"},
      {"graph TD\n  A --> \n", 3, 1, "expected a node id"},
      {"graph TD\n  A -->|label B\n", 2, 8, "expected '|' to close the link label"},
      {"graph TD\n  A -- a--b --> B\n", 2, 9, "expected '-->' or '---' to close the link text"},
      {"graph TD\n  A -- text\n", 2, 5, "expected a closing link such as '-->' after the link text"},
      {"graph TD\n  A -. text\n", 2, 5, "expected a closing link such as '.->' after the link text"},
      {"graph TD\n  A --> B C\n", 2, 11, "unexpected 'C'"},
      {"graph TD\n  A -> B\n", 2, 5, "unexpected '-> B'"},
      {"graph TD\n  A@{ shape: rect\n", 2, 4, "expected '}' to close the shape data"},
      {"graph XY\n  A\n", 1, 7, "expected a direction (TB, TD, BT, LR or RL) or a new line after the diagram type"},
      {"flowchart LR A-->B\n", 1, 14, "expected a new line or ';' after the direction"},
      {"graph TD\n  classDef\n", 2, 3, "expected a class name after 'classDef'"},
      {"graph TD\n  style\n", 2, 8, "expected a node or subgraph id after 'style'"},
      {"graph TD\n  class onlyids\n", 2, 3, "expected 'class ids className'"},
      {"graph TD\n  accDescr {\n never closed\n", 2, 12, "expected '}' to close the accDescr block"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    const SyntaxIssue e = first_error(c.source);
    CHECK(e.message == c.message);
    CHECK(e.pos.line == c.line);
    CHECK(e.pos.column == c.column);
  }
}

TEST_CASE("mermaid: positions count front matter, directives and comments", "[mermaid][errors]") {
  const SyntaxIssue e = first_error(
      "---\ntitle: t\n---\n%%{init: {'theme': 'dark'}}%%\n%% comment\ngraph TD\n  A --> B[oops\n");
  CHECK(e.pos.line == 7);
  CHECK(e.pos.column == 10);
  const SyntaxIssue crlf = first_error("graph TD\r\n  A --> B[oops\r\n");
  CHECK(crlf.pos.line == 2);
  CHECK(crlf.pos.column == 10);
}

TEST_CASE("mermaid: a bad line does not hide later errors, and errors are capped", "[mermaid][errors]") {
  const ParsedDiagram d = parse_diagram("graph TD\nA[x\nB-->C\nD(y\n");
  REQUIRE(d.errors.size() == 2);
  CHECK(d.errors[0].pos.line == 2);
  CHECK(d.errors[1].pos.line == 4);
  std::string many = "graph TD\n";
  for (int i = 0; i < 100; ++i) many += "A[\n";
  CHECK(parse_diagram(many).errors.size() == 20);
}

TEST_CASE("mermaid: a trailing %% comment is ignored with a warning", "[mermaid][errors]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("graph TD\nA-->B %% why\nsubgraph s %% not this one\nend %% nor this", &w);
  CHECK(edge_pairs(f) == Strings{"A->B"});
  REQUIRE(w.size() == 3);
  CHECK(w[0].message == "mermaid allows '%%' comments only on their own line; this one is ignored");
  CHECK(w[0].pos.line == 2);
  CHECK(w[0].pos.column == 7);
  CHECK(w[1].pos.line == 3);
  CHECK(subgraph(f, "s").title.text == "s");
}
