// Flowchart statements other than vertices and subgraphs: style, classDef, class, linkStyle, direction, accDescr.
#include "figure/mermaid/syntax/flowchart_parser.hpp"

#include "figure/mermaid/syntax/preprocess.hpp"
#include "figure/mermaid/syntax/scan.hpp"
#include "figure/mermaid/syntax/style_lists.hpp"

namespace pp::figure::mermaid::syntax {

namespace {

std::string_view next_word(std::string_view s, std::size_t& i) {
  i = skip_blanks(s, i);
  const std::size_t b = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != ';') ++i;
  return s.substr(b, i - b);
}

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= s.size()) {
    std::size_t e = s.find(',', b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace

// The statement's text up to the line end (or ';': style lists end there, so `fill:#f9f;` never reads as an
// entity code the way Mermaid's preprocessing does).
std::string_view FlowParser::rest_of_statement(bool stop_at_semicolon) {
  const std::size_t b = i_;
  std::size_t e = line_end(s_, b);
  if (stop_at_semicolon) e = std::min(e, s_.find(';', b));
  i_ = e;
  return trim_ascii(s_.substr(b, e - b));
}

void FlowParser::style_statement() {
  const std::size_t at = i_;
  i_ += 5;
  const std::size_t id_at = skip_blanks(s_, i_);
  std::string_view ids = next_word(s_, i_);
  if (ids.empty()) {
    log_.error(id_at, "expected a node or subgraph id after 'style'");
    return skip_to_line_end();
  }
  std::vector<std::string> bad;
  const Style style = parse_style_list(rest_of_statement(true), bad);
  for (const auto& item : bad) log_.warning(at, "style item '" + item + "' has no ':'; ignored");
  // `style A,B fill:red` styles one node named "A,B" in Mermaid; the author meant both, unless "A,B" exists.
  std::vector<std::string> targets{std::string(ids)};
  if (ids.find(',') != std::string_view::npos && !node_index_.count(targets[0])) targets = split_commas(ids);
  for (const auto& id : targets) {
    if (const auto sg = subgraph_by_id_.find(id); sg != subgraph_by_id_.end()) {
      merge_style(chart_.subgraphs[sg->second].style, style);
    } else if (const auto node = mention(id, id_at)) {  // Mermaid creates a node a style names
      merge_style(chart_.nodes[*node].style, style);
    }
  }
}

void FlowParser::class_def_statement() {
  const std::size_t at = i_;
  i_ += 8;
  const std::string_view names = next_word(s_, i_);
  if (names.empty()) {
    log_.error(at, "expected a class name after 'classDef'");
    return skip_to_line_end();
  }
  std::vector<std::string> bad;
  const Style style = parse_style_list(rest_of_statement(true), bad);
  for (const auto& item : bad) log_.warning(at, "style item '" + item + "' has no ':'; ignored");
  for (const auto& name : split_commas(names)) merge_style(chart_.class_defs[name], style);
}

void FlowParser::class_statement() {
  const std::size_t at = i_;
  i_ += 5;
  const std::string_view ids = next_word(s_, i_);
  const std::string_view names = next_word(s_, i_);
  if (ids.empty() || names.empty()) {
    log_.error(at, "expected 'class ids className'");
    return skip_to_line_end();
  }
  for (const auto& id : split_commas(ids)) {
    for (const auto& name : split_commas(names)) assign_class(id, name, at);
  }
  expect_statement_end();
}

// Applied now when the target exists, so classes keep source order; otherwise once the whole text is read.
void FlowParser::assign_class(const std::string& id, const std::string& class_name, std::size_t offset) {
  if (const auto node = node_index_.find(id); node != node_index_.end()) {
    chart_.nodes[node->second].classes.push_back(class_name);
  } else if (const auto sg = subgraph_by_id_.find(id); sg != subgraph_by_id_.end()) {
    chart_.subgraphs[sg->second].classes.push_back(class_name);
  } else if (const auto edge = edge_by_id_.find(id); edge != edge_by_id_.end()) {
    edge_classes_.emplace_back(edge->second, class_name);  // merged once every classDef is known
  } else {
    deferred_classes_.push_back(DeferredClass{id, class_name, offset});
  }
}

void FlowParser::link_style_statement() {
  LinkStyleStatement ls;
  ls.offset = i_;
  i_ = skip_blanks(s_, i_ + 9);
  if (starts_with_at(s_, i_, "default")) {
    ls.is_default = true;
    i_ += 7;
  } else {
    while (i_ < s_.size() && is_ascii_digit(s_[i_])) {
      std::size_t n = 0;
      while (i_ < s_.size() && is_ascii_digit(s_[i_]) && n < 100'000'000)
        n = n * 10 + static_cast<std::size_t>(s_[i_++] - '0');
      while (i_ < s_.size() && is_ascii_digit(s_[i_])) ++i_;
      ls.indices.push_back(n);
      const std::size_t j = skip_blanks(s_, i_);
      if (j >= s_.size() || s_[j] != ',') break;
      i_ = skip_blanks(s_, j + 1);
    }
    if (ls.indices.empty()) {
      log_.error(i_, "expected edge numbers or 'default' after 'linkStyle'");
      return skip_to_line_end();
    }
  }
  std::size_t j = skip_blanks(s_, i_);
  if (starts_with_at(s_, j, "interpolate")) {
    i_ = j + 11;
    const std::size_t curve_at = skip_blanks(s_, i_);
    ls.curve = std::string(next_word(s_, i_));
    if (!is_known_curve(ls.curve)) {
      log_.warning(curve_at, "unknown curve '" + ls.curve + "' ignored");
      ls.curve.clear();
    }
  }
  std::vector<std::string> bad;
  ls.style = parse_style_list(rest_of_statement(true), bad);
  for (const auto& item : bad) log_.warning(ls.offset, "style item '" + item + "' has no ':'; ignored");
  link_styles_.push_back(std::move(ls));
}

void FlowParser::direction_statement(std::size_t word_at, const DirectionToken& direction) {
  const std::size_t at = i_;
  warn_if_lower_case(word_at, direction);
  i_ = direction.end;
  if (open_.empty()) {
    log_.warning(at, "'direction' outside a subgraph is ignored; set it in the header, e.g. 'flowchart " +
                         direction.word + "'");
  } else {
    chart_.subgraphs[open_.back().index].direction = direction.direction;
  }
  expect_statement_end();
}

void FlowParser::skip_acc_descr_block() {
  const std::size_t close = s_.find('}', i_);
  if (close == std::string_view::npos) {
    log_.error(i_, "expected '}' to close the accDescr block");
    i_ = s_.size();
    return;
  }
  i_ = close + 1;
}

}  // namespace pp::figure::mermaid::syntax
