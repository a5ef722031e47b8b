// Flowchart layout. Labels are measured with Pango, nodes sized by Mermaid's padding rules, and the graph
// laid out by Graphviz dot. Mermaid lays out a subgraph none of whose nodes links outside it as a graph
// of its own, with the direction flipped (TB parent -> LR, else TB) unless it sets `direction`; dot cannot
// give a cluster its own rank direction, so each such subgraph is laid out first in its own dot graph
// (a "scope") and enters its parent as one fixed-size box.
#include "figure/mermaid/flow_layout.hpp"

#include "figure/graphviz_layout.hpp"
#include "text/font_system.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace pp::figure::mermaid {

namespace {

// Mermaid's flowchart defaults (config.schema.yaml; mermaid-notes.md 3.2 and 4).
constexpr double node_spacing = 50;
constexpr double rank_spacing = 50;
constexpr double node_padding = 15;
constexpr double diagram_padding = 8;
constexpr double wrap_width = 200;
constexpr double cluster_margin = 12;   // around a cluster's content, inside its border
constexpr double cluster_title_gap = 4; // between a cluster's title and its content
constexpr double title_font_px = 18;

GvDirection to_gv(Direction d) {
  switch (d) {
    case Direction::top_bottom: return GvDirection::top_bottom;
    case Direction::bottom_top: return GvDirection::bottom_top;
    case Direction::left_right: return GvDirection::left_right;
    case Direction::right_left: return GvDirection::right_left;
  }
  return GvDirection::top_bottom;
}

GvShape gv_shape(NodeShape s) {
  switch (s) {
    case NodeShape::round: case NodeShape::stadium: return GvShape::rounded_box;
    case NodeShape::cylinder: return GvShape::cylinder;
    case NodeShape::circle: return GvShape::circle;
    case NodeShape::double_circle: return GvShape::double_circle;
    case NodeShape::diamond: return GvShape::diamond;
    case NodeShape::hexagon: return GvShape::hexagon;
    case NodeShape::ellipse: return GvShape::ellipse;
    case NodeShape::trapezoid: return GvShape::trapezium;
    case NodeShape::inv_trapezoid: return GvShape::inv_trapezium;
    default: return GvShape::box;
  }
}

// A node's size from its label's, by shape (Mermaid's shapes/*.ts with padding 15).
std::pair<double, double> node_size(NodeShape shape, double w, double h) {
  const double p = node_padding;
  switch (shape) {
    case NodeShape::round: return {w + 2 * p, h + 2 * p};
    case NodeShape::stadium: return {w + 2 * p + (h + 2 * p) / 2, h + 2 * p};
    case NodeShape::cylinder: {
      const double body_w = w + 2 * p;
      return {body_w, h + 2 * p + 2 * cylinder_cap_radius(body_w)};
    }
    case NodeShape::circle: {
      const double d = std::max(w, h) + 2 * p;
      return {d, d};
    }
    case NodeShape::double_circle: {
      const double d = std::max(w, h) + 2 * p + 10;
      return {d, d};
    }
    case NodeShape::diamond: {
      const double s = w + h + 2 * p;
      return {s, s};
    }
    case NodeShape::hexagon: return {w + 2 * p + (h + 2 * p) / 2, h + 2 * p};
    case NodeShape::lean_right: case NodeShape::lean_left: case NodeShape::trapezoid: case NodeShape::inv_trapezoid:
      return {w + 4 * p + (h + 2 * p) / 2, h + 2 * p};
    case NodeShape::asymmetric: return {w + 4 * p + (h + 2 * p) / 4, h + 2 * p};
    case NodeShape::ellipse: return {w + 4 * p, h + 2 * p + 10};
    case NodeShape::subroutine: return {w + 4 * p + 16, h + 2 * p};
    default: return {w + 4 * p, h + 2 * p};
  }
}

Direction flipped(Direction d) { return d == Direction::top_bottom ? Direction::left_right : Direction::top_bottom; }

struct ScopeResult {
  double width = 0, height = 0;
  std::vector<LaidOutNode> nodes;
  std::vector<LaidOutEdge> edges;
  std::vector<LaidOutCluster> clusters;
  std::vector<std::pair<std::string, Box>> children;  // isolated subgraphs placed as boxes here
};

void translate(BezierPath& path, double dx, double dy) {
  for (auto& p : path) {
    p.x += dx;
    p.y += dy;
  }
}

void translate(Box& b, double dx, double dy) {
  b.x += dx;
  b.y += dy;
}

class FlowLayouter {
 public:
  FlowLayouter(const Flowchart& chart, const std::string& lang, FlowLayoutResult& result)
      : chart_(chart), result_(result), context_(text::FontSystem::for_this_thread().context(lang)) {
    theme_ = make_theme(chart.theme, chart.theme_variables, result.warnings);
    label_style_.size_px = theme_.font_size;
    label_style_.line_height_px = theme_.font_size * 1.5;
    for (const auto& n : chart.nodes) nodes_[n.id] = &n;
    for (const auto& s : chart.subgraphs) {
      subgraphs_[s.id] = &s;
      for (const auto& child : s.children) parent_[child] = s.id;
      for (const auto& node : s.nodes) node_subgraph_[node] = s.id;
    }
    find_isolated();
  }

