// Subgraph headers (`id [title]`, `Word`, `title with spaces`, `"quoted"`), `end`, nesting and membership.
#include "figure/mermaid/syntax/flowchart_parser.hpp"

#include "figure/mermaid/syntax/labels.hpp"
#include "figure/mermaid/syntax/scan.hpp"

namespace pp::figure::mermaid::syntax {

namespace {

constexpr std::size_t max_subgraph_depth = 64;

bool has_space(std::string_view s) {
  for (const char c : s) {
    if (is_space(c)) return true;
  }
  return false;
}

}  // namespace

void FlowParser::subgraph_statement() {
  const std::size_t at = i_;
  const std::size_t b = skip_blanks(s_, i_ + 8);
  std::size_t e = statement_end(s_, b);
  i_ = e;
  // `subgraph s %% note`: the same trailing-comment leniency as after any statement.
  if (const std::size_t c = s_.substr(0, e).find(" %%", b); c != std::string_view::npos) {
    log_.warning(c + 1, "mermaid allows '%%' comments only on their own line; this one is ignored");
    e = c;
  }
  const std::string_view text = trim_ascii(s_.substr(b, e - b));
  if (text.empty()) {
    log_.error(at, "a subgraph needs an id or a title");
    return;
  }
  if (text.front() == '"') {  // "quoted title": a generated id, unless it is one plain word
    const Label title = make_label(text);
    if (!title.markdown && !has_space(title.text) && !title.text.empty()) open_subgraph(title.text, title, at);
    else open_subgraph(std::nullopt, title, at);
    return;
  }
  const std::size_t id_end = scan_node_id(s_, b);
  const std::size_t bracket = skip_blanks(s_, id_end);
  if (id_end > b && bracket < e && s_[bracket] == '[') {  // id [title] or id["title"]
    const std::size_t close = s_.substr(0, e).rfind(']');
    if (close == std::string_view::npos || close < bracket || !trim_ascii(s_.substr(close + 1, e - close - 1)).empty()) {
      log_.error(bracket, "expected ']' to close the subgraph title");
      return;
    }
    open_subgraph(std::string(s_.substr(b, id_end - b)), make_label(s_.substr(bracket + 1, close - bracket - 1)), at);
    return;
  }
  const Label title = make_label(text);
  if (has_space(text)) open_subgraph(std::nullopt, title, at);  // Mermaid generates subGraphN
  else open_subgraph(std::string(text), title, at);
}

void FlowParser::open_subgraph(std::optional<std::string> id, Label title, std::size_t offset) {
  if (open_.size() >= max_subgraph_depth) {
    log_.error(offset, "subgraphs are nested more than " + std::to_string(max_subgraph_depth) + " levels deep");
    stopped_ = true;
    return;
  }
  if (id == "end") {
    log_.error(offset, "'end' cannot be a subgraph id");
    stopped_ = true;
    return;
  }
  std::optional<std::size_t> index;
  if (id) {
    if (const auto it = subgraph_by_id_.find(*id); it != subgraph_by_id_.end()) index = it->second;
  }
  if (index) {
    // The same id twice: Mermaid draws two clusters with one id. Merge them, unless that would nest it in itself.
    for (const OpenSubgraph& o : open_) {
      if (o.index == *index) {
        log_.error(offset, "subgraph '" + *id + "' is nested inside itself");
        stopped_ = true;
        return;
      }
    }
    log_.warning(offset, "subgraph '" + *id + "' is defined twice; the two are merged");
    if (!title.text.empty() && title.text != *id) chart_.subgraphs[*index].title = title;
  } else {
    Subgraph sg;
    sg.id = id.value_or("");
    sg.title = std::move(title);
    sg.pos = source_.pos_at(offset);
    chart_.subgraphs.push_back(std::move(sg));
    sub_info_.emplace_back();
    index = chart_.subgraphs.size() - 1;
    sub_info_[*index].generated_id = !id;
    if (id) subgraph_by_id_.emplace(*id, *index);
    if (!open_.empty()) {
      sub_info_[*index].parent = open_.back().index;
      sub_info_[open_.back().index].children.push_back(*index);
    }
  }
  OpenSubgraph o;
  o.index = *index;
  o.offset = offset;
  open_.push_back(std::move(o));
  expect_statement_end();
}

// `end` closes the innermost subgraph; its mentions not yet owned by a subgraph that closed earlier become its own.
void FlowParser::end_statement() {
  const std::size_t at = i_;
  i_ += 3;
  const std::size_t j = skip_blanks(s_, i_);
  if (j < s_.size() && s_[j] != '\n' && s_[j] != ';' && !starts_with_at(s_, j, "%%")) {
    log_.error(at, "'end' is a keyword and cannot be a node id; use another id, e.g. E[end]");
    return skip_to_line_end();
  }
  if (open_.empty()) {
    log_.error(at, "'end' without a matching 'subgraph'");
    return skip_to_line_end();
  }
  OpenSubgraph o = std::move(open_.back());
  open_.pop_back();
  SubgraphInfo& info = sub_info_[o.index];
  for (const std::string& id : o.mentions) {
    if (!owner_.emplace(id, o.index).second) continue;
    info.claimed.push_back(id);
    if (o.bare.count(id)) info.bare_claims.insert(id);
  }
  Subgraph& sg = chart_.subgraphs[o.index];
  if (info.generated_id && !info.closed) {
    sg.id = "subGraph" + std::to_string(closed_count_);
    subgraph_by_id_.emplace(sg.id, o.index);
  }
  info.closed = true;
  ++closed_count_;
  expect_statement_end();
}

void FlowParser::close_open_subgraphs_at_end() {
  for (const OpenSubgraph& o : open_) log_.error(o.offset, "subgraph is not closed with 'end'");
}

}  // namespace pp::figure::mermaid::syntax
