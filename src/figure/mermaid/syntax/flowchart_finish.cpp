// The flowchart's final pass: ambiguous `---oB` links, subgraph members and children, late classes, linkStyle.
#include "figure/mermaid/syntax/flowchart_parser.hpp"

#include "figure/mermaid/syntax/style_lists.hpp"

#include <algorithm>

namespace pp::figure::mermaid::syntax {

void FlowParser::finish() {
  resolve_ambiguities();
  settle_subgraphs();
  apply_deferred_classes();
  apply_link_styles();
  // A node named like a subgraph (an edge to the subgraph, a style on it) is the subgraph.
  std::unordered_set<std::string> drop;
  for (std::size_t k = 0; k < chart_.nodes.size(); ++k) {
    const Node& n = chart_.nodes[k];
    const auto sg = subgraph_by_id_.find(n.id);
    if (sg == subgraph_by_id_.end()) continue;
    Subgraph& target = chart_.subgraphs[sg->second];
    merge_style(target.style, n.style);
    target.classes.insert(target.classes.end(), n.classes.begin(), n.classes.end());
    if (labelled_[k]) log_.warning(n.pos, "'" + n.id + "' is both a node and a subgraph; it is drawn as the subgraph");
    drop.insert(n.id);
  }
  drop_nodes(drop);
}

// `A---oB`: Mermaid reads a circle head and node "B". That is what the author meant when "B" is a node used
// elsewhere and "oB" is not; otherwise "oB" is the node and the link has no head. Either way, say so.
void FlowParser::resolve_ambiguities() {
  std::unordered_set<std::string> drop;
  for (const AmbiguousLink& a : ambiguous_) {
    const auto rest = mention_count_.find(a.rest);
    const bool rest_used = (rest != mention_count_.end() && rest->second > 0) || subgraph_by_id_.count(a.rest);
    const bool written_used = mention_count_[a.written] > 1 || subgraph_by_id_.count(a.written) ||
                              (node_index_.count(a.written) && labelled_[node_index_[a.written]]);
    const std::string head = a.head == Head::circle ? "circle" : "cross";
    if (!rest_used || written_used) {
      log_.warning(a.offset, "read as a link to node '" + a.written + "'; mermaid would read a " + head +
                                 " head and node '" + a.rest + "'; put a space before '" + a.written + "' to say so");
      continue;
    }
    for (const std::size_t k : a.link_edges) {
      chart_.edges[k].end = a.head;
      chart_.edges[k].length = a.length;
    }
    for (const std::size_t k : a.edges_to) chart_.edges[k].to = a.rest;
    for (const std::size_t k : a.edges_from) chart_.edges[k].from = a.rest;
    drop.insert(a.written);
    log_.warning(a.offset, "read as a " + head + "-headed link to node '" + a.rest +
                               "', as mermaid does; put a space between '" + a.written.substr(0, 1) + "' and '" +
                               a.rest + "' to make that explicit");
  }
  drop_nodes(drop);
}

void FlowParser::settle_subgraphs() {
  const auto is_ancestor = [&](std::size_t candidate, std::size_t of) {
    for (std::optional<std::size_t> p = of; p; p = sub_info_[*p].parent) {
      if (*p == candidate) return true;
    }
    return false;
  };
  for (std::size_t k = 0; k < chart_.subgraphs.size(); ++k) {
    SubgraphInfo& info = sub_info_[k];
    for (const std::string& id : info.claimed) {
      const auto sg = subgraph_by_id_.find(id);
      if (sg == subgraph_by_id_.end()) {
        chart_.subgraphs[k].nodes.push_back(id);
        continue;
      }
      // A subgraph id listed alone in another subgraph's body nests it there (Mermaid also nests it when an
      // edge inside the body names it; an author drawing an edge to a cluster does not mean to move it).
      const std::size_t child = sg->second;
      if (info.bare_claims.count(id) && !sub_info_[child].parent && !is_ancestor(child, k)) {
        sub_info_[child].parent = k;
        info.children.push_back(child);
      }
    }
  }
  for (std::size_t k = 0; k < chart_.subgraphs.size(); ++k) {
    for (const std::size_t child : sub_info_[k].children)
      chart_.subgraphs[k].children.push_back(chart_.subgraphs[child].id);
  }
}

void FlowParser::apply_deferred_classes() {
  for (const DeferredClass& d : deferred_classes_) {
    if (const auto node = node_index_.find(d.id); node != node_index_.end()) {
      chart_.nodes[node->second].classes.push_back(d.class_name);
    } else if (const auto sg = subgraph_by_id_.find(d.id); sg != subgraph_by_id_.end()) {
      chart_.subgraphs[sg->second].classes.push_back(d.class_name);
    } else if (const auto edge = edge_by_id_.find(d.id); edge != edge_by_id_.end()) {
      edge_classes_.emplace_back(edge->second, d.class_name);
    } else {
      log_.warning(d.offset, "class statement names '" + d.id + "', which is not a node, subgraph or edge id");
    }
  }
  // Edges have no class list in the model: their classDef declarations go straight into their style.
  for (const auto& [edge, name] : edge_classes_) {
    if (const auto def = chart_.class_defs.find(name); def != chart_.class_defs.end()) {
      merge_style(chart_.edges[edge].style, def->second);
    }
  }
}

// `linkStyle default` under each edge's own style (its classes), numbered ones on top, whatever their order in
// the text.
void FlowParser::apply_link_styles() {
  Style defaults;
  for (const LinkStyleStatement& ls : link_styles_) {
    if (!ls.is_default) continue;
    merge_style(defaults, ls.style);
    if (!ls.curve.empty()) chart_.curve = ls.curve;
  }
  if (!defaults.empty()) {
    for (Edge& e : chart_.edges) {
      Style style = defaults;
      merge_style(style, e.style);
      e.style = std::move(style);
    }
  }
  for (const LinkStyleStatement& ls : link_styles_) {
    for (const std::size_t index : ls.indices) {
      if (index >= chart_.edges.size()) {
        log_.warning(ls.offset, "linkStyle names edge " + std::to_string(index) + ", but there are only " +
                                    std::to_string(chart_.edges.size()) + " edges, numbered from 0; ignored");
        continue;
      }
      merge_style(chart_.edges[index].style, ls.style);
      if (!ls.curve.empty()) chart_.edges[index].curve = ls.curve;
    }
  }
}

void FlowParser::drop_nodes(const std::unordered_set<std::string>& ids) {
  if (ids.empty()) return;
  std::vector<Node> kept;
  std::vector<bool> kept_labelled;
  for (std::size_t k = 0; k < chart_.nodes.size(); ++k) {
    if (ids.count(chart_.nodes[k].id)) continue;
    kept.push_back(std::move(chart_.nodes[k]));
    kept_labelled.push_back(labelled_[k]);
  }
  chart_.nodes = std::move(kept);
  labelled_ = std::move(kept_labelled);
  for (Subgraph& sg : chart_.subgraphs)
    std::erase_if(sg.nodes, [&](const std::string& id) { return ids.count(id) > 0; });
  node_index_.clear();
  for (std::size_t k = 0; k < chart_.nodes.size(); ++k) node_index_.emplace(chart_.nodes[k].id, k);
}

}  // namespace pp::figure::mermaid::syntax