  bool run() {
    // Deepest isolated subgraphs first: a parent needs its children's sizes.
    std::vector<std::string> order(isolated_.begin(), isolated_.end());
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) { return depth(a) > depth(b); });
    for (const auto& s : order)
      if (!layout_scope(s)) return false;
    if (!layout_scope("")) return false;
    assemble();
    return true;
  }

 private:
  // ---- structure ----

  int depth(const std::string& sg) const {
    int d = 0;
    for (std::string cur = sg; !cur.empty() && d < 1000; ++d) cur = parent_of(cur);
    return d;
  }
  std::string parent_of(const std::string& sg) const {
    auto it = parent_.find(sg);
    return it == parent_.end() ? "" : it->second;
  }
  bool inside(const std::string& node, const std::string& sg) const {  // node belongs to sg or a descendant
    auto it = node_subgraph_.find(node);
    for (std::string cur = it == node_subgraph_.end() ? "" : it->second; !cur.empty(); cur = parent_of(cur))
      if (cur == sg) return true;
    return false;
  }

  void find_isolated() {
    for (const auto& s : chart_.subgraphs) {
      bool linked_out = false;
      for (const auto& e : chart_.edges) {
        const bool from_in = nodes_.count(e.from) && inside(e.from, s.id);
        const bool to_in = nodes_.count(e.to) && inside(e.to, s.id);
        // Edges to or from a subgraph's own id do not count (Mermaid's extractor rule).
        if ((from_in && !to_in && !(subgraphs_.count(e.to) && e.to == s.id)) ||
            (to_in && !from_in && !(subgraphs_.count(e.from) && e.from == s.id))) {
          linked_out = true;
          break;
        }
      }
      if (!linked_out && (!s.nodes.empty() || !s.children.empty())) isolated_.insert(s.id);
    }
  }

  // The scope whose graph holds sg's contents.
  std::string content_scope(const std::string& sg) const {
    for (std::string cur = sg; !cur.empty(); cur = parent_of(cur))
      if (isolated_.count(cur)) return cur;
    return "";
  }
  std::string node_scope(const std::string& node) const {
    auto it = node_subgraph_.find(node);
    return it == node_subgraph_.end() ? "" : content_scope(it->second);
  }
  // Where an endpoint is drawn: a node in its scope, a subgraph in its parent's.
  std::string endpoint_scope(const std::string& id) const {
    if (subgraphs_.count(id) && !nodes_.count(id)) return content_scope(parent_of(id));
    return node_scope(id);
  }
  std::vector<std::string> scope_path(const std::string& scope) const {  // root first
    std::vector<std::string> path{scope};
    for (std::string cur = scope; !cur.empty();) {
      cur = content_scope(parent_of(cur));
      path.insert(path.begin(), cur);
    }
    return path;
  }

  Direction scope_direction(const std::string& scope) {
    if (scope.empty()) return chart_.direction;
    if (auto it = directions_.find(scope); it != directions_.end()) return it->second;
    const Subgraph& s = *subgraphs_.at(scope);
    const Direction d = s.direction ? *s.direction : flipped(scope_direction(content_scope(parent_of(scope))));
    directions_[scope] = d;
    return d;
  }

  // ---- measuring and styles ----

  std::shared_ptr<text::TextBlock> measure(const Label& label, const text::TextStyle& style) {
    if (label.text.empty()) return nullptr;
    const std::string markup = label.markdown ? text::markup_from_markdown(label.text) : text::markup_from_plain(label.text);
    return std::make_shared<text::TextBlock>(context_.get(), markup, style, wrap_width);
  }

  void apply(const Style& style, BoxStyle& box) {
    for (const auto& [key, value] : style) {
      if (key == "fill") {
        if (auto c = parse_css_paint(value)) box.fill = *c;
      } else if (key == "stroke") {
        if (auto c = parse_css_paint(value)) box.stroke = *c;
      } else if (key == "color") {
        if (auto c = parse_css_color(value)) box.text = *c;
      } else if (key == "stroke-width") {
        if (auto w = parse_css_length(value)) box.stroke_width = *w;
      } else if (key == "stroke-dasharray") {
        box.dash = dashes(value);
      }
    }
  }

  static std::vector<double> dashes(const std::string& value) {
    std::vector<double> out;
    std::string part;
    for (char c : value + " ") {
      if (c == ' ' || c == ',') {
        if (auto v = parse_css_length(part); v && *v > 0) out.push_back(*v);
        part.clear();
      } else {
        part += c;
      }
    }
    return out;
  }

  void apply_classes(const std::vector<std::string>& classes, BoxStyle& box) {
    if (classes.empty()) {
      if (auto it = chart_.class_defs.find("default"); it != chart_.class_defs.end()) apply(it->second, box);
      return;
    }
    for (const auto& name : classes)
      if (auto it = chart_.class_defs.find(name); it != chart_.class_defs.end()) apply(it->second, box);
  }

  BoxStyle node_style(const Node& n) {
    BoxStyle s{theme_.node_fill, theme_.node_stroke, theme_.node_text, 1, {}};
    apply_classes(n.classes, s);
    apply(n.style, s);
    return s;
  }

  BoxStyle cluster_style(const Subgraph& sg) {
    BoxStyle s{theme_.cluster_fill, theme_.cluster_stroke, theme_.cluster_text, 1, {}};
    for (const auto& name : sg.classes)
      if (auto it = chart_.class_defs.find(name); it != chart_.class_defs.end()) apply(it->second, s);
    apply(sg.style, s);
    return s;
  }

  LaidOutEdge edge_style(const Edge& e) {
    LaidOutEdge out;
    out.from = e.from;
    out.to = e.to;
    out.line = e.line;
    out.start = e.start;
    out.end = e.end;
    out.color = theme_.line;
    out.label_color = theme_.edge_text;
    out.width = e.line == LineStyle::thick ? 3.5 : 1;
    if (e.line == LineStyle::dotted) out.dash = {3, 3};
    BoxStyle s{Color{}, out.color, out.label_color, out.width, out.dash};
    apply(e.style, s);
    out.color = s.stroke;
    out.width = s.stroke_width;
    out.dash = s.dash;
    out.label_color = s.text;
    return out;
  }

  // ---- one scope ----

  bool layout_scope(const std::string& scope) {
    GraphvizLayout gv(to_gv(scope_direction(scope)), node_spacing, rank_spacing);
    std::map<std::string, GraphvizLayout::ClusterId> clusters;  // non-isolated subgraphs drawn in this scope
    std::vector<std::string> cluster_order;
    std::map<std::string, std::shared_ptr<text::TextBlock>> titles;
    auto cluster_of = [&](const std::string& sg) -> GraphvizLayout::ClusterId {
      auto it = clusters.find(sg);
      return it == clusters.end() ? 0 : it->second;
    };
    // Parents before children: chart order lists an outer subgraph's line before its inner ones.
    std::vector<const Subgraph*> sorted;
    for (const auto& s : chart_.subgraphs) sorted.push_back(&s);
    std::stable_sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) { return depth(a->id) < depth(b->id); });
    for (const Subgraph* s : sorted) {
      if (isolated_.count(s->id) || content_scope(parent_of(s->id)) != scope) continue;
      auto title = measure(s->title, label_style_);
      titles[s->id] = title;
      clusters[s->id] = gv.add_cluster(cluster_of(parent_of(s->id)), title ? title->width() : 0,
                                       title ? title->height() + cluster_title_gap : 0, cluster_margin);
      cluster_order.push_back(s->id);
    }

    std::map<std::string, GraphvizLayout::NodeId> gv_nodes;
    std::vector<std::pair<GraphvizLayout::NodeId, const Node*>> placed_nodes;
    std::vector<std::pair<GraphvizLayout::NodeId, std::string>> proxies;
    for (const Subgraph* s : sorted) {
      if (!isolated_.count(s->id) || content_scope(parent_of(s->id)) != scope) continue;
      const ScopeResult& child = scopes_.at(s->id);
      const auto id = gv.add_node(cluster_of(parent_of(s->id)), GvShape::box, child.width, child.height);
      gv_nodes[s->id] = id;
      proxies.emplace_back(id, s->id);
    }
    for (const auto& n : chart_.nodes) {
      if (node_scope(n.id) != scope) continue;
      auto label = measure(n.label, label_style_);
      const auto [w, h] = node_size(n.shape, label ? label->width() : 0, label ? label->height() : label_style_.line_height_px);
      auto sg = node_subgraph_.find(n.id);
      const auto id = gv.add_node(sg == node_subgraph_.end() ? 0 : cluster_of(sg->second), gv_shape(n.shape), w, h);
      gv_nodes[n.id] = id;
      placed_nodes.emplace_back(id, &n);
      labels_[n.id] = label;
    }

    // An empty cluster (its nodes all belong to an inner subgraph, or it has none) gets an invisible anchor,
    // so dot gives it a box as Mermaid draws one, instead of no box and a stray title.
    {
      std::set<GraphvizLayout::ClusterId> filled;
      auto fill_up = [&](std::string sg) {
        for (; !sg.empty() && clusters.count(sg); sg = parent_of(sg)) filled.insert(clusters.at(sg));
      };
      for (const auto& [id, node] : placed_nodes)
        if (auto it = node_subgraph_.find(node->id); it != node_subgraph_.end()) fill_up(it->second);
      for (const auto& [id, sg] : proxies) fill_up(parent_of(sg));
      for (const auto& sg : cluster_order)
        if (!filled.count(clusters.at(sg))) gv_nodes[sg] = gv.add_node(clusters.at(sg), GvShape::point, 1, 1);
    }

    // An edge to a cluster drawn here ends at a node inside it, clipped at the cluster's border.
    auto representative = [&](const std::string& sg) -> std::optional<GraphvizLayout::NodeId> {
      for (const auto& n : chart_.nodes)
        if (inside(n.id, sg) && node_scope(n.id) == scope) return gv_nodes.at(n.id);
      for (const auto& [child, id] : gv_nodes)
        if (subgraphs_.count(child) && depth(child) > depth(sg) && parent_of(child) == sg) return id;
      return std::nullopt;
    };
    auto resolve = [&](const std::string& id, std::optional<GraphvizLayout::ClusterId>& clip) -> std::optional<GraphvizLayout::NodeId> {
      // Walk up from the endpoint's own scope to the one drawn here.
      std::string target = id;
      const auto path = scope_path(endpoint_scope(id));
      if (endpoint_scope(id) != scope) {
        auto at = std::find(path.begin(), path.end(), scope);
        if (at == path.end() || at + 1 == path.end()) return std::nullopt;
        target = *(at + 1);  // the isolated subgraph, drawn here as a box
      }
      // A cluster drawn here: the edge ends at a node inside it (or its empty-cluster anchor), clipped
      // at the cluster's border.
      if (auto c = clusters.find(target); c != clusters.end()) {
        clip = c->second;
        if (auto rep = representative(target)) return rep;
        if (auto anchor = gv_nodes.find(target); anchor != gv_nodes.end()) return anchor->second;
        return std::nullopt;
      }
      if (auto it = gv_nodes.find(target); it != gv_nodes.end()) return it->second;
      return std::nullopt;
    };

    std::vector<std::pair<GraphvizLayout::EdgeId, std::size_t>> placed_edges;
    for (std::size_t i = 0; i < chart_.edges.size(); ++i) {
      const Edge& e = chart_.edges[i];
      if (!known(e.from) || !known(e.to)) continue;
      if (edge_scope(e) != scope) continue;
      std::optional<GraphvizLayout::ClusterId> tail_clip, head_clip;
      auto from = resolve(e.from, tail_clip);
      auto to = resolve(e.to, head_clip);
      if (!from || !to) continue;
      auto label = measure(e.label, label_style_);
      edge_labels_[i] = label;
      std::optional<std::pair<double, double>> size;
      if (label) size = std::make_pair(label->width(), label->height());
      placed_edges.emplace_back(gv.add_edge(*from, *to, e.length, size, e.line == LineStyle::invisible, tail_clip, head_clip), i);
    }

    std::string error;
    if (!gv.layout(error)) {
      result_.error = error;
      return false;
    }
    ScopeResult out;
    const Box bounds = gv.bounds();
    const double dx = -bounds.x;
    for (const auto& [id, node] : placed_nodes) {
      LaidOutNode n{node->id, node->shape, gv.node_box(id), labels_[node->id], node_style(*node)};
      translate(n.box, dx, 0);
      out.nodes.push_back(std::move(n));
    }
    for (const auto& [id, sg] : proxies) {
      Box b = gv.node_box(id);
      translate(b, dx, 0);
      out.children.emplace_back(sg, b);
    }
    for (const auto& sg : cluster_order) {
      LaidOutCluster c{sg, gv.cluster_box(clusters.at(sg)), titles[sg], cluster_style(*subgraphs_.at(sg))};
      translate(c.box, dx, 0);
      out.clusters.push_back(std::move(c));
    }
    for (const auto& [id, index] : placed_edges) {
      const Edge& e = chart_.edges[index];
      LaidOutEdge edge = edge_style(e);
      edge.path = gv.edge_path(id);
      translate(edge.path, dx, 0);
      edge.label = edge_labels_[index];
      if (edge.label) {
        // dot reserves the label's space beside the edge; Mermaid centres the label on the line, which
        // runs under its background. The label moves to the point of the path nearest dot's place.
        const auto center = gv.edge_label_center(id);
        const bool vertical = scope_direction(scope) == Direction::top_bottom || scope_direction(scope) == Direction::bottom_top;
        const Point c = center ? on_path_at_rank(edge.path, Point{center->x + dx, center->y}, vertical) : midpoint(edge.path);
        edge.label_box = {c.x - edge.label->width() / 2, c.y - edge.label->height() / 2, edge.label->width(), edge.label->height()};
      }
      out.edges.push_back(std::move(edge));
    }
    out.width = bounds.width;
    out.height = bounds.height;
    if (!scope.empty()) wrap_in_cluster(scope, out);
    scopes_[scope] = std::move(out);
    return true;
  }

  // An isolated subgraph's own border and title go around its laid-out content.
  void wrap_in_cluster(const std::string& scope, ScopeResult& r) {
    const Subgraph& s = *subgraphs_.at(scope);
    auto title = measure(s.title, label_style_);
    const double title_h = title ? title->height() + cluster_title_gap : 0;
    const double inner_w = std::max(r.width, title ? title->width() : 0.0);
    const double dx = cluster_margin + (inner_w - r.width) / 2, dy = cluster_margin + title_h;
    for (auto& n : r.nodes) translate(n.box, dx, dy);
    for (auto& c : r.clusters) translate(c.box, dx, dy);
    for (auto& e : r.edges) {
      translate(e.path, dx, dy);
      translate(e.label_box, dx, dy);
    }
    for (auto& [id, b] : r.children) translate(b, dx, dy);
    r.width = inner_w + 2 * cluster_margin;
    r.height = r.height + title_h + 2 * cluster_margin;
    r.clusters.insert(r.clusters.begin(), LaidOutCluster{scope, Box{0, 0, r.width, r.height}, title, cluster_style(s)});
  }

  bool known(const std::string& id) const { return nodes_.count(id) || subgraphs_.count(id); }

  std::string edge_scope(const Edge& e) const {
    const auto a = scope_path(endpoint_scope(e.from)), b = scope_path(endpoint_scope(e.to));
    std::string common;
    for (std::size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i) common = a[i];
    return common;
  }

  static Point midpoint(const BezierPath& p) { return p.empty() ? Point{} : p[p.size() / 2]; }

  static Point bezier_at(const Point& a, const Point& b, const Point& c, const Point& d, double t) {
    const double u = 1 - t;
    return {u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
            u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y};
  }

  // The point of the path in the same rank as `target` (same y for vertical layouts, same x otherwise):
  // dot keeps that rank free of nodes for the label.
  static Point on_path_at_rank(const BezierPath& p, Point target, bool vertical) {
    if (p.size() < 4 || (p.size() - 1) % 3 != 0) return target;
    Point best = p.front();
    double best_d = 1e300;
    for (std::size_t i = 0; i + 3 < p.size(); i += 3)
      for (int k = 0; k <= 32; ++k) {
        const Point q = bezier_at(p[i], p[i + 1], p[i + 2], p[i + 3], k / 32.0);
        const double d = vertical ? std::abs(q.y - target.y) : std::abs(q.x - target.x);
        if (d < best_d) {
          best_d = d;
          best = q;
        }
      }
    return best;
  }

  // ---- final placement ----

  void place(const std::string& scope, double dx, double dy, FlowLayout& out) {
    const ScopeResult& r = scopes_.at(scope);
    for (auto c : r.clusters) {
      translate(c.box, dx, dy);
      out.clusters.push_back(std::move(c));
    }
    for (auto n : r.nodes) {
      translate(n.box, dx, dy);
      out.nodes.push_back(std::move(n));
    }
    for (auto e : r.edges) {
      translate(e.path, dx, dy);
      translate(e.label_box, dx, dy);
      out.edges.push_back(std::move(e));
    }
    for (const auto& [child, box] : r.children) place(child, dx + box.x, dy + box.y, out);
  }

  void assemble() {
    FlowLayout out;
    out.theme = theme_;
    double top = diagram_padding;
    if (!chart_.title.empty()) {
      text::TextStyle style = label_style_;
      style.size_px = title_font_px;
      style.line_height_px = title_font_px * 1.5;
      out.title = std::make_shared<text::TextBlock>(context_.get(), text::markup_from_plain(chart_.title), style, std::nullopt);
      top += out.title->height() + 10;
    }
    const ScopeResult& root = scopes_.at("");
    const double content_w = std::max(root.width, out.title ? out.title->width() : 0.0);
    place("", diagram_padding + (content_w - root.width) / 2, top, out);
    out.width = content_w + 2 * diagram_padding;
    out.height = top + root.height + diagram_padding;
    if (out.title) out.title_box = {(out.width - out.title->width()) / 2, diagram_padding, out.title->width(), out.title->height()};
    result_.layout = std::move(out);
  }

  const Flowchart& chart_;
  FlowLayoutResult& result_;
  text::GObjectPtr<PangoContext> context_;
  Theme theme_;
  text::TextStyle label_style_;
  std::map<std::string, const Node*> nodes_;
  std::map<std::string, const Subgraph*> subgraphs_;
  std::map<std::string, std::string> parent_;
  std::map<std::string, std::string> node_subgraph_;
  std::set<std::string> isolated_;
  std::map<std::string, Direction> directions_;
  std::map<std::string, ScopeResult> scopes_;
  std::map<std::string, std::shared_ptr<text::TextBlock>> labels_;
  std::map<std::size_t, std::shared_ptr<text::TextBlock>> edge_labels_;
};

}  // namespace

FlowLayoutResult layout_flowchart(const Flowchart& chart, const std::string& lang) {
  FlowLayoutResult result;
  FlowLayouter layouter(chart, lang, result);
  if (!layouter.run()) result.layout.reset();
  return result;
}

}  // namespace pp::figure::mermaid
