// Small drawing helpers shared by the figure renderers.
#pragma once

#include "figure/css_color.hpp"
#include "figure/geometry.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace pp::figure {

inline constexpr double pi = std::numbers::pi;

inline void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

inline void set_dash(cairo_t* cr, const std::vector<double>& dash) {
  cairo_set_dash(cr, dash.empty() ? nullptr : dash.data(), static_cast<int>(dash.size()), 0);
}

inline void rounded_rect(cairo_t* cr, const Box& b, double r) {
  r = std::min({r, b.width / 2, b.height / 2});
  cairo_new_sub_path(cr);
  cairo_arc(cr, b.right() - r, b.y + r, r, -pi / 2, 0);
  cairo_arc(cr, b.right() - r, b.bottom() - r, r, 0, pi / 2);
  cairo_arc(cr, b.x + r, b.bottom() - r, r, pi / 2, pi);
  cairo_arc(cr, b.x + r, b.y + r, r, pi, 3 * pi / 2);
  cairo_close_path(cr);
}

inline void polygon(cairo_t* cr, const std::vector<Point>& points) {
  cairo_new_path(cr);
  for (std::size_t i = 0; i < points.size(); ++i)
    i == 0 ? cairo_move_to(cr, points[i].x, points[i].y) : cairo_line_to(cr, points[i].x, points[i].y);
  cairo_close_path(cr);
}

inline void ellipse(cairo_t* cr, double cx, double cy, double rx, double ry) {
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_scale(cr, std::max(rx, 0.01), std::max(ry, 0.01));
  cairo_new_sub_path(cr);
  cairo_arc(cr, 0, 0, 1, 0, 2 * pi);
  cairo_restore(cr);
}

// Fills with `fill`, then strokes with `stroke` at `width` (no stroke when width <= 0).
inline void fill_and_stroke(cairo_t* cr, const Color& fill, const Color& stroke, double width,
                            const std::vector<double>& dash = {}) {
  set_color(cr, fill);
  cairo_fill_preserve(cr);
  if (width > 0) {
    set_color(cr, stroke);
    cairo_set_line_width(cr, width);
    set_dash(cr, dash);
    cairo_stroke(cr);
    set_dash(cr, {});
  } else {
    cairo_new_path(cr);
  }
}

}  // namespace pp::figure
