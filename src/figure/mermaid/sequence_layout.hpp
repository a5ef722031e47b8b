// A sequence diagram laid out: participants, lifelines, messages, notes, frames and activations in
// final coordinates (CSS pixels). Drawing (sequence_draw) only reads this; tests assert on it.
#pragma once

#include "figure/geometry.hpp"
#include "figure/mermaid/diagram.hpp"
#include "figure/mermaid/theme.hpp"
#include "text/text_block.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pp::figure::mermaid {

using TextPtr = std::shared_ptr<text::TextBlock>;

struct SeqParticipant {
  std::string id;
  bool actor = false;
  Box top, bottom;  // the box (or stick figure's area) above and mirrored below
  TextPtr label;
  double x = 0;     // lifeline
};

struct SeqMessage {
  Point from, to;     // the line; from == to in x for a self-message (drawn as a loop to the right)
  bool self = false;
  Arrow arrow = Arrow::solid_arrow;
  TextPtr label;
  Box label_box;
  TextPtr number;  // autonumber, drawn in a circle at the line's start; null when numbering is off
};

struct SeqNote {
  Box box;
  TextPtr text;
};

struct SeqActivation {
  Box box;
};

struct SeqFrame {
  BlockKind kind = BlockKind::loop;
  Box box;
  TextPtr kind_label;  // "loop", "alt", ...
  TextPtr condition;   // "[...]", may be null
  std::vector<std::pair<double, TextPtr>> dividers;  // y of each else/and/option line, with its label
  std::optional<Color> fill;                         // rect blocks
};

struct SeqBox {
  Box box;
  TextPtr label;
  std::optional<Color> fill;
};

struct SequenceLayout {
  double width = 0, height = 0;
  Theme theme;
  TextPtr title;
  Box title_box;
  std::vector<SeqBox> boxes;
  std::vector<SeqFrame> frames;  // outer before inner
  std::vector<SeqParticipant> participants;
  std::vector<SeqActivation> activations;
  std::vector<SeqMessage> messages;
  std::vector<SeqNote> notes;
  double lifeline_top = 0, lifeline_bottom = 0;
};

struct SequenceLayoutResult {
  std::optional<SequenceLayout> layout;
  std::string error;
  std::vector<std::string> warnings;
};

SequenceLayoutResult layout_sequence(const SequenceDiagram& diagram, const std::string& lang);

}  // namespace pp::figure::mermaid
