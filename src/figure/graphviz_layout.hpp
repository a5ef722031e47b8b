// A graph laid out by Graphviz's dot engine (libgvc/libcgraph), behind a small RAII type: the one place
// that calls Graphviz. Sizes go in and positions come out in CSS pixels, y downwards.
#pragma once

#include "figure/geometry.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pp::figure {

enum class GvShape { box, rounded_box, ellipse, circle, double_circle, diamond, hexagon, cylinder, trapezium,
                     inv_trapezium, point };
enum class GvDirection { top_bottom, bottom_top, left_right, right_left };

class GraphvizLayout {
 public:
  using NodeId = int;
  using EdgeId = int;
  using ClusterId = int;  // 0 is the root graph

  GraphvizLayout(GvDirection direction, double node_sep, double rank_sep);
  ~GraphvizLayout();
  GraphvizLayout(const GraphvizLayout&) = delete;
  GraphvizLayout& operator=(const GraphvizLayout&) = delete;

  // Clusters nest; `title` is the size of the title band drawn at the cluster's top (0 x 0 for none).
  ClusterId add_cluster(ClusterId parent, double title_width, double title_height, double margin);
  NodeId add_node(ClusterId cluster, GvShape shape, double width, double height);
  // `label` is the size of the edge's label, placed by dot on the edge; `head_cluster`/`tail_cluster`
  // clip the edge at that cluster's border (edges to a subgraph).
  EdgeId add_edge(NodeId from, NodeId to, int min_length, std::optional<std::pair<double, double>> label,
                  bool invisible, std::optional<ClusterId> tail_cluster, std::optional<ClusterId> head_cluster);

  // Runs dot. Returns false (with `error` set) when Graphviz fails.
  bool layout(std::string& error);

  Box bounds() const;
  Box node_box(NodeId n) const;
  BezierPath edge_path(EdgeId e) const;  // empty when dot drew none
  std::optional<Point> edge_label_center(EdgeId e) const;
  Box cluster_box(ClusterId c) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pp::figure
