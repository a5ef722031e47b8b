// Type detection: Mermaid's detectors are case-sensitive, so `Graph TD` names no diagram type.
#include "figure/mermaid/syntax/detect_type.hpp"

#include "figure/mermaid/syntax/scan.hpp"

#include <array>

namespace pp::figure::mermaid::syntax {

namespace {

// Every diagram type word Mermaid 11 registers, beyond flowcharts and sequence diagrams.
constexpr std::array<std::string_view, 37> other_types{
    "gantt", "classDiagram", "classDiagram-v2", "pie", "erDiagram", "quadrantChart", "stateDiagram",
    "stateDiagram-v2", "journey", "mindmap", "gitGraph", "timeline", "sankey", "sankey-beta", "xychart",
    "xychart-beta", "requirementDiagram", "requirement", "C4Context", "C4Container", "C4Component", "C4Dynamic",
    "C4Deployment", "block", "block-beta", "packet", "packet-beta", "kanban", "architecture", "architecture-beta",
    "radar-beta", "treemap", "treemap-beta", "zenuml", "info", "venn-beta", "ishikawa-beta"};

constexpr std::array<std::string_view, 4> drawn_types{"graph", "flowchart", "flowchart-elk", "sequenceDiagram"};

}  // namespace

std::optional<DiagramType> type_of_word(std::string_view word) {
  if (word == "graph" || word == "flowchart" || word == "flowchart-elk") return DiagramType::flowchart;
  if (word == "sequenceDiagram") return DiagramType::sequence;
  for (const std::string_view t : other_types) {
    if (word == t) return DiagramType::other;
  }
  return std::nullopt;
}

std::string_view header_word(std::string_view text, std::size_t& at) {
  at = skip_spaces(text, 0);
  std::size_t e = at;
  while (e < text.size() && (is_word_char(text[e]) || text[e] == '-')) ++e;
  if (e == at) {
    while (e < text.size() && !is_space(text[e])) ++e;
  }
  return text.substr(at, e - at);
}

std::string_view case_insensitive_type(std::string_view word) {
  for (const std::string_view t : drawn_types) {
    if (iequals(word, t)) return t;
  }
  for (const std::string_view t : other_types) {
    if (iequals(word, t)) return t;
  }
  return {};
}

}  // namespace pp::figure::mermaid::syntax
