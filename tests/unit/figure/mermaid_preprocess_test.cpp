// figure/mermaid syntax: preprocessing (front matter, directives, comments, CRLF) and diagram type detection.
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

TEST_CASE("mermaid: CRLF and lone CR end lines without moving positions", "[mermaid][preprocess]") {
  const Flowchart f = flow("graph TD\r\n  A-->B\r\n\r\n  C\rD");
  REQUIRE(f.nodes.size() == 4);
  CHECK(node(f, "A").pos.line == 2);
  CHECK(node(f, "A").pos.column == 3);
  CHECK(node(f, "C").pos.line == 4);
  CHECK(node(f, "D").pos.line == 5);
  CHECK(node(f, "D").pos.column == 1);
}

TEST_CASE("mermaid: front matter gives the title and config, and counts in error positions", "[mermaid][preprocess]") {
  const std::string src =
      "---\n"
      "title: Deploy pipeline\n"
      "config:\n"
      "  theme: forest\n"
      "  themeVariables:\n"
      "    primaryColor: \"#ffcc00\"\n"
      "    lineColor: '#333'\n"
      "  flowchart:\n"
      "    curve: linear\n"
      "---\n"
      "flowchart LR\n"
      "  A --> B\n";
  const Flowchart f = flow(src);
  CHECK(f.title == "Deploy pipeline");
  CHECK(f.theme == "forest");
  CHECK(f.curve == "linear");
  CHECK(f.direction == Direction::left_right);
  CHECK(f.theme_variables == std::map<std::string, std::string>{{"lineColor", "#333"}, {"primaryColor", "#ffcc00"}});
  CHECK(node(f, "A").pos.line == 12);

  const SyntaxIssue e = first_error("---\ntitle: x\n---\ngraph TD\n  A[oops\n");
  CHECK(e.pos.line == 5);
  CHECK(e.pos.column == 4);
}

TEST_CASE("mermaid: front matter in flow style and with blank lines before it", "[mermaid][preprocess]") {
  const Flowchart f = flow("\n---\nconfig: {theme: dark, flowchart: {curve: stepAfter}}\n---\ngraph TD\nA");
  CHECK(f.theme == "dark");
  CHECK(f.curve == "stepAfter");
}

TEST_CASE("mermaid: an unquoted #hex in YAML is kept as the colour, with a warning", "[mermaid][preprocess]") {
  std::vector<SyntaxIssue> w;
  const Flowchart f = flow("---\nconfig:\n  themeVariables:\n    primaryColor: #f9f\n---\ngraph TD\nA", &w);
  CHECK(f.theme_variables.at("primaryColor") == "#f9f");
  REQUIRE(mentions(w, "quote the colour"));
  CHECK(w.front().pos.line == 4);
}

TEST_CASE("mermaid: unclosed front matter is an error at its first line", "[mermaid][preprocess]") {
  const ParsedDiagram d = parse_diagram("---\ntitle: x\ngraph TD\nA-->B\n");
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].message == "front matter is not closed with a line of '---'");
  CHECK(d.errors[0].pos.line == 1);
}

TEST_CASE("mermaid: init directives with single quotes, anywhere, merged over front matter", "[mermaid][preprocess]") {
  const std::string src =
      "---\nconfig:\n  theme: forest\n  themeVariables:\n    lineColor: red\n---\n"
      "%%{init: {'theme': 'dark', 'themeVariables': {'primaryColor': '#0f0'}}}%%\n"
      "graph TD\n"
      "  A-->B\n"
      "  %%{initialize: {\"flowchart\": {\"curve\": \"monotoneX\"}}}%%\n";
  const Flowchart f = flow(src);
  CHECK(f.theme == "dark");
  CHECK(f.curve == "monotoneX");
  CHECK(f.theme_variables == std::map<std::string, std::string>{{"lineColor", "red"}, {"primaryColor", "#0f0"}});
  CHECK(node(f, "A").pos.line == 9);
}

TEST_CASE("mermaid: a directive on the header line is removed, the header still reads", "[mermaid][preprocess]") {
  const Flowchart f = flow("%%{init: {\"theme\": \"neutral\"}}%% graph LR\nA-->B");
  CHECK(f.theme == "neutral");
  CHECK(f.direction == Direction::left_right);
  CHECK(f.edges.size() == 1);
}

