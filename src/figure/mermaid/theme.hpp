// Mermaid's default theme as colours and sizes, with the themeVariables a diagram may override.
#pragma once

#include "figure/css_color.hpp"

#include <map>
#include <string>
#include <vector>

namespace pp::figure::mermaid {

struct Theme {
  Color background{1, 1, 1, 1};
  Color node_fill, node_stroke, node_text;
  Color line, edge_label_background, edge_text;
  Color cluster_fill, cluster_stroke, cluster_text;
  Color actor_fill, actor_stroke, actor_text, actor_line;
  Color signal, note_fill, note_stroke, note_text;
  Color label_box_fill, label_box_stroke, loop_text;
  Color activation_fill, activation_stroke, sequence_number;
  double font_size = 16;
};

// `name` is the diagram's theme ("default" when empty or unknown); `variables` its themeVariables. Variables that
// are not colours add a message to `warnings` and keep the default. An unknown name adds none: the syntax layer
// warns about it, at the line where it is written.
Theme make_theme(const std::string& name, const std::map<std::string, std::string>& variables,
                 std::vector<std::string>& warnings);

}  // namespace pp::figure::mermaid
