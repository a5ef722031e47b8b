// Flowchart nodes: creation on first mention (bounded by max_nodes) and subgraph membership of each mention.
#include "figure/mermaid/syntax/flowchart_parser.hpp"

namespace pp::figure::mermaid::syntax {

std::optional<std::size_t> FlowParser::mention(const std::string& id, std::size_t offset) {
  ++mention_count_[id];
  const auto it = node_index_.find(id);
  if (it != node_index_.end()) return it->second;
  if (chart_.nodes.size() >= limits_.max_nodes) {
    log_.error(offset, "too many nodes: more than " + std::to_string(limits_.max_nodes) + " (--max-diagram-edges raises the limit)");
    stopped_ = true;
    return std::nullopt;
  }
  Node n;
  n.id = id;
  n.label = Label{id, false};
  n.pos = source_.pos_at(offset);
  chart_.nodes.push_back(std::move(n));
  labelled_.push_back(false);
  node_index_.emplace(id, chart_.nodes.size() - 1);
  return chart_.nodes.size() - 1;
}

// Every vertex written inside a subgraph body is listed by the innermost open subgraph (Mermaid does the same,
// so an edge inside a subgraph pulls an outside node in); ownership is settled when subgraphs close.
void FlowParser::note_member(const std::string& id) {
  if (open_.empty()) return;
  OpenSubgraph& sg = open_.back();
  if (sg.seen.insert(id).second) sg.mentions.push_back(id);
}

}  // namespace pp::figure::mermaid::syntax
