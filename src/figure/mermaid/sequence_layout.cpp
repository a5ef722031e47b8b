// Sequence diagram layout, our own (Mermaid's sequenceRenderer rules, mermaid-notes.md 3.3 and 4): one pass
// over the events with a y cursor; participants' spacing widened first so every label and note fits.
#include "figure/mermaid/sequence_layout.hpp"

#include "text/font_system.hpp"

#include <algorithm>
#include <map>

namespace pp::figure::mermaid {

namespace {

constexpr double margin_x = 50;         // diagramMarginX
constexpr double margin_y = 10;         // diagramMarginY
constexpr double actor_margin = 50;     // between participant boxes
constexpr double actor_width = 150;
constexpr double actor_height = 65;
constexpr double wrap_padding = 10;
constexpr double message_gap = 35;      // messageMargin
constexpr double box_margin = 10;
constexpr double note_width = 150;
constexpr double note_margin = 10;
constexpr double activation_width = 10;
constexpr double label_box_width = 50;
constexpr double label_box_height = 20;
constexpr double self_loop_width = 60;


class SequenceLayouter {
 public:
  SequenceLayouter(const SequenceDiagram& d, const std::string& lang, SequenceLayoutResult& result)
      : d_(d), result_(result), context_(text::FontSystem::for_this_thread().context(lang)) {
    out_.theme = make_theme(d.theme, d.theme_variables, result.warnings);
    text_.size_px = out_.theme.font_size;
    text_.line_height_px = out_.theme.font_size * 1.2;
    number_.size_px = 11;  // not the theme's size: the digits must fit the 9 px circle drawn around them
    number_.line_height_px = 11;
    number_.bold = true;
    for (std::size_t i = 0; i < d.participants.size(); ++i) index_[d.participants[i].id] = i;
  }

  void run() {
    measure_participants();
    measure_event_texts();
    space_participants();
    double y = margin_y;
    if (!d_.title.empty()) {
      text::TextStyle title = text_;
      title.size_px = 18;
      title.line_height_px = 27;
      out_.title = block(d_.title, title);
      y += out_.title->height() + 10;
    }
    const bool has_boxes = !d_.boxes.empty();
    if (has_boxes) y += text_.line_height_px + 10;  // room for box labels above the participants
    place_participants_top(y);
    y += actor_height;
    out_.lifeline_top = y;
    y = walk_events(y + 10);
    y += 10;
    out_.lifeline_bottom = y;
    for (auto& p : out_.participants) p.bottom = Box{p.top.x, y, p.top.width, p.top.height};
    y += actor_height;
    layout_boxes(y);
    out_.height = y + margin_y + (has_boxes ? 10 : 0);
    double right = 0;
    for (const auto& p : out_.participants) right = std::max(right, p.top.right());
    for (const auto& m : out_.messages) right = std::max({right, m.label_box.right(), m.to.x + (m.self ? self_loop_width : 0)});
    for (const auto& n : out_.notes) right = std::max(right, n.box.right());
    for (const auto& f : out_.frames) right = std::max(right, f.box.right());
    out_.width = right + margin_x;
    if (out_.title) {
      out_.width = std::max(out_.width, out_.title->width() + 2 * margin_x);
      out_.title_box = {(out_.width - out_.title->width()) / 2, margin_y, out_.title->width(), out_.title->height()};
    }
    result_.layout = std::move(out_);
  }

 private:
  TextPtr block(const std::string& text, const text::TextStyle& style, std::optional<double> wrap = std::nullopt) {
    if (text.empty()) return nullptr;
    return std::make_shared<text::TextBlock>(context_.get(), text::markup_from_plain(text), style, wrap);
  }

  void measure_participants() {
    for (const auto& p : d_.participants) {
      SeqParticipant sp;
      sp.id = p.id;
      sp.actor = p.actor;
      sp.label = block(p.label, text_);
      const double w = std::max(actor_width, (sp.label ? sp.label->width() : 0) + 2 * wrap_padding);
      sp.top = {0, 0, w, actor_height};
      out_.participants.push_back(std::move(sp));
    }
  }

