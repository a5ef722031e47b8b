// figure/mermaid syntax: ParseLimits, depth caps, and large or hostile inputs that must stay bounded.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

TEST_CASE("mermaid: each limit is an error that names it", "[mermaid][limits]") {
  const ParsedDiagram big = parse_diagram("graph TD\nA[" + std::string(50'000, 'x') + "]");
  REQUIRE(big.errors.size() == 1);
  CHECK(big.errors[0].message == "the diagram is 50012 bytes, more than the limit of 50000 (--max-diagram-edges raises the limit)");
  CHECK(big.errors[0].pos.line == 1);

  ParseLimits small;
  small.max_nodes = 3;
  small.max_edges = 2;
  ParsedDiagram d = parse_diagram("graph TD\nA-->B\nC\nD", small);
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].message == "too many nodes: more than 3 (--max-diagram-edges raises the limit)");
  CHECK(d.errors[0].pos.line == 4);

  d = parse_diagram("graph TD\nA-->B-->C\nC-->A", small);
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].message == "too many edges: more than 2 (--max-diagram-edges raises the limit)");
  CHECK(d.errors[0].pos.line == 3);

  d = parse_diagram("sequenceDiagram\nA->>B: 1\nB->>C: 2\nC->>D: 3", small);
  CHECK(d.errors[0].message == "too many participants: more than 3 (--max-diagram-edges raises the limit)");
  d = parse_diagram("sequenceDiagram\nA->>B: 1\nB->>A: 2\nA->>B: 3", small);
  CHECK(d.errors[0].message == "too many statements: more than 2 (--max-diagram-edges raises the limit)");
}

TEST_CASE("mermaid: & groups are checked against max_edges before expanding", "[mermaid][limits]") {
  std::string src = "graph TD\n";
  for (int i = 0; i < 300; ++i) src += "a" + std::to_string(i) + " & ";
  src += "a --> ";
  for (int i = 0; i < 300; ++i) src += "b" + std::to_string(i) + " & ";
  src += "b\n";
  ParseLimits limits;
  limits.max_nodes = 1000;
  const ParsedDiagram d = parse_diagram(src, limits);
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].message == "too many edges: more than 500 (--max-diagram-edges raises the limit)");
  CHECK(std::get<Flowchart>(d.diagram).edges.empty());
}

TEST_CASE("mermaid: a 10,000-node chain parses in one pass", "[mermaid][limits]") {
  std::string src = "graph LR\n";
  for (int i = 0; i < 10'000; ++i) src += "n" + std::to_string(i) + " --> ";
  src += "last\n";
  const ParseLimits limits{1'000'000, 20'000, 20'000};
  const ParsedDiagram d = parse_diagram(src, limits);
  REQUIRE(d.errors.empty());
  const Flowchart& f = std::get<Flowchart>(d.diagram);
  CHECK(f.nodes.size() == 10'001);
  CHECK(f.edges.size() == 10'000);
  CHECK(f.edges.back().to == "last");
}

TEST_CASE("mermaid: subgraph and block nesting are capped at 64 levels", "[mermaid][limits]") {
  std::string flowchart = "graph TD\n";
  for (int i = 0; i < 1000; ++i) flowchart += "subgraph s" + std::to_string(i) + "\n";
  ParsedDiagram d = parse_diagram(flowchart);
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].message == "subgraphs are nested more than 64 levels deep");
  CHECK(d.errors[0].pos.line == 66);

  std::string ok = "graph TD\n";
  for (int i = 0; i < 64; ++i) ok += "subgraph s" + std::to_string(i) + "\n";
  ok += "x\n";
  for (int i = 0; i < 64; ++i) ok += "end\n";
  CHECK(parse_diagram(ok).errors.empty());

  std::string seq = "sequenceDiagram\n";
  for (int i = 0; i < 1000; ++i) seq += "loop l\n";
  d = parse_diagram(seq);
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].message == "blocks are nested more than 64 levels deep");
}

TEST_CASE("mermaid: deeply nested configuration is refused, not recursed into", "[mermaid][limits]") {
  std::string json = "%%{init: ";
  for (int i = 0; i < 5'000; ++i) json += "{\"a\":";
  json += "}%%\ngraph TD\nA";
  ParsedDiagram d = parse_diagram(json);
  CHECK(d.errors.empty());
  CHECK(mentions(d.warnings, "configuration is nested too deeply"));

  std::string yaml = "---\nconfig:\n";
  for (int i = 1; i < 200; ++i) yaml += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  yaml += "---\ngraph TD\nA";
  d = parse_diagram(yaml);
  CHECK(d.errors.empty());
  CHECK(mentions(d.warnings, "front matter is nested too deeply"));
}

TEST_CASE("mermaid: hostile inputs end with errors, not crashes or hangs", "[mermaid][limits]") {
  const std::vector<std::string> inputs{
      "graph TD\n" + std::string(40'000, '('),
      "graph TD\nA" + std::string(40'000, '['),
      "graph TD\nA" + std::string(40'000, '-'),
      "graph TD\nA" + std::string(40'000, '='),
      "graph TD\nA-." + std::string(40'000, '.'),
      "graph TD\n" + std::string(40'000, '&'),
      "graph TD\nA-->|" + std::string(40'000, '"'),
      "graph TD\n" + std::string(40'000, '"'),
      "sequenceDiagram\nA" + std::string(40'000, '-'),
      "sequenceDiagram\n" + std::string(40'000, ';'),
      std::string(30'000, '%') + "{",
      "%%{init: " + std::string(40'000, '[') + "}%%\ngraph TD",
      "---\n" + std::string(40'000, '-'),
      "graph TD\n" + std::string(40'000, '\xff'),
      "graph TD\nA@{" + std::string(40'000, '{'),
      std::string("graph TD\nA\0B-->C", 17),
  };
  for (const std::string& input : inputs) {
    const ParsedDiagram d = parse_diagram(input);
    CHECK(d.errors.size() <= 20);
    CHECK(d.warnings.size() <= 100);
  }
}
