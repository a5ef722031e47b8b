// Flowchart drawing: shapes from Mermaid's shapes/*.ts, markers from markers.js (mermaid-notes.md 4).
#include "figure/mermaid/flow_draw.hpp"

#include "figure/cairo_util.hpp"

#include <cmath>

namespace pp::figure::mermaid {

namespace {

void node_path(cairo_t* cr, NodeShape shape, const Box& b) {
  const double x = b.x, y = b.y, r = b.right(), bottom = b.bottom(), cx = b.center().x, cy = b.center().y;
  const double h = b.height;
  switch (shape) {
    case NodeShape::round: rounded_rect(cr, b, 5); return;
    case NodeShape::stadium: rounded_rect(cr, b, h / 2); return;
    case NodeShape::circle: ellipse(cr, cx, cy, b.width / 2, h / 2); return;
    case NodeShape::double_circle:
      ellipse(cr, cx, cy, b.width / 2, h / 2);
      return;
    case NodeShape::ellipse: ellipse(cr, cx, cy, b.width / 2, h / 2); return;
    case NodeShape::diamond: polygon(cr, {{cx, y}, {r, cy}, {cx, bottom}, {x, cy}}); return;
    case NodeShape::hexagon: {
      const double m = h / 4;
      polygon(cr, {{x + m, y}, {r - m, y}, {r, cy}, {r - m, bottom}, {x + m, bottom}, {x, cy}});
      return;
    }
    case NodeShape::lean_right: {
      const double m = std::min(h / 2, b.width / 4);
      polygon(cr, {{x + m, y}, {r, y}, {r - m, bottom}, {x, bottom}});
      return;
    }
    case NodeShape::lean_left: {
      const double m = std::min(h / 2, b.width / 4);
      polygon(cr, {{x, y}, {r - m, y}, {r, bottom}, {x + m, bottom}});
      return;
    }
    case NodeShape::trapezoid: {
      const double m = std::min(h / 2, b.width / 4);
      polygon(cr, {{x + m, y}, {r - m, y}, {r, bottom}, {x, bottom}});
      return;
    }
    case NodeShape::inv_trapezoid: {
      const double m = std::min(h / 2, b.width / 4);
      polygon(cr, {{x, y}, {r, y}, {r - m, bottom}, {x + m, bottom}});
      return;
    }
    case NodeShape::asymmetric: polygon(cr, {{x, y}, {r, y}, {r, bottom}, {x, bottom}, {x + h / 4, cy}}); return;
    case NodeShape::cylinder: {
      const double ry = cylinder_cap_radius(b.width), rx = b.width / 2;
      cairo_new_path(cr);
      cairo_move_to(cr, x, y + ry);
      cairo_line_to(cr, x, bottom - ry);
      // Bottom half ellipse, then up the right side and over the top.
      cairo_save(cr);
      cairo_translate(cr, cx, bottom - ry);
      cairo_scale(cr, rx, ry);
      cairo_arc_negative(cr, 0, 0, 1, pi, 0);
      cairo_restore(cr);
      cairo_line_to(cr, r, y + ry);
      cairo_save(cr);
      cairo_translate(cr, cx, y + ry);
      cairo_scale(cr, rx, ry);
      cairo_arc_negative(cr, 0, 0, 1, 0, pi);
      cairo_restore(cr);
      cairo_close_path(cr);
      return;
    }
    default: cairo_new_path(cr); cairo_rectangle(cr, x, y, b.width, h); return;
  }
}

// Lines inside a shape that Mermaid draws on top of its outline.
void node_details(cairo_t* cr, const LaidOutNode& n) {
  const Box& b = n.box;
  if (n.shape == NodeShape::subroutine) {
    cairo_move_to(cr, b.x + 8, b.y);
    cairo_line_to(cr, b.x + 8, b.bottom());
    cairo_move_to(cr, b.right() - 8, b.y);
    cairo_line_to(cr, b.right() - 8, b.bottom());
  } else if (n.shape == NodeShape::cylinder) {
    const double ry = cylinder_cap_radius(b.width);
    cairo_save(cr);
    cairo_translate(cr, b.center().x, b.y + ry);
    cairo_scale(cr, b.width / 2, ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, pi);
    cairo_restore(cr);
  } else if (n.shape == NodeShape::double_circle) {
    ellipse(cr, b.center().x, b.center().y, b.width / 2 - 5, b.height / 2 - 5);
  } else {
    return;
  }
  if (n.style.stroke_width <= 0) {
    cairo_new_path(cr);
    return;
  }
  set_color(cr, n.style.stroke);
  cairo_set_line_width(cr, n.style.stroke_width);
  set_dash(cr, n.style.dash);
  cairo_stroke(cr);
  set_dash(cr, {});
}

void draw_node(cairo_t* cr, const LaidOutNode& n) {
  node_path(cr, n.shape, n.box);
  fill_and_stroke(cr, n.style.fill, n.style.stroke, n.style.stroke_width, n.style.dash);
  node_details(cr, n);
  if (!n.label) return;
  const double extra = n.shape == NodeShape::cylinder ? cylinder_cap_radius(n.box.width) / 2 : 0;
  set_color(cr, n.style.text);
  n.label->draw(cr, n.box.center().x - n.label->width() / 2, n.box.center().y - n.label->height() / 2 + extra);
}

void draw_cluster(cairo_t* cr, const LaidOutCluster& c) {
  cairo_new_path(cr);
  cairo_rectangle(cr, c.box.x, c.box.y, c.box.width, c.box.height);
  fill_and_stroke(cr, c.style.fill, c.style.stroke, c.style.stroke_width, c.style.dash);
  if (!c.title) return;
  set_color(cr, c.style.text);
  c.title->draw(cr, c.box.center().x - c.title->width() / 2, c.box.y + 2);
}

struct Tip {
  Point at;   // where the edge meets the node border
  Point dir;  // unit vector pointing into the node
};

Tip tip(const BezierPath& p, bool at_end) {
  const Point a = at_end ? p[p.size() - 2] : p[1], b = at_end ? p.back() : p.front();
  double dx = b.x - a.x, dy = b.y - a.y;
  const double len = std::hypot(dx, dy);
  if (len < 1e-6) return {b, {0, 1}};
  return {b, {dx / len, dy / len}};
}

// How far the line stops short of the border so that the marker's tip, not the line, touches it.
double marker_inset(Head h, double line_width) {
  switch (h) {
    case Head::arrow: return 6 + line_width / 2;
    case Head::circle: return 9;
    case Head::cross: return 4;
    default: return 0;
  }
}

void shorten(BezierPath& p, bool at_end, double by) {
  if (by <= 0 || p.size() < 2) return;
  const Tip t = tip(p, at_end);
  Point& end = at_end ? p.back() : p.front();
  Point& control = at_end ? p[p.size() - 2] : p[1];
  end.x -= t.dir.x * by;
  end.y -= t.dir.y * by;
  control.x -= t.dir.x * by;
  control.y -= t.dir.y * by;
}

void draw_marker(cairo_t* cr, Head head, const Tip& t, const Color& color, double line_width) {
  const double px = -t.dir.y, py = t.dir.x;  // perpendicular
  set_color(cr, color);
  set_dash(cr, {});
  if (head == Head::arrow) {
    const double len = 8 + line_width, half = 4 + line_width / 2;
    const Point base{t.at.x - t.dir.x * len, t.at.y - t.dir.y * len};
    polygon(cr, {t.at, {base.x + px * half, base.y + py * half}, {base.x - px * half, base.y - py * half}});
    cairo_fill(cr);
  } else if (head == Head::circle) {
    cairo_new_path(cr);
    cairo_arc(cr, t.at.x - t.dir.x * 5, t.at.y - t.dir.y * 5, 4.5, 0, 2 * pi);
    cairo_fill(cr);
  } else if (head == Head::cross) {
    const Point c{t.at.x - t.dir.x * 5, t.at.y - t.dir.y * 5};
    const double s = 4.5;
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, c.x - (t.dir.x + px) * s, c.y - (t.dir.y + py) * s);
    cairo_line_to(cr, c.x + (t.dir.x + px) * s, c.y + (t.dir.y + py) * s);
    cairo_move_to(cr, c.x - (t.dir.x - px) * s, c.y - (t.dir.y - py) * s);
    cairo_line_to(cr, c.x + (t.dir.x - px) * s, c.y + (t.dir.y - py) * s);
    cairo_stroke(cr);
  }
}

void draw_edge(cairo_t* cr, const LaidOutEdge& e) {
  if (e.line == LineStyle::invisible || e.path.size() < 2) return;
  const Tip end_tip = tip(e.path, true), start_tip = tip(e.path, false);
  BezierPath path = e.path;
  shorten(path, true, marker_inset(e.end, e.width));
  shorten(path, false, marker_inset(e.start, e.width));
  cairo_new_path(cr);
  cairo_move_to(cr, path[0].x, path[0].y);
  if ((path.size() - 1) % 3 == 0) {
    for (std::size_t i = 1; i + 2 < path.size(); i += 3)
      cairo_curve_to(cr, path[i].x, path[i].y, path[i + 1].x, path[i + 1].y, path[i + 2].x, path[i + 2].y);
  } else {
    for (std::size_t i = 1; i < path.size(); ++i) cairo_line_to(cr, path[i].x, path[i].y);
  }
  set_color(cr, e.color);
  cairo_set_line_width(cr, e.width);
  set_dash(cr, e.dash);
  cairo_stroke(cr);
  set_dash(cr, {});
  if (e.end != Head::none) draw_marker(cr, e.end, end_tip, e.color, e.width);
  if (e.start != Head::none) draw_marker(cr, e.start, start_tip, e.color, e.width);  // points into the source
}

void draw_edge_label(cairo_t* cr, const LaidOutEdge& e, const Theme& theme) {
  if (!e.label || e.line == LineStyle::invisible) return;
  cairo_new_path(cr);
  cairo_rectangle(cr, e.label_box.x, e.label_box.y, e.label_box.width, e.label_box.height);
  set_color(cr, theme.edge_label_background);
  cairo_fill(cr);
  set_color(cr, e.label_color);
  e.label->draw(cr, e.label_box.x, e.label_box.y);
}

}  // namespace

void draw_flowchart(const FlowLayout& layout, cairo_t* cr) {
  cairo_save(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  set_color(cr, layout.theme.background);
  cairo_paint(cr);
  if (layout.title) {
    set_color(cr, layout.theme.cluster_text);
    layout.title->draw(cr, layout.title_box.x, layout.title_box.y);
  }
  for (const auto& c : layout.clusters) draw_cluster(cr, c);
  for (const auto& e : layout.edges) draw_edge(cr, e);
  for (const auto& n : layout.nodes) draw_node(cr, n);
  // Labels last: they sit on top of the edges that pass under them.
  for (const auto& e : layout.edges) draw_edge_label(cr, e, layout.theme);
  cairo_restore(cr);
}

}  // namespace pp::figure::mermaid