  // Message and note texts, measured once: spacing the participants and placing the events both need them.
  void measure_event_texts() {
    event_texts_.reserve(d_.events.size());
    for (const auto& event : d_.events) {
      if (const auto* m = std::get_if<Message>(&event)) event_texts_.push_back(block(m->text, text_));
      else if (const auto* note = std::get_if<Note>(&event)) event_texts_.push_back(block(note->text, text_));
      else event_texts_.push_back(nullptr);
    }
  }

  std::size_t at(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? 0 : it->second;
  }

  // Distances between neighbouring lifelines: box widths plus actorMargin, widened for labels and notes.
  void space_participants() {
    const std::size_t n = out_.participants.size();
    gaps_.assign(n > 0 ? n - 1 : 0, 0);
    for (std::size_t i = 0; i + 1 < n; ++i)
      gaps_[i] = out_.participants[i].top.width / 2 + actor_margin + out_.participants[i + 1].top.width / 2;
    auto need = [&](std::size_t lo, std::size_t hi, double distance) {
      if (lo >= hi || hi >= n) return;
      double have = 0;
      for (std::size_t k = lo; k < hi; ++k) have += gaps_[k];
      if (distance > have) gaps_[hi - 1] += distance - have;
    };
    for (std::size_t k = 0; k < d_.events.size(); ++k) {
      const auto& event = d_.events[k];
      const TextPtr& text = event_texts_[k];
      if (const auto* m = std::get_if<Message>(&event)) {
        const double w = text ? text->width() : 0;
        const std::size_t a = at(m->from), b = at(m->to);
        if (a == b) need(a, a + 1, w + self_loop_width + 20);
        else need(std::min(a, b), std::max(a, b), w + 40);
      } else if (const auto* note = std::get_if<Note>(&event)) {
        // Mermaid breaks notes only at <br> (wrap is off by default).
        const double w = std::max(note_width, (text ? text->width() : 0) + 2 * note_margin);
        const std::size_t a = at(note->participants.front());
        if (note->placement == Note::Placement::right_of) need(a, a + 1, w + 2 * note_margin + activation_width);
        else if (note->placement == Note::Placement::left_of && a > 0) need(a - 1, a, w + 2 * note_margin + activation_width);
      }
    }
  }

  void place_participants_top(double y) {
    double x = margin_x + (out_.participants.empty() ? 0 : out_.participants[0].top.width / 2);
    // A note left of the first participant needs room before it.
    for (const auto& event : d_.events)
      if (const auto* note = std::get_if<Note>(&event);
          note && note->placement == Note::Placement::left_of && at(note->participants.front()) == 0)
        x = std::max(x, margin_x + note_width + note_margin + activation_width);
    for (std::size_t i = 0; i < out_.participants.size(); ++i) {
      auto& p = out_.participants[i];
      if (i > 0) x += gaps_[i - 1];
      p.x = x;
      p.top.x = x - p.top.width / 2;
      p.top.y = y;
    }
  }

  double frame_left(std::size_t lo, int depth) const {
    return out_.participants[lo].x - out_.participants[lo].top.width / 2 + box_margin * depth;
  }
  double frame_right(std::size_t hi, int depth) const {
    return out_.participants[hi].x + out_.participants[hi].top.width / 2 - box_margin * depth;
  }

  struct OpenFrame {
    SeqFrame frame;
    double top;
    std::size_t lo, hi;
    bool touched = false;
    double content_right = 0;  // right edge of labels, self-loops and notes inside
  };

  // Frames hold what is drawn inside them, not only the lifelines: a self-message's label runs right.
  void cover(double right) {
    for (auto& f : open_) f.content_right = std::max(f.content_right, right + box_margin);
  }

  void touch(std::size_t a, std::size_t b) {
    for (auto& f : open_) {
      f.lo = f.touched ? std::min({f.lo, a, b}) : std::min(a, b);
      f.hi = f.touched ? std::max({f.hi, a, b}) : std::max(a, b);
      f.touched = true;
    }
  }

