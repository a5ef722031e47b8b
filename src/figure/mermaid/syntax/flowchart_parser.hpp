// The flowchart grammar (notes §1) over preprocessed text; its statements and its final pass share this state.
#pragma once

#include "figure/mermaid/syntax/flowchart_lexer.hpp"
#include "figure/mermaid/syntax/shape_data.hpp"
#include "figure/mermaid/syntax/source_text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pp::figure::mermaid::syntax {

// Parses the flowchart whose header word starts at `header` in `source`.
// `curve` is the configured flowchart.curve (empty: Mermaid's default).
Flowchart parse_flowchart(const SourceText& source, std::size_t header, IssueLog& log, const ParseLimits& limits,
                          const std::string& curve);

class FlowParser {
 public:
  FlowParser(const SourceText& source, IssueLog& log, const ParseLimits& limits);
  Flowchart run(std::size_t header, const std::string& curve);

 private:
  // One vertex of a statement as written: its id and where it was.
  struct VertexRef {
    std::string id;
    std::size_t offset = 0;
  };
  using Group = std::vector<VertexRef>;

  struct OpenSubgraph {
    std::size_t index = 0;
    std::size_t offset = 0;  // of its `subgraph` line
    std::vector<std::string> mentions;  // in order, each once
    std::unordered_set<std::string> seen;
    std::unordered_set<std::string> bare;  // mentioned alone on a line: `subgraph outer` ... `inner` ... `end`
  };

  struct SubgraphInfo {
    std::optional<std::size_t> parent;
    std::vector<std::size_t> children;  // nesting, in order
    std::vector<std::string> claimed;   // members it owns (first subgraph to close wins, as Mermaid's makeUniq)
    std::unordered_set<std::string> bare_claims;
    bool generated_id = false;
    bool closed = false;
  };

  // `A---oB`: which edges to re-read if Mermaid's reading (circle head, node "B") turns out to be meant.
  struct AmbiguousLink {
    std::size_t offset = 0;
    std::string written;  // "oB"
    std::string rest;     // "B"
    std::vector<std::size_t> edges_to;    // edges ending at the token
    std::vector<std::size_t> edges_from;  // chain edges starting at it
    std::vector<std::size_t> link_edges;  // every edge of the link (their head changes)
    Head head = Head::none;
    int length = 1;
  };

  struct DeferredClass {
    std::string id;
    std::string class_name;
    std::size_t offset = 0;
  };

  struct LinkStyleStatement {
    std::vector<std::size_t> indices;  // empty with is_default
    bool is_default = false;
    Style style;
    std::string curve;
    std::size_t offset = 0;
  };

  // flowchart_parser.cpp: driver, header, statement dispatch, vertex and edge statements.
  bool header(std::size_t at);
  void statements();
  void statement();
  bool keyword_at(std::size_t i, std::string_view word) const;
  void expect_statement_end();
  void skip_to_line_end();
  void warn_if_lower_case(std::size_t at, const DirectionToken& direction);
  enum class LinkResult { linked, none, error };
  std::optional<Group> group();
  std::optional<VertexRef> vertex();
  bool vertex_suffix(const std::string& id, std::size_t node);
  std::optional<ShapeData> shape_data(std::size_t at);
  bool node_shape_data(const std::string& id, std::size_t node);
  bool edge_shape_data(std::size_t edge, std::size_t at);
  void vertex_statement();
  LinkResult link_and_target(Group& from);
  bool emit_edges(const Group& from, const Group& to, const LinkToken& link, const std::string& edge_id);
  void record_ambiguity(const LinkToken& link, const Group& to, std::size_t first_edge);

  // flowchart_nodes.cpp: nodes and their mentions.
  std::optional<std::size_t> mention(const std::string& id, std::size_t offset);
  void note_member(const std::string& id);

  // flowchart_statements.cpp: style, classDef, class, linkStyle, click, acc*, direction.
  void style_statement();
  void class_def_statement();
  void class_statement();
  void link_style_statement();
  void direction_statement(std::size_t word_at, const DirectionToken& direction);
  void skip_acc_descr_block();
  std::string_view rest_of_statement(bool stop_at_semicolon);
  void assign_class(const std::string& id, const std::string& class_name, std::size_t offset);

  // flowchart_subgraphs.cpp: subgraph headers, `end`, membership.
  void subgraph_statement();
  void end_statement();
  void open_subgraph(std::optional<std::string> id, Label title, std::size_t offset);
  void close_open_subgraphs_at_end();

  // flowchart_finish.cpp: everything that needs the whole text first.
  void finish();
  void resolve_ambiguities();
  void settle_subgraphs();
  void apply_deferred_classes();
  void apply_link_styles();
  void drop_nodes(const std::unordered_set<std::string>& ids);

  const SourceText& source_;
  std::string_view s_;
  IssueLog& log_;
  const ParseLimits& limits_;
  std::size_t i_ = 0;
  bool stopped_ = false;  // a limit was exceeded: stop parsing

  Flowchart chart_;
  std::unordered_map<std::string, std::size_t> node_index_;
  std::vector<bool> labelled_;       // per node: given a label or shape explicitly
  std::unordered_map<std::string, int> mention_count_;
  std::unordered_map<std::string, std::size_t> edge_by_id_;
  std::vector<SubgraphInfo> sub_info_;
  std::unordered_map<std::string, std::size_t> subgraph_by_id_;
  std::unordered_map<std::string, std::size_t> owner_;
  std::vector<OpenSubgraph> open_;
  int closed_count_ = 0;  // Mermaid numbers generated ids subGraph0, subGraph1... in the order subgraphs close
  std::vector<AmbiguousLink> ambiguous_;
  std::vector<DeferredClass> deferred_classes_;
  std::vector<LinkStyleStatement> link_styles_;
  std::vector<std::pair<std::size_t, std::string>> edge_classes_;  // edge index, class name
  std::optional<std::size_t> last_target_link_;  // for chains: index in ambiguous_ of the link ending at `from`
};

}  // namespace pp::figure::mermaid::syntax
