// Helpers for the Mermaid syntax tests: parse, then pick out a node, edge or subgraph by id.
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace pp::test::mermaid {

using namespace pp::figure::mermaid;

inline std::string issues_text(const std::vector<SyntaxIssue>& issues) {
  std::string out;
  for (const auto& i : issues)
    out += std::to_string(i.pos.line) + ":" + std::to_string(i.pos.column) + " " + i.message + "\n";
  return out;
}

// Parses a flowchart that must have no errors.
inline Flowchart flow(const std::string& source, std::vector<SyntaxIssue>* warnings = nullptr) {
  const ParsedDiagram d = parse_diagram(source);
  INFO(issues_text(d.errors));
  REQUIRE(d.errors.empty());
  REQUIRE(d.type == DiagramType::flowchart);
  if (warnings) *warnings = d.warnings;
  return std::get<Flowchart>(d.diagram);
}

inline SequenceDiagram sequence(const std::string& source, std::vector<SyntaxIssue>* warnings = nullptr) {
  const ParsedDiagram d = parse_diagram(source);
  INFO(issues_text(d.errors));
  REQUIRE(d.errors.empty());
  REQUIRE(d.type == DiagramType::sequence);
  if (warnings) *warnings = d.warnings;
  return std::get<SequenceDiagram>(d.diagram);
}

// The first error of a source that must fail.
inline SyntaxIssue first_error(const std::string& source) {
  const ParsedDiagram d = parse_diagram(source);
  REQUIRE_FALSE(d.errors.empty());
  return d.errors.front();
}

inline const Node& node(const Flowchart& f, const std::string& id) {
  for (const Node& n : f.nodes) {
    if (n.id == id) return n;
  }
  FAIL("no node " << id);
  throw;
}

inline bool has_node(const Flowchart& f, const std::string& id) {
  for (const Node& n : f.nodes) {
    if (n.id == id) return true;
  }
  return false;
}

inline const Subgraph& subgraph(const Flowchart& f, const std::string& id) {
  for (const Subgraph& s : f.subgraphs) {
    if (s.id == id) return s;
  }
  FAIL("no subgraph " << id);
  throw;
}

// "A->B" for every edge, in order.
inline std::vector<std::string> edge_pairs(const Flowchart& f) {
  std::vector<std::string> out;
  for (const Edge& e : f.edges) out.push_back(e.from + "->" + e.to);
  return out;
}

inline bool mentions(const std::vector<SyntaxIssue>& issues, const std::string& needle) {
  for (const auto& i : issues) {
    if (i.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

using Strings = std::vector<std::string>;

}  // namespace pp::test::mermaid
