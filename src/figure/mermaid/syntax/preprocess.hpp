// Mermaid's preprocessing (notes §0): front matter, %%{init}%% directives, %% comment lines, tag-attribute quotes.
#pragma once

#include "figure/mermaid/syntax/source_text.hpp"

#include <map>
#include <string>

namespace pp::figure::mermaid::syntax {

// What the text before the grammar carries for the diagram; the text itself is blanked in place.
struct DiagramConfig {
  std::string title;  // front matter `title:`
  std::string theme;  // empty: not set
  std::map<std::string, std::string> theme_variables;
  std::string curve;  // flowchart.curve, empty: not set
  bool show_sequence_numbers = false;  // sequence.showSequenceNumbers
};

// Blanks front matter, directives and comment lines in `source` (positions never move) and reads their config.
DiagramConfig preprocess(SourceText& source, IssueLog& log);

// The curve names Mermaid knows (flowchart.curve, linkStyle interpolate, edge @{curve}).
bool is_known_curve(std::string_view name);

}  // namespace pp::figure::mermaid::syntax