TEST_CASE("mermaid: bad directives warn or fail with positions", "[mermaid][preprocess]") {
  const ParsedDiagram unclosed = parse_diagram("graph TD\n%%{init: {\"theme\": \"dark\"}\nA-->B");
  REQUIRE(unclosed.errors.size() == 1);
  CHECK(unclosed.errors[0].message == "directive is not closed with '}%%'");
  CHECK(unclosed.errors[0].pos.line == 2);

  const ParsedDiagram garbled = parse_diagram("%%{init: {theme: }}%%\ngraph TD\nA");
  CHECK(garbled.errors.empty());
  CHECK(mentions(garbled.warnings, "configuration not read"));

  const ParsedDiagram wrap = parse_diagram("%%{wrap}%%\ngraph TD\nA");
  CHECK(wrap.errors.empty());
  CHECK(wrap.warnings.empty());
}

TEST_CASE("mermaid: unknown theme, curve, look and layout warn", "[mermaid][preprocess]") {
  const ParsedDiagram d = parse_diagram(
      "---\nconfig:\n  theme: rainbow\n  look: handDrawn\n  layout: elk\n  flowchart:\n    curve: wiggly\n---\ngraph "
      "TD\nA");
  CHECK(d.errors.empty());
  CHECK(mentions(d.warnings, "unknown theme 'rainbow'"));
  CHECK(mentions(d.warnings, "unknown curve 'wiggly'"));
  CHECK(mentions(d.warnings, "look 'handDrawn' is not supported"));
  CHECK(mentions(d.warnings, "layout 'elk' is not supported"));
  CHECK(std::get<Flowchart>(d.diagram).curve == "basis");
  const ParsedDiagram directive = parse_diagram("graph TD\nA\n  %%{init: {'theme': 'pink'}}%%\n");
  REQUIRE(directive.warnings.size() == 1);
  CHECK(directive.warnings[0].pos.line == 3);
  CHECK(directive.warnings[0].pos.column == 3);
}

TEST_CASE("mermaid: %% comment lines vanish, a lone %% too", "[mermaid][preprocess]") {
  const Flowchart f = flow("%% leading comment\ngraph TD\n  %% indented comment\n  A-->B\n%%\n  %%   \n");
  CHECK(f.nodes.size() == 2);
  CHECK_FALSE(has_node(f, "%%"));
}

TEST_CASE("mermaid: double quotes in HTML tag attributes do not end a quoted label", "[mermaid][preprocess]") {
  const Flowchart f = flow("graph TD\nA[\"<span class=\"big\">Hi</span>\"]");
  CHECK(node(f, "A").label.text == "<span class='big'>Hi</span>");
}

TEST_CASE("mermaid: type detection", "[mermaid][detect]") {
  CHECK(parse_diagram("graph TD\nA").type == DiagramType::flowchart);
  CHECK(parse_diagram("flowchart LR\nA").type_word == "flowchart");
  CHECK(parse_diagram("sequenceDiagram\nA->>B: x").type == DiagramType::sequence);

  const ParsedDiagram elk = parse_diagram("flowchart-elk TD\nA");
  CHECK(elk.type == DiagramType::flowchart);
  CHECK(elk.type_word == "flowchart-elk");
  CHECK(mentions(elk.warnings, "elk"));

  for (const char* other : {"gantt\n  title A\n  section S\n  task :a1, 2024-01-01, 3d", "classDiagram\n  A <|-- B",
                            "pie title Pets\n  \"Dogs\" : 386", "erDiagram\n  A ||--o{ B : has", "quadrantChart\n",
                            "stateDiagram-v2\n  [*] --> S", "journey\n  title x", "mindmap\n  root", "gitGraph\n",
                            "timeline\n", "C4Context\n"}) {
    const ParsedDiagram d = parse_diagram(other);
    INFO(other);
    CHECK(d.type == DiagramType::other);
    CHECK(d.errors.empty());
    CHECK(std::holds_alternative<std::monostate>(d.diagram));
  }
  CHECK(parse_diagram("stateDiagram-v2\n").type_word == "stateDiagram-v2");
}

TEST_CASE("mermaid: empty, unknown and wrongly cased types are errors", "[mermaid][detect]") {
  for (const char* empty : {"", "   ", "\n\n  \t\n", "%% only a comment\n", "---\ntitle: x\n---\n"}) {
    const ParsedDiagram d = parse_diagram(empty);
    REQUIRE(d.errors.size() == 1);
    CHECK(d.errors[0].message == "empty diagram");
  }
  const SyntaxIssue cased = first_error("\n  Graph TD\n  A-->B");
  CHECK(cased.message == "unknown diagram type 'Graph'; diagram types are case-sensitive: write 'graph'");
  CHECK(cased.pos.line == 2);
  CHECK(cased.pos.column == 3);
  CHECK(first_error("foo\nA").message == "unknown diagram type 'foo'");
}
