// Flowchart grammar driver: header, statement dispatch, vertex statements with chains, & groups and edge ids.
#include "figure/mermaid/syntax/flowchart_parser.hpp"

#include "figure/mermaid/syntax/labels.hpp"
#include "figure/mermaid/syntax/preprocess.hpp"
#include "figure/mermaid/syntax/scan.hpp"

#include <algorithm>

namespace pp::figure::mermaid::syntax {

namespace {

bool is_statement_end(std::string_view s, std::size_t j) { return j >= s.size() || s[j] == '\n' || s[j] == ';'; }

}  // namespace

Flowchart parse_flowchart(const SourceText& source, std::size_t header, IssueLog& log, const ParseLimits& limits,
                          const std::string& curve) {
  FlowParser parser(source, log, limits);
  return parser.run(header, curve);
}

FlowParser::FlowParser(const SourceText& source, IssueLog& log, const ParseLimits& limits)
    : source_(source), s_(source.text()), log_(log), limits_(limits) {}

Flowchart FlowParser::run(std::size_t at, const std::string& curve) {
  if (!curve.empty()) chart_.curve = curve;
  if (header(at)) statements();
  if (!stopped_) close_open_subgraphs_at_end();
  finish();
  return std::move(chart_);
}

// `graph`, `flowchart` or `flowchart-elk`, an optional direction, then a line break or ';'.
bool FlowParser::header(std::size_t at) {
  i_ = at;
  while (i_ < s_.size() && (is_word_char(s_[i_]) || s_[i_] == '-')) ++i_;
  if (s_.substr(at, i_ - at) == "flowchart-elk")
    log_.warning(at, "the elk layout is not supported; the default layout is used");
  const std::size_t d = skip_blanks(s_, i_);
  if (is_statement_end(s_, d)) {
    i_ = d;
    return true;
  }
  const auto dir = scan_direction(s_, d, true);
  if (!dir) {
    log_.error(d, "expected a direction (TB, TD, BT, LR or RL) or a new line after the diagram type");
    return false;
  }
  warn_if_lower_case(d, *dir);
  chart_.direction = dir->direction;
  i_ = skip_blanks(s_, dir->end);
  if (!is_statement_end(s_, i_) && !starts_with_at(s_, i_, "%%")) {
    log_.error(i_, "expected a new line or ';' after the direction");
    return false;
  }
  expect_statement_end();
  return true;
}

void FlowParser::statements() {
  while (!stopped_ && !log_.saturated()) {
    while (i_ < s_.size() && (is_space(s_[i_]) || s_[i_] == ';')) ++i_;
    if (i_ >= s_.size()) return;
    statement();
  }
}

bool FlowParser::keyword_at(std::size_t i, std::string_view word) const {
  if (!starts_with_at(s_, i, word)) return false;
  const std::size_t e = i + word.size();
  return e >= s_.size() || scan_node_id(s_, e) == e;
}

void FlowParser::statement() {
  if (keyword_at(i_, "subgraph")) return subgraph_statement();
  if (keyword_at(i_, "end")) return end_statement();
  if (keyword_at(i_, "style")) return style_statement();
  if (keyword_at(i_, "classDef")) return class_def_statement();
  if (keyword_at(i_, "class")) return class_statement();
  if (keyword_at(i_, "linkStyle")) return link_style_statement();
  if (keyword_at(i_, "click")) return skip_to_line_end();  // interaction only: nothing to draw, nothing to say
  if (starts_with_at(s_, i_, "accTitle") || starts_with_at(s_, i_, "accDescr")) {
    const std::size_t j = skip_blanks(s_, i_ + 8);
    if (j < s_.size() && s_[j] == '{') {
      i_ = j;
      return skip_acc_descr_block();
    }
    if (j < s_.size() && s_[j] == ':') return skip_to_line_end();
  }
  if (keyword_at(i_, "direction")) {  // else a node named "direction"
    const std::size_t d = skip_blanks(s_, i_ + 9);
    const auto dir = d > i_ + 9 ? scan_direction(s_, d, false) : std::nullopt;
    if (dir && is_statement_end(s_, skip_blanks(s_, dir->end))) return direction_statement(d, *dir);
  }
  vertex_statement();
}

void FlowParser::skip_to_line_end() { i_ = line_end(s_, i_); }

void FlowParser::warn_if_lower_case(std::size_t at, const DirectionToken& direction) {
  if (!direction.lower_case) return;
  log_.warning(at, "mermaid accepts only upper-case directions; read '" +
                       std::string(s_.substr(at, direction.end - at)) + "' as '" + direction.word + "'");
}

// After a statement: blanks, then a line break, ';' or the end. A trailing `%% note` is not allowed by Mermaid,
// but its meaning is plain: ignore it, with a warning.
void FlowParser::expect_statement_end() {
  const std::size_t j = skip_blanks(s_, i_);
  if (is_statement_end(s_, j)) {
    i_ = j;
    return;
  }
  if (starts_with_at(s_, j, "%%")) {
    log_.warning(j, "mermaid allows '%%' comments only on their own line; this one is ignored");
    i_ = line_end(s_, j);
    return;
  }
  log_.error(j, "unexpected " + quote_source(s_.substr(j, line_end(s_, j) - j)));
  i_ = j;
  skip_to_line_end();
}

std::optional<FlowParser::VertexRef> FlowParser::vertex() {
  const std::size_t start = i_;
  const std::size_t end = scan_node_id(s_, i_);
  if (end == start) {
    if (is_statement_end(s_, start)) log_.error(start, "expected a node id");
    else log_.error(start, "unexpected " + quote_source(s_.substr(start, line_end(s_, start) - start)));
    return std::nullopt;
  }
  std::string id(s_.substr(start, end - start));
  if (id == "end") {
    log_.error(start, "'end' is a keyword and cannot be a node id; use another id, e.g. E[end]");
    return std::nullopt;
  }
  i_ = end;
  const auto node = mention(id, start);
  if (!node || !vertex_suffix(id, *node)) return std::nullopt;
  note_member(id);
  return VertexRef{std::move(id), start};
}

// Shape brackets or @{...} data, then any number of :::class.
bool FlowParser::vertex_suffix(const std::string& id, std::size_t node) {
  std::optional<TokenError> error;
  auto shape = scan_shape(s_, i_, error);
  if (!shape && !error) {
    // `A [text]` is a parse error in Mermaid; the author plainly meant a label.
    const std::size_t j = skip_blanks(s_, i_);
    if (j > i_ && j < s_.size() && (s_[j] == '[' || s_[j] == '(' || s_[j] == '{')) {
      shape = scan_shape(s_, j, error);
      if (shape)
        log_.warning(i_,
                     "mermaid does not allow a space between a node id and its shape; read as '" + id + s_[j] + "...'");
    }
  }
  if (error) {
    log_.error(error->at, error->message);
    return false;
  }
  if (shape) {
    Node& n = chart_.nodes[node];
    n.shape = shape->shape;
    n.label = make_label(s_.substr(shape->content_begin, shape->content_end - shape->content_begin));
    labelled_[node] = true;
    i_ = shape->end;
  } else if (starts_with_at(s_, i_, "@{") && !node_shape_data(id, node)) {
    return false;
  }
  while (starts_with_at(s_, i_, ":::")) {
    const std::size_t b = i_ + 3;
    std::size_t e = b;
    while (e < s_.size() && (is_word_char(s_[e]) || (s_[e] == '-' && scan_node_id(s_, e) > e))) ++e;
    if (e == b) {
      log_.error(b, "expected a class name after ':::'");
      return false;
    }
    chart_.nodes[node].classes.emplace_back(s_.substr(b, e - b));
    i_ = e;
  }
  return true;
}

// `@{ ... }` at s_[at], on a node or an edge id: what could not be read is a warning either way; i_ moves past it.
std::optional<ShapeData> FlowParser::shape_data(std::size_t at) {
  std::optional<TokenError> error;
  const auto body = scan_shape_data(s_, at, error);
  if (!body) {
    log_.error(error ? error->at : at, error ? error->message : "expected shape data");
    return std::nullopt;
  }
  ShapeData data = read_shape_data(s_.substr(body->body_begin, body->body_end - body->body_begin), body->body_begin);
  for (const auto& [offset, message] : data.warnings) log_.warning(offset, message);
  i_ = body->end;
  return data;
}

bool FlowParser::node_shape_data(const std::string& id, std::size_t node) {
  const std::size_t at = i_;
  const auto data = shape_data(at);
  if (!data) return false;
  Node& n = chart_.nodes[node];
  if (data->shape) {
    const auto known = shape_from_name(*data->shape);
    n.shape = known ? known->shape : NodeShape::rect;
    if (!known) log_.warning(at, "unknown shape '" + *data->shape + "' for node '" + id + "'; drawn as a rectangle");
    else if (!known->exact) log_.warning(at, "shape '" + *data->shape + "' is drawn as the nearest classic shape");
    labelled_[node] = true;
  }
  if (data->label) {
    n.label = *data->label;
    labelled_[node] = true;
  }
  return true;
}

// `e1@{ curve: linear }` for a known edge id sets that edge's curve.
bool FlowParser::edge_shape_data(std::size_t edge, std::size_t at) {
  const auto data = shape_data(at);
  if (!data) return false;
  if (data->curve && is_known_curve(*data->curve)) chart_.edges[edge].curve = *data->curve;
  else if (data->curve) log_.warning(at + 2, "unknown curve '" + *data->curve + "' ignored");
  return true;
}

void FlowParser::vertex_statement() {
  const std::size_t id_end = scan_node_id(s_, i_);
  if (id_end > i_ && starts_with_at(s_, id_end, "@{")) {
    const auto edge = edge_by_id_.find(std::string(s_.substr(i_, id_end - i_)));
    if (edge != edge_by_id_.end()) {
      if (!edge_shape_data(edge->second, id_end)) return skip_to_line_end();
      return expect_statement_end();
    }
  }
  const std::size_t start = i_;
  auto from = group();
  if (!from) return skip_to_line_end();
  last_target_link_.reset();
  bool linked = false;
  while (!stopped_) {
    const LinkResult r = link_and_target(*from);
    if (r == LinkResult::error) return skip_to_line_end();
    if (r == LinkResult::none) break;
    linked = true;
  }
  if (stopped_) return;
  // A lone id on its line inside a subgraph lists it as a member; for a subgraph id that nests it here.
  if (!linked && from->size() == 1 && !open_.empty() && i_ == start + from->front().id.size()) {
    open_.back().bare.insert(from->front().id);
  }
  expect_statement_end();
}

std::optional<FlowParser::Group> FlowParser::group() {
  Group g;
  auto v = vertex();
  if (!v) return std::nullopt;
  g.push_back(std::move(*v));
  while (true) {
    const std::size_t j = skip_blanks(s_, i_);
    if (j >= s_.size() || s_[j] != '&') return g;
    i_ = skip_blanks(s_, j + 1);
    auto w = vertex();
    if (!w) return std::nullopt;
    g.push_back(std::move(*w));
  }
}

// One link of a chain and the group it leads to.
FlowParser::LinkResult FlowParser::link_and_target(Group& from) {
  std::size_t j = skip_blanks(s_, i_);
  std::string edge_id;
  // `A e1@--> B`: an edge id directly before '@' and the link.
  const std::size_t id_end = scan_node_id(s_, j);
  if (id_end > j && starts_with_at(s_, id_end, "@") && !starts_with_at(s_, id_end, "@{")) {
    std::optional<TokenError> ignored;
    if (scan_link(s_, id_end + 1, ignored) || ignored) {
      edge_id = std::string(s_.substr(j, id_end - j));
      j = id_end + 1;
    }
  }
  std::optional<TokenError> error;
  const auto link = scan_link(s_, j, error);
  if (error) {
    log_.error(error->at, error->message);
    return LinkResult::error;
  }
  if (!link) return LinkResult::none;
  if (link->start != Head::none && link->start != link->end_head) {
    log_.warning(link->begin,
                 "this link has different heads at its two ends, which mermaid cannot draw; both are kept");
  }
  i_ = skip_spaces(s_, link->end);  // Mermaid's link tokens swallow whitespace, line breaks included
  auto to = group();
  if (!to) return LinkResult::error;
  if (!emit_edges(from, *to, *link, edge_id)) return LinkResult::error;
  from = std::move(*to);
  return LinkResult::linked;
}

bool FlowParser::emit_edges(const Group& from, const Group& to, const LinkToken& link, const std::string& edge_id) {
  const std::size_t count = from.size() * to.size();
  if (chart_.edges.size() + count > limits_.max_edges) {
    log_.error(link.begin, "too many edges: more than " + std::to_string(limits_.max_edges) + " (--max-diagram-edges raises the limit)");
    stopped_ = true;
    return false;
  }
  const Label label = link.text ? make_label(s_.substr(link.text->first, link.text->second - link.text->first))
                                : Label{};
  const std::size_t first = chart_.edges.size();
  for (const VertexRef& f : from) {
    for (const VertexRef& t : to) {
      Edge e;
      e.from = f.id;
      e.to = t.id;
      e.label = label;
      e.line = link.line;
      e.start = link.start;
      e.end = link.end_head;
      e.length = std::clamp(link.length, 1, 10);
      // Mermaid names only the edge from the last source to the first target.
      if (&f == &from.back() && &t == &to.front()) e.id = edge_id;
      e.pos = source_.pos_at(link.begin);
      chart_.edges.push_back(std::move(e));
    }
  }
  if (!edge_id.empty()) {
    if (edge_by_id_.count(edge_id)) log_.warning(link.begin, "edge id '" + edge_id + "' is used twice");
    edge_by_id_[edge_id] = first + (from.size() - 1) * to.size();
  }
  if (last_target_link_) {
    AmbiguousLink& previous = ambiguous_[*last_target_link_];
    for (std::size_t k = first; k < chart_.edges.size(); ++k) {
      if (chart_.edges[k].from == previous.written) previous.edges_from.push_back(k);
    }
  }
  last_target_link_.reset();
  if (link.ambiguous_head) record_ambiguity(link, to, first);
  return true;
}

void FlowParser::record_ambiguity(const LinkToken& link, const Group& to, std::size_t first_edge) {
  AmbiguousLink a;
  a.offset = link.begin;
  a.written = to.front().id;
  a.rest = a.written.substr(1);
  a.head = link.alternative_head;
  a.length = std::clamp(link.alternative_length, 1, 10);
  for (std::size_t k = first_edge; k < chart_.edges.size(); ++k) {
    a.link_edges.push_back(k);
    if (chart_.edges[k].to == a.written) a.edges_to.push_back(k);
  }
  ambiguous_.push_back(std::move(a));
  last_target_link_ = ambiguous_.size() - 1;
}

}  // namespace pp::figure::mermaid::syntax
