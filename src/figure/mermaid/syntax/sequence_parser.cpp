// Sequence diagrams, statement by statement: keywords are case-insensitive, ';' and line breaks end statements.
#include "figure/mermaid/syntax/sequence_parser.hpp"

#include "figure/css_color.hpp"
#include "figure/mermaid/syntax/config_tree.hpp"
#include "figure/mermaid/syntax/labels.hpp"
#include "figure/mermaid/syntax/scan.hpp"
#include "figure/mermaid/syntax/sequence_arrows.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <vector>

namespace pp::figure::mermaid::syntax {

namespace {

constexpr std::size_t max_block_depth = 64;

constexpr std::array<std::string_view, 27> keywords{
    "participant", "actor", "create", "destroy", "note", "loop", "alt", "opt", "par", "par_over", "critical", "break",
    "rect", "else", "and", "option", "end", "activate", "deactivate", "autonumber", "title", "acctitle", "accdescr",
    "link", "links", "properties", "details"};

bool is_keyword(std::string_view word) {
  for (const std::string_view k : keywords) {
    if (iequals(word, k)) return true;
  }
  return iequals(word, "box");
}


std::optional<BlockKind> block_kind(std::string_view word) {
  if (iequals(word, "loop")) return BlockKind::loop;
  if (iequals(word, "alt")) return BlockKind::alt;
  if (iequals(word, "opt")) return BlockKind::opt;
  if (iequals(word, "par") || iequals(word, "par_over")) return BlockKind::par;
  if (iequals(word, "critical")) return BlockKind::critical;
  if (iequals(word, "break")) return BlockKind::break_block;
  if (iequals(word, "rect")) return BlockKind::rect;
  return std::nullopt;
}

// `wrap:` / `nowrap:` at the start of a text only choose wrapping.
std::string_view strip_wrap(std::string_view t) {
  for (const std::string_view w : {"wrap:", "nowrap:"}) {
    if (t.size() >= w.size() && iequals(t.substr(0, w.size()), w)) return trim_ascii(t.substr(w.size()));
  }
  return t;
}

class SequenceParser {
 public:
  SequenceParser(const SourceText& source, IssueLog& log, const ParseLimits& limits)
      : source_(source), s_(source.text()), log_(log), limits_(limits) {}

  SequenceDiagram run(std::size_t header, bool show_numbers) {
    if (show_numbers) out_.events.emplace_back(Autonumber{});
    i_ = header + std::string_view("sequenceDiagram").size();
    const std::size_t j = skip_blanks(s_, i_);
    if (j < s_.size() && s_[j] != '\n' && s_[j] != ';') {
      log_.error(j, "expected a new line after 'sequenceDiagram'");
      return std::move(out_);
    }
    i_ = j;
    while (!stopped_ && !log_.saturated()) {
      while (i_ < s_.size() && (is_space(s_[i_]) || s_[i_] == ';')) ++i_;
      if (i_ >= s_.size()) break;
      statement();
    }
    close_unbalanced();
    return std::move(out_);
  }

 private:
  struct Frame {
    bool box = false;
    BlockKind kind = BlockKind::loop;
    std::size_t offset = 0;
  };

  // ---- statement boundaries ----

  // End of free text (message, note, label). Mermaid ends it at any ';'; we do so only when what follows is a
  // statement, so `A->>B: wait; then retry` keeps its text, with a warning.
  std::size_t text_end(std::size_t p) {
    while (true) {
      const std::size_t e = statement_end(s_, p);
      if (e >= s_.size() || s_[e] != ';') return e;
      const std::size_t next = skip_blanks(s_, e + 1);
      if (next >= s_.size() || s_[next] == '\n' || s_[next] == ';' || looks_like_statement(next)) return e;
      log_.warning(e, "';' kept as text; mermaid would end the statement here (write #59; for a literal ';')");
      p = e + 1;
    }
  }

  bool looks_like_statement(std::size_t p) const {
    std::size_t e = p;
    while (e < s_.size() && (is_ascii_alpha(s_[e]) || s_[e] == '_')) ++e;
    if (e > p && is_keyword(s_.substr(p, e - p)) && (e >= s_.size() || is_space(s_[e]) || s_[e] == ':')) return true;
    const std::size_t end = statement_end(s_, p);
    const std::size_t colon = s_.substr(0, end).find(':', p);
    if (colon == std::string_view::npos) return false;
    for (std::size_t k = p; k < colon; ++k) {
      if (match_arrow(s_, k)) return true;
    }
    return false;
  }