  double walk_events(double y) {
    std::map<std::string, std::vector<double>> active;  // participant -> start y of each open activation
    auto activate = [&](const std::string& id, double at_y) { active[id].push_back(at_y); };
    auto deactivate = [&](const std::string& id, double at_y) {
      auto& stack = active[id];
      if (stack.empty()) return;
      const double start = stack.back();
      stack.pop_back();
      const double offset = static_cast<double>(stack.size()) * activation_width / 2;
      const double x = out_.participants[at(id)].x - activation_width / 2 + offset;
      out_.activations.push_back({Box{x, start, activation_width, std::max(at_y - start, 10.0)}});
    };
    int number = 0, step = 1;
    bool numbering = false;
    for (std::size_t k = 0; k < d_.events.size(); ++k) {
      const auto& event = d_.events[k];
      if (const auto* m = std::get_if<Message>(&event)) {
        y = message(*m, event_texts_[k], y, numbering ? std::optional<int>(number) : std::nullopt);
        if (numbering) number += step;
        if (m->activate_to) activate(m->to, y - 10);
        if (m->deactivate_from) deactivate(m->from, y - 10);
      } else if (const auto* note = std::get_if<Note>(&event)) {
        y = place_note(*note, event_texts_[k], y);
      } else if (const auto* a = std::get_if<Activation>(&event)) {
        if (a->active) activate(a->participant, y - 10);
        else deactivate(a->participant, y - 10);
      } else if (const auto* start = std::get_if<BlockStart>(&event)) {
        y = open_frame(*start, y);
      } else if (const auto* divider = std::get_if<BlockDivider>(&event)) {
        y = frame_divider(*divider, y);
      } else if (std::get_if<BlockEnd>(&event)) {
        y = close_frame(y);
      } else if (const auto* n = std::get_if<Autonumber>(&event)) {
        numbering = n->on;
        number = n->start;
        step = n->step;
      }
    }
    while (!open_.empty()) y = close_frame(y);  // the parser balances blocks; this is only a guard
    for (auto& [id, stack] : active)
      while (!stack.empty()) deactivate(id, y);
    return y;
  }

  double message(const Message& m, const TextPtr& label, double y, std::optional<int> number) {
    SeqMessage sm;
    sm.arrow = m.arrow;
    if (number) sm.number = block(std::to_string(*number), number_);
    sm.label = label;
    const std::size_t a = at(m.from), b = at(m.to);
    touch(a, b);
    const double label_h = sm.label ? sm.label->height() : 0;
    const double line_y = y + label_h + 8;
    const double x1 = out_.participants[a].x, x2 = out_.participants[b].x;
    sm.self = a == b;
    sm.from = {x1, line_y};
    sm.to = {x2, sm.self ? line_y + 20 : line_y};
    if (sm.label) {
      const double cx = sm.self ? x1 + self_loop_width / 2 + sm.label->width() / 2 - 10 : (x1 + x2) / 2;
      sm.label_box = {cx - sm.label->width() / 2, y, sm.label->width(), label_h};
    }
    cover(std::max(sm.label ? sm.label_box.right() : 0.0, sm.self ? x1 + self_loop_width : 0.0));
    out_.messages.push_back(std::move(sm));
    return line_y + (a == b ? 20 : 0) + message_gap - 8;
  }

  double place_note(const Note& note, const TextPtr& text, double y) {
    SeqNote n;
    n.text = text;
    const double text_w = n.text ? n.text->width() : 0, text_h = n.text ? n.text->height() : text_.line_height_px;
    const std::size_t a = at(note.participants.front());
    const std::size_t b = note.participants.size() > 1 ? at(note.participants[1]) : a;
    touch(a, b);
    double w = std::max(note_width, text_w + 2 * note_margin), x = 0;
    const double ax = out_.participants[a].x;
    switch (note.placement) {
      case Note::Placement::right_of: x = ax + activation_width / 2 + note_margin; break;
      case Note::Placement::left_of: x = ax - activation_width / 2 - note_margin - w; break;
      case Note::Placement::over: {
        const double lo = std::min(ax, out_.participants[b].x), hi = std::max(ax, out_.participants[b].x);
        if (a != b) w = std::max(w, hi - lo + 2 * 25);
        x = (lo + hi) / 2 - w / 2;
        break;
      }
    }
    n.box = {x, y, w, text_h + 2 * note_margin};
    cover(n.box.right());
    out_.notes.push_back(std::move(n));
    return y + text_h + 2 * note_margin + box_margin;
  }

