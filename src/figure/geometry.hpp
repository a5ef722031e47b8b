// Plain geometry for laid-out figures, in CSS pixels with y growing downwards.
#pragma once

#include <vector>

namespace pp::figure {

struct Point {
  double x = 0, y = 0;
};

struct Box {
  double x = 0, y = 0, width = 0, height = 0;  // top-left corner and size
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  Point center() const { return {x + width / 2, y + height / 2}; }
  bool contains(const Box& o, double slack = 0.5) const {
    return o.x >= x - slack && o.y >= y - slack && o.right() <= right() + slack && o.bottom() <= bottom() + slack;
  }
  bool overlaps(const Box& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
};

// A cubic Bezier path: points[0], then three points per segment (control, control, end).
using BezierPath = std::vector<Point>;

}  // namespace pp::figure