  std::string text(std::size_t b, std::size_t e) {
    const std::string_view raw = strip_wrap(trim_ascii(s_.substr(b, e - b)));
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '#' && entity_code_length(raw, k) == 0) {
        log_.warning(b, "mermaid cuts text at '#'; the whole text is kept here (write #35; for a literal '#')");
        break;
      }
    }
    return plain_text(raw);
  }

  // ---- statements ----

  void statement() {
    const std::size_t at = i_;
    if (s_[at] == '#' && entity_code_length(s_, at) == 0) {  // a '#' comment line
      i_ = line_end(s_, at);
      return;
    }
    std::size_t e = at;
    while (e < s_.size() && (is_ascii_alpha(s_[e]) || s_[e] == '_')) ++e;
    const std::string_view word = s_.substr(at, e - at);
    const bool keyword_form = e < s_.size() ? (is_blank(s_[e]) || s_[e] == '\n' || s_[e] == ';' || s_[e] == ':') : true;
    if (!word.empty() && keyword_form && keyword(word, at, e)) return;
    if (in_box()) {
      log_.error(at, "only participant and actor lines may appear inside a box");
      i_ = statement_end(s_, at);
      return;
    }
    message(at);
  }

  bool in_box() const { return !frames_.empty() && frames_.back().box; }

  // Handles a keyword statement; false when `word` is no keyword (then the line is a message).
  bool keyword(std::string_view word, std::size_t at, std::size_t after) {
    if (in_box() && !iequals(word, "participant") && !iequals(word, "actor") && !iequals(word, "end") &&
        !iequals(word, "create")) {
      if (!is_keyword(word)) return false;
      log_.error(at, "only participant and actor lines may appear inside a box");
      i_ = statement_end(s_, at);
      return true;
    }
    if (iequals(word, "participant") || iequals(word, "actor")) return declaration(at, after, iequals(word, "actor"));
    if (iequals(word, "create")) return create(at, after);
    if (iequals(word, "destroy")) {
      log_.warning(at, "'destroy' is not drawn: the lifeline continues to the bottom");
      i_ = statement_end(s_, after);
      return true;
    }
    if (iequals(word, "note")) return note(at, after);
    if (const auto kind = block_kind(word)) return block_start(*kind, at, after);
    if (iequals(word, "else") || iequals(word, "and") || iequals(word, "option")) return divider(word, at, after);
    if (iequals(word, "end")) return block_end(at, after);
    if (iequals(word, "activate") || iequals(word, "deactivate"))
      return activation(iequals(word, "activate"), at, after);
    if (iequals(word, "autonumber")) return autonumber(at, after);
    if (iequals(word, "title")) return title(after);
    if (iequals(word, "box")) return box(at, after);
    if (iequals(word, "accdescr")) {
      const std::size_t j = skip_blanks(s_, after);
      if (j < s_.size() && s_[j] == '{') {
        const std::size_t close = s_.find('}', j);
        if (close == std::string_view::npos) log_.error(j, "expected '}' to close the accDescr block");
        i_ = close == std::string_view::npos ? s_.size() : close + 1;
        return true;
      }
    }
    if (iequals(word, "acctitle") || iequals(word, "accdescr") || iequals(word, "link") || iequals(word, "links") ||
        iequals(word, "properties") || iequals(word, "details")) {
      i_ = line_end(s_, after);  // accessibility text and actor menus: nothing to draw
      return true;
    }
    return false;
  }

  bool add_event(SequenceEvent ev, std::size_t at) {
    if (out_.events.size() >= limits_.max_edges) {
      log_.error(at, "too many statements: more than " + std::to_string(limits_.max_edges) + " (--max-diagram-edges raises the limit)");
      stopped_ = true;
      return false;
    }
    out_.events.push_back(std::move(ev));
    return true;
  }

  std::optional<std::size_t> participant(const std::string& id, std::size_t at) {
    const auto it = index_.find(id);
    if (it != index_.end()) return it->second;
    if (out_.participants.size() >= limits_.max_nodes) {
      log_.error(at, "too many participants: more than " + std::to_string(limits_.max_nodes) + " (--max-diagram-edges raises the limit)");
      stopped_ = true;
      return std::nullopt;
    }
    out_.participants.push_back(Participant{id, id, false, source_.pos_at(at)});
    index_.emplace(id, out_.participants.size() - 1);
    return out_.participants.size() - 1;
  }

  // A participant name in a statement: trimmed; '#' starts a comment there, as in Mermaid.
  std::string name(std::size_t b, std::size_t e) const {
    std::string_view n = s_.substr(b, e - b);
    if (const std::size_t hash = n.find('#'); hash != std::string_view::npos) n = n.substr(0, hash);
    return std::string(trim_ascii(n));
  }