  double open_frame(const BlockStart& start, double y) {
    OpenFrame f;
    f.frame.kind = start.kind;
    f.top = y;
    f.lo = 0;
    f.hi = out_.participants.empty() ? 0 : out_.participants.size() - 1;
    if (start.kind == BlockKind::rect) {
      if (auto c = parse_css_paint(start.label)) f.frame.fill = *c;
      else result_.warnings.push_back("rect colour '" + start.label + "' is not a colour; drawn in grey");
      if (!f.frame.fill) f.frame.fill = Color{0.5, 0.5, 0.5, 0.1};
      open_.push_back(std::move(f));
      return y + box_margin;
    }
    f.frame.kind_label = block(block_keyword(start.kind), text_);
    if (!start.label.empty()) f.frame.condition = block("[" + start.label + "]", text_);
    open_.push_back(std::move(f));
    const double condition_h = open_.back().frame.condition ? open_.back().frame.condition->height() : 0;
    return y + std::max(label_box_height, condition_h) + box_margin + 5;
  }

  double frame_divider(const BlockDivider& d, double y) {
    if (open_.empty()) return y;
    auto label = d.label.empty() ? nullptr : block("[" + d.label + "]", text_);
    open_.back().frame.dividers.emplace_back(y, label);
    return y + (label ? label->height() : 0) + box_margin + 5;
  }

  double close_frame(double y) {
    if (open_.empty()) return y;
    OpenFrame f = std::move(open_.back());
    open_.pop_back();
    const int depth = static_cast<int>(open_.size());
    if (out_.participants.empty()) return y;
    f.frame.box = {frame_left(f.lo, depth) - 0, f.top, frame_right(f.hi, depth) - frame_left(f.lo, depth), y - f.top};
    // A frame around one lifeline still needs room for its label tab and condition.
    double min_w = label_box_width + 20 + (f.frame.condition ? f.frame.condition->width() : 0);
    if (f.frame.box.width < min_w) f.frame.box.width = min_w;
    f.frame.box.width = std::max(f.frame.box.width, f.content_right - f.frame.box.x);
    cover(f.frame.box.right());  // the enclosing frames hold this one
    for (auto& outer : open_) {  // the enclosing frames span at least what this one did
      outer.lo = outer.touched ? std::min(outer.lo, f.lo) : f.lo;
      outer.hi = outer.touched ? std::max(outer.hi, f.hi) : f.hi;
      outer.touched = true;
    }
    // Outer frames close later but must be drawn first (under the inner ones): each goes to the front.
    out_.frames.insert(out_.frames.begin(), std::move(f.frame));
    return y + box_margin;
  }

  void layout_boxes(double bottom) {
    for (const auto& b : d_.boxes) {
      if (b.participants.empty()) continue;
      double lo = 1e300, hi = -1e300;
      for (const auto& id : b.participants) {
        const auto& p = out_.participants[at(id)];
        lo = std::min(lo, p.top.x);
        hi = std::max(hi, p.top.right());
      }
      SeqBox box;
      box.label = block(b.label, text_);
      const double top = out_.participants.front().top.y - (text_.line_height_px + 10);
      box.box = {lo - 10, top, hi - lo + 20, bottom - top + 10};
      if (!b.color.empty()) {
        if (auto c = parse_css_color(b.color)) box.fill = *c;
      }
      out_.boxes.push_back(std::move(box));
    }
  }

  const SequenceDiagram& d_;
  SequenceLayoutResult& result_;
  text::GObjectPtr<PangoContext> context_;
  text::TextStyle text_;
  text::TextStyle number_;  // autonumber digits
  SequenceLayout out_;
  std::map<std::string, std::size_t> index_;
  std::vector<TextPtr> event_texts_;  // per event of d_.events: its measured text, or null
  std::vector<double> gaps_;
  std::vector<OpenFrame> open_;
};

}  // namespace

SequenceLayoutResult layout_sequence(const SequenceDiagram& diagram, const std::string& lang) {
  SequenceLayoutResult result;
  if (diagram.participants.empty()) {
    result.error = "the sequence diagram has no participants";
    return result;
  }
  SequenceLayouter(diagram, lang, result).run();
  return result;
}

}  // namespace pp::figure::mermaid
