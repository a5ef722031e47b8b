// The Mermaid facade: types we draw go through parse -> layout; anything else is reported, never drawn.
#include "figure/mermaid/render.hpp"

#include "figure/mermaid/flow_draw.hpp"
#include "figure/mermaid/flow_layout.hpp"
#include "figure/mermaid/sequence_draw.hpp"
#include "figure/mermaid/sequence_layout.hpp"
#include "model/labels.hpp"

#include <map>

namespace pp::figure::mermaid {

namespace {

std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? ' ' : c;
  return out;
}

// Text for a screen reader or a search, punctuated in the book's language (as table alt text is).
class AltText {
 public:
  AltText(const std::string& title, const std::string& lang)
      : out_(title.empty() ? model::labels_for(lang).diagram : one_line(title)),
        stop_(model::sentence_end(lang)), comma_(model::list_separator(lang)), colon_(model::label_colon(lang)) {}

  void sentence() { out_ += stop_; }
  void item(bool first, const std::string& text) { out_ += (first ? "" : comma_) + text; }
  void labelled(const std::string& what, const std::string& label) {
    out_ += stop_ + what + (label.empty() ? "" : colon_ + one_line(label));
  }
  std::string finish() && {
    out_ += stop_;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_, stop_, comma_, colon_;
};

// Nodes in order, then every labelled edge: what a screen reader or a search needs of the picture.
std::string flow_alt_text(const Flowchart& c, const std::string& lang) {
  AltText alt(c.title, lang);
  std::map<std::string, std::string> label_of;
  for (const auto& n : c.nodes) label_of[n.id] = one_line(n.label.text);
  for (const auto& s : c.subgraphs) label_of[s.id] = one_line(s.title.text);
  alt.sentence();
  for (std::size_t i = 0; i < c.nodes.size(); ++i) alt.item(i == 0, label_of[c.nodes[i].id]);
  for (const auto& e : c.edges)
    if (!e.label.text.empty() && e.line != LineStyle::invisible)
      alt.labelled(label_of[e.from] + " \u2192 " + label_of[e.to], e.label.text);
  return std::move(alt).finish();
}

std::string sequence_alt_text(const SequenceDiagram& d, const std::string& lang) {
  AltText alt(d.title, lang);
  std::map<std::string, std::string> label_of;
  for (const auto& p : d.participants) label_of[p.id] = one_line(p.label);
  alt.sentence();
  for (std::size_t i = 0; i < d.participants.size(); ++i) alt.item(i == 0, label_of[d.participants[i].id]);
  for (const auto& event : d.events) {
    if (const auto* m = std::get_if<Message>(&event)) alt.labelled(label_of[m->from] + " \u2192 " + label_of[m->to], m->text);
    else if (const auto* n = std::get_if<Note>(&event)) alt.labelled(one_line(n->text), "");
  }
  return std::move(alt).finish();
}

SyntaxIssue issue(std::string message) { return SyntaxIssue{SyntaxPos{1, 1}, std::move(message)}; }

}  // namespace

PreparedDiagram::PreparedDiagram(std::shared_ptr<const FlowLayout> flow, std::shared_ptr<const SequenceLayout> sequence)
    : flow_(std::move(flow)), sequence_(std::move(sequence)) {}

double PreparedDiagram::width() const { return flow_ ? flow_->width : sequence_->width; }
double PreparedDiagram::height() const { return flow_ ? flow_->height : sequence_->height; }

void PreparedDiagram::draw(cairo_t* cr) const {
  if (flow_) draw_flowchart(*flow_, cr);
  else draw_sequence(*sequence_, cr);
}

std::string PreparedDiagram::render(ImageRequest request) const {
  request.opaque_background = (flow_ ? flow_->theme.background : sequence_->theme.background).a >= 1;
  return render_image(width(), height(), request, [this](cairo_t* cr) { draw(cr); });
}

PrepareResult prepare_diagram(std::string_view source, const std::string& lang, const ParseLimits& limits) {
  PrepareResult result;
  ParsedDiagram parsed = parse_diagram(source, limits);
  result.warnings = parsed.warnings;
  if (!parsed.errors.empty()) {
    result.errors = parsed.errors;
    return result;
  }
  if (const auto* chart = std::get_if<Flowchart>(&parsed.diagram)) {
    FlowLayoutResult laid = layout_flowchart(*chart, lang);
    for (auto& w : laid.warnings) result.warnings.push_back(issue(w));
    if (!laid.layout) {
      result.errors.push_back(issue(laid.error));
      return result;
    }
    result.alt_text = flow_alt_text(*chart, lang);
    result.diagram.emplace(std::make_shared<const FlowLayout>(std::move(*laid.layout)), nullptr);
  } else if (const auto* seq = std::get_if<SequenceDiagram>(&parsed.diagram)) {
    SequenceLayoutResult laid = layout_sequence(*seq, lang);
    for (auto& w : laid.warnings) result.warnings.push_back(issue(w));
    if (!laid.layout) {
      result.errors.push_back(issue(laid.error));
      return result;
    }
    result.alt_text = sequence_alt_text(*seq, lang);
    result.diagram.emplace(nullptr, std::make_shared<const SequenceLayout>(std::move(*laid.layout)));
  } else {
    result.errors.push_back(issue("'" + (parsed.type_word.empty() ? std::string("unknown") : parsed.type_word) +
                                  "' diagrams are not drawn yet (postpress draws flowcharts and sequence diagrams)"));
  }
  return result;
}

}  // namespace pp::figure::mermaid