  bool declaration(std::size_t at, std::size_t after, bool actor) {
    const std::size_t end = text_end(after);
    i_ = end;
    std::string_view body = s_.substr(after, end - after);
    std::optional<std::string> alias;
    std::size_t id_end = end;
    // participant A@{ "type": "database", "alias": "DB" } [as Alias]
    const std::size_t brace = body.find("@{");
    std::size_t rest_from = after;
    if (brace != std::string_view::npos) {
      id_end = after + brace;
      const std::size_t close = s_.substr(0, end).find('}', id_end);
      if (close == std::string_view::npos) {
        log_.error(id_end, "expected '}' to close the participant data");
        return true;
      }
      typed(s_.substr(id_end + 1, close - id_end), id_end + 1, actor, alias);
      rest_from = close + 1;
    }
    const std::string_view rest = s_.substr(rest_from, end - rest_from);
    for (std::size_t k = 0; k + 4 <= rest.size(); ++k) {
      if (is_blank(rest[k]) && iequals(rest.substr(k + 1, 2), "as") &&
          (k + 3 == rest.size() || is_blank(rest[k + 3]))) {
        if (brace == std::string_view::npos) id_end = rest_from + k;
        alias = text(rest_from + k + 3, end);
        break;
      }
    }
    const std::string id = name(after, id_end);
    if (id.empty()) {
      log_.error(at, "expected a participant name");
      return true;
    }
    const auto p = participant(id, at);
    if (!p) return true;
    Participant& part = out_.participants[*p];
    part.actor = actor;
    if (alias) part.label = *alias;
    if (in_box()) add_to_box(id, at);
    return true;
  }

  void typed(std::string_view braces, std::size_t offset, bool& actor, std::optional<std::string>& alias) {
    const ConfigRead read = read_flow_config(braces, offset);
    if (!read.value) {
      log_.warning(offset, "participant data not read");
      return;
    }
    if (const ConfigValue* a = read.value->find("alias")) alias = plain_text(a->scalar);
    if (const ConfigValue* type = read.value->find("type")) {
      if (type->scalar == "actor") actor = true;
      else if (type->scalar != "participant") {
        log_.warning(offset, "participant type '" + type->scalar + "' is drawn as a plain participant box");
      }
    }
  }

  void add_to_box(const std::string& id, std::size_t at) {
    for (std::size_t b = 0; b < out_.boxes.size(); ++b) {
      for (const std::string& member : out_.boxes[b].participants) {
        if (member != id) continue;
        if (b + 1 != out_.boxes.size()) log_.error(at, "participant '" + id + "' is already in another box");
        return;
      }
    }
    out_.boxes.back().participants.push_back(id);
  }

  bool create(std::size_t at, std::size_t after) {
    std::size_t e = skip_blanks(s_, after);
    const std::size_t w = e;
    while (e < s_.size() && is_ascii_alpha(s_[e])) ++e;
    const std::string_view word = s_.substr(w, e - w);
    if (!iequals(word, "participant") && !iequals(word, "actor")) {
      log_.error(w, "expected 'participant' or 'actor' after 'create'");
      i_ = statement_end(s_, at);
      return true;
    }
    return declaration(at, e, iequals(word, "actor"));  // drawn from the top, like any participant
  }

