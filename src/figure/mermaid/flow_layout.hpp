// A flowchart laid out: every node, cluster, edge and label with its final box, path and colours.
// Drawing (flow_draw) only reads this; tests assert on its geometry.
#pragma once

#include "figure/geometry.hpp"
#include "figure/mermaid/diagram.hpp"
#include "figure/mermaid/theme.hpp"
#include "text/text_block.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pp::figure::mermaid {

struct BoxStyle {
  Color fill, stroke, text;
  double stroke_width = 1;
  std::vector<double> dash;
};

// The half-height of a cylinder's elliptical end caps, for a cylinder this wide: layout makes room for them,
// drawing draws them, and the label sits below the top one.
inline double cylinder_cap_radius(double width) { return std::min(12.0, width / 8); }

struct LaidOutNode {
  std::string id;
  NodeShape shape = NodeShape::rect;
  Box box;
  std::shared_ptr<text::TextBlock> label;
  BoxStyle style;
};

struct LaidOutCluster {
  std::string id;
  Box box;
  std::shared_ptr<text::TextBlock> title;  // may be null
  BoxStyle style;
};

struct LaidOutEdge {
  std::string from, to;
  BezierPath path;  // from the tail's border to the head's border
  LineStyle line = LineStyle::solid;
  Head start = Head::none, end = Head::arrow;
  Color color;
  double width = 1;
  std::vector<double> dash;
  std::shared_ptr<text::TextBlock> label;  // may be null
  Box label_box;
  Color label_color;
};

struct FlowLayout {
  double width = 0, height = 0;  // the whole drawing, padding included
  Theme theme;
  std::vector<LaidOutCluster> clusters;  // outer before inner, so drawing in order nests correctly
  std::vector<LaidOutNode> nodes;
  std::vector<LaidOutEdge> edges;
  std::shared_ptr<text::TextBlock> title;
  Box title_box;
};

struct FlowLayoutResult {
  std::optional<FlowLayout> layout;
  std::string error;                  // when layout is empty
  std::vector<std::string> warnings;  // drawn anyway
};

// `lang` (BCP 47) picks the CJK glyph forms for measuring and drawing labels.
FlowLayoutResult layout_flowchart(const Flowchart& chart, const std::string& lang);

}  // namespace pp::figure::mermaid