  bool note(std::size_t at, std::size_t after) {
    const std::size_t end = text_end(after);
    i_ = end;
    const std::size_t colon = s_.substr(0, end).find(':', after);
    std::size_t p = skip_blanks(s_, after);
    Note n;
    n.pos = source_.pos_at(at);
    const auto take = [&](std::string_view words) {
      std::size_t k = p;
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w] == ' ') {
          if (k >= s_.size() || !is_blank(s_[k])) return false;
          k = skip_blanks(s_, k);
        } else if (k >= s_.size() || ascii_lower(s_[k++]) != words[w]) {
          return false;
        }
      }
      if (k >= s_.size() || !is_blank(s_[k])) return false;
      p = k;
      return true;
    };
    if (take("left of")) n.placement = Note::Placement::left_of;
    else if (take("right of")) n.placement = Note::Placement::right_of;
    else if (take("over")) n.placement = Note::Placement::over;
    else {
      log_.error(p, "expected 'left of', 'right of' or 'over' after 'Note'");
      return true;
    }
    if (colon == std::string_view::npos) {
      log_.error(end, "expected ':' and the note text");
      return true;
    }
    std::size_t b = p;
    while (b <= colon) {
      std::size_t comma = s_.substr(0, colon).find(',', b);
      if (comma == std::string_view::npos) comma = colon;
      const std::string id = name(b, comma);
      if (id.empty()) {
        log_.error(b, "expected a participant name in the note");
        return true;
      }
      if (!participant(id, b)) return true;
      n.participants.push_back(id);
      b = comma + 1;
    }
    if (n.participants.size() > 2 || (n.participants.size() > 1 && n.placement != Note::Placement::over)) {
      log_.error(at, n.placement == Note::Placement::over ? "a note spans at most two participants"
                                                          : "'left of' and 'right of' take one participant");
      return true;
    }
    n.text = text(colon + 1, end);
    add_event(std::move(n), at);
    return true;
  }

  bool block_start(BlockKind kind, std::size_t at, std::size_t after) {
    const std::size_t end = text_end(after);
    i_ = end;
    if (frames_.size() >= max_block_depth) {
      log_.error(at, "blocks are nested more than " + std::to_string(max_block_depth) + " levels deep");
      stopped_ = true;
      return true;
    }
    const std::string label =
        kind == BlockKind::rect ? std::string(trim_ascii(s_.substr(after, end - after))) : text(after, end);
    if (!add_event(BlockStart{kind, label, source_.pos_at(at)}, at)) return true;
    frames_.push_back(Frame{false, kind, at});
    return true;
  }

  bool divider(std::string_view word, std::size_t at, std::size_t after) {
    const std::size_t end = text_end(after);
    i_ = end;
    const BlockKind needed = iequals(word, "else") ? BlockKind::alt : iequals(word, "and") ? BlockKind::par
                                                                                           : BlockKind::critical;
    if (frames_.empty() || frames_.back().box || frames_.back().kind != needed) {
      log_.error(at, "'" + std::string(word) + "' outside " + (needed == BlockKind::alt ? "an '" : "a '") +
                         block_keyword(needed) + "' block");
      return true;
    }
    add_event(BlockDivider{text(after, end), source_.pos_at(at)}, at);
    return true;
  }

  bool block_end(std::size_t at, std::size_t after) {
    i_ = statement_end(s_, after);
    if (!trim_ascii(s_.substr(after, i_ - after)).empty()) {
      log_.error(after, "unexpected text after 'end'");
      return true;
    }
    if (frames_.empty()) {
      log_.error(at, "'end' without a matching block");
      return true;
    }
    const Frame f = frames_.back();
    frames_.pop_back();
    if (!f.box) out_.events.emplace_back(BlockEnd{source_.pos_at(at)});  // always room: it pairs a start
    return true;
  }

  bool activation(bool active, std::size_t at, std::size_t after) {
    i_ = statement_end(s_, after);
    const std::string id = name(after, i_);
    if (id.empty()) {
      log_.error(at, std::string("expected a participant after '") + (active ? "activate'" : "deactivate'"));
      return true;
    }
    if (!participant(id, after) || !track_activation(id, active, at)) return true;
    add_event(Activation{id, active, source_.pos_at(at)}, at);
    return true;
  }

  bool track_activation(const std::string& id, bool active, std::size_t at) {
    int& depth = active_[id];
    if (active) {
      ++depth;
      return true;
    }
    if (depth == 0) {
      log_.error(at, "cannot deactivate '" + id + "': it is not active");
      return false;
    }
    --depth;
    return true;
  }

  bool autonumber(std::size_t at, std::size_t after) {
    i_ = statement_end(s_, after);
    Autonumber a;
    std::size_t p = skip_blanks(s_, after);
    if (iequals(trim_ascii(s_.substr(p, i_ - p)), "off")) {
      a.on = false;
    } else {
      const std::array<int*, 2> targets{&a.start, &a.step};
      for (int* target : targets) {
        p = skip_blanks(s_, p);
        if (p >= i_) break;
        std::size_t e = p;
        while (e < i_ && (is_ascii_digit(s_[e]) || s_[e] == '.')) ++e;
        const std::string number(s_.substr(p, e - p));
        if (number.empty() || number.size() > 9 || (e < i_ && !is_blank(s_[e]))) {
          log_.error(p, "expected a number or 'off' after 'autonumber'");
          return true;
        }
        const double value = std::strtod(number.c_str(), nullptr);
        *target = static_cast<int>(std::lround(value));
        if (static_cast<double>(*target) != value) log_.warning(p, "decimal autonumber " + number + " is rounded");
        p = e;
      }
      a.step = std::max(a.step, 1);
    }
    add_event(a, at);
    return true;
  }

  bool title(std::size_t after) {
    std::size_t b = skip_blanks(s_, after);
    if (b < s_.size() && s_[b] == ':') ++b;
    const std::size_t end = text_end(b);
    i_ = end;
    out_.title = text(b, end);
    return true;
  }

  bool box(std::size_t at, std::size_t after) {
    const std::size_t end = text_end(after);
    i_ = end;
    if (!frames_.empty()) {
      log_.error(at, "a box cannot be inside a block or another box");
      return true;
    }
    const std::string_view rest = trim_ascii(s_.substr(after, end - after));
    ParticipantBox b;
    std::size_t word_end = rest.find_first_of(" \t");
    if (word_end == std::string_view::npos) word_end = rest.size();
    // rgb(1, 2, 3) holds spaces: the colour word ends at its ')'.
    if (const std::size_t paren = rest.find('('); paren != std::string_view::npos && paren < word_end) {
      const std::size_t close = rest.find(')', paren);
      if (close != std::string_view::npos) word_end = close + 1;
    }
    const std::string_view first = rest.substr(0, word_end);
    if (parse_css_color(first)) {
      b.color = std::string(first);
      b.label = plain_text(trim_ascii(rest.substr(word_end)));
    } else {
      b.label = plain_text(rest);
    }
    out_.boxes.push_back(std::move(b));
    frames_.push_back(Frame{true, BlockKind::loop, at});
    return true;
  }

  // ---- messages ----

  void message(std::size_t at) {
    const std::size_t end = text_end(at);
    i_ = end;
    const std::size_t colon = s_.substr(0, end).find(':', at);
    const std::size_t search_end = colon == std::string_view::npos ? end : colon;
    std::optional<ArrowMatch> arrow;
    std::size_t k = at;
    for (; k < search_end; ++k) {
      if ((arrow = match_arrow(s_, k))) break;
    }
    if (!arrow) {
      log_.error(at, "unknown statement " + quote_source(trim_ascii(s_.substr(at, end - at))));
      return;
    }
    std::size_t from_end = k;
    if (from_end >= at + 2 && s_.substr(from_end - 2, 2) == "()") from_end -= 2;  // central connection dot
    std::size_t to_begin = k + arrow->length;
    if (starts_with_at(s_, to_begin, "()")) to_begin += 2;
    to_begin = skip_blanks(s_, to_begin);
    Message m;
    if (to_begin < search_end && (s_[to_begin] == '+' || s_[to_begin] == '-')) {
      (s_[to_begin] == '+' ? m.activate_to : m.deactivate_from) = true;
      ++to_begin;
    }
    if (colon == std::string_view::npos) {
      log_.error(end, "expected ':' after the message target (A->>B: text)");
      return;
    }
    m.from = name(at, from_end);
    m.to = name(to_begin, colon);
    if (m.from.empty() || m.to.empty()) {
      log_.error(m.from.empty() ? at : to_begin, "expected a participant name on each side of the arrow");
      return;
    }
    if (iequals(m.from, "end") || iequals(m.to, "end")) {
      log_.error(at, "'end' is a keyword and cannot be a participant in a message");
      return;
    }
    if (arrow->reversed) std::swap(m.from, m.to);
    if (arrow->half) log_.warning(k, "half arrowheads are drawn as full arrowheads");
    m.arrow = arrow->arrow;
    m.text = text(colon + 1, end);
    m.pos = source_.pos_at(at);
    if (!participant(m.from, at) || !participant(m.to, to_begin)) return;
    if (m.activate_to) track_activation(m.to, true, at);
    if (m.deactivate_from && !track_activation(m.from, false, at)) return;
    add_event(std::move(m), at);
  }

  void close_unbalanced() {
    for (const Frame& f : frames_) {
      if (stopped_) break;  // a limit already explains why the text ends here
      if (f.box) log_.error(f.offset, "box is not closed with 'end'");
      else log_.error(f.offset, std::string("'") + block_keyword(f.kind) + "' block is not closed with 'end'");
    }
    // Keep the promise that blocks are balanced, even in a diagram that will not be drawn.
    for (auto f = frames_.rbegin(); f != frames_.rend(); ++f) {
      if (!f->box) out_.events.emplace_back(BlockEnd{source_.pos_at(s_.size())});
    }
  }

  const SourceText& source_;
  std::string_view s_;
  IssueLog& log_;
  const ParseLimits& limits_;
  std::size_t i_ = 0;
  bool stopped_ = false;
  SequenceDiagram out_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, int> active_;
  std::vector<Frame> frames_;
};

}  // namespace

SequenceDiagram parse_sequence(const SourceText& source, std::size_t header, IssueLog& log, const ParseLimits& limits,
                               bool show_numbers) {
  SequenceParser parser(source, log, limits);
  return parser.run(header, show_numbers);
}

}  // namespace pp::figure::mermaid::syntax
