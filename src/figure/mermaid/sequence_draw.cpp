// Sequence drawing: svgDraw.js shapes and styles.js strokes (mermaid-notes.md 3.1 and 4).
#include "figure/mermaid/sequence_draw.hpp"

#include "figure/cairo_util.hpp"

#include <cmath>

namespace pp::figure::mermaid {

namespace {

void centered_text(cairo_t* cr, const TextPtr& t, double cx, double cy, const Color& color) {
  if (!t) return;
  set_color(cr, color);
  t->draw(cr, cx - t->width() / 2, cy - t->height() / 2);
}

void stick_figure(cairo_t* cr, const Box& b, const Theme& theme) {
  const double cx = b.center().x, top = b.y + 2;
  set_color(cr, theme.actor_stroke);
  cairo_set_line_width(cr, 2);
  cairo_new_path(cr);
  cairo_arc(cr, cx, top + 8, 8, 0, 2 * pi);
  set_color(cr, theme.actor_fill);
  cairo_fill_preserve(cr);
  set_color(cr, theme.actor_stroke);
  cairo_stroke(cr);
  cairo_move_to(cr, cx, top + 16);
  cairo_line_to(cr, cx, top + 34);
  cairo_move_to(cr, cx - 14, top + 22);
  cairo_line_to(cr, cx + 14, top + 22);
  cairo_move_to(cr, cx - 12, top + 46);
  cairo_line_to(cr, cx, top + 34);
  cairo_line_to(cr, cx + 12, top + 46);
  cairo_stroke(cr);
}

void participant(cairo_t* cr, const SeqParticipant& p, const Box& b, const Theme& theme) {
  if (p.actor) {
    stick_figure(cr, b, theme);
    if (p.label) {
      set_color(cr, theme.actor_text);
      p.label->draw(cr, b.center().x - p.label->width() / 2, b.bottom() - p.label->height());
    }
    return;
  }
  rounded_rect(cr, b, 3);
  fill_and_stroke(cr, theme.actor_fill, theme.actor_stroke, 1);
  centered_text(cr, p.label, b.center().x, b.center().y, theme.actor_text);
}

bool dotted(Arrow a) {
  return a == Arrow::dotted_line || a == Arrow::dotted_arrow || a == Arrow::dotted_cross ||
         a == Arrow::dotted_open_arrow || a == Arrow::dotted_both;
}

void arrow_head(cairo_t* cr, Point tip, double dx, double dy, Arrow a, const Color& color) {
  const double px = -dy, py = dx;
  set_color(cr, color);
  switch (a) {
    case Arrow::solid_arrow: case Arrow::dotted_arrow: case Arrow::solid_both: case Arrow::dotted_both:
      polygon(cr, {tip, {tip.x - dx * 10 + px * 5, tip.y - dy * 10 + py * 5}, {tip.x - dx * 10 - px * 5, tip.y - dy * 10 - py * 5}});
      cairo_fill(cr);
      break;
    case Arrow::solid_cross: case Arrow::dotted_cross: {
      const Point c{tip.x - dx * 6, tip.y - dy * 6};
      cairo_set_line_width(cr, 2);
      cairo_move_to(cr, c.x - 5 * (dx + px), c.y - 5 * (dy + py));
      cairo_line_to(cr, c.x + 5 * (dx + px), c.y + 5 * (dy + py));
      cairo_move_to(cr, c.x - 5 * (dx - px), c.y - 5 * (dy - py));
      cairo_line_to(cr, c.x + 5 * (dx - px), c.y + 5 * (dy - py));
      cairo_stroke(cr);
      break;
    }
    case Arrow::solid_open_arrow: case Arrow::dotted_open_arrow:
      cairo_set_line_width(cr, 1.5);
      cairo_move_to(cr, tip.x - dx * 9 + px * 5, tip.y - dy * 9 + py * 5);
      cairo_line_to(cr, tip.x, tip.y);
      cairo_line_to(cr, tip.x - dx * 9 - px * 5, tip.y - dy * 9 - py * 5);
      cairo_stroke(cr);
      break;
    default: break;
  }
}

void message(cairo_t* cr, const SeqMessage& m, const Theme& theme) {
  set_color(cr, theme.signal);
  cairo_set_line_width(cr, 1.5);
  set_dash(cr, dotted(m.arrow) ? std::vector<double>{3, 3} : std::vector<double>{});
  cairo_new_path(cr);
  Point end = m.to;
  double dx = 0, dy = 0;
  if (m.self) {
    // A loop out to the right and back onto the same lifeline.
    cairo_move_to(cr, m.from.x, m.from.y);
    cairo_curve_to(cr, m.from.x + 60, m.from.y - 10, m.from.x + 60, m.to.y + 10, m.from.x + 3, m.to.y);
    dx = -1;
    end = {m.from.x + 1, m.to.y};
  } else {
    const double dir = m.to.x > m.from.x ? 1 : -1;
    end = {m.to.x - dir * 1, m.to.y};
    cairo_move_to(cr, m.from.x, m.from.y);
    cairo_line_to(cr, end.x - dir * 4, end.y);
    dx = dir;
  }
  cairo_stroke(cr);
  set_dash(cr, {});
  arrow_head(cr, end, dx, dy, m.arrow, theme.signal);
  if ((m.arrow == Arrow::solid_both || m.arrow == Arrow::dotted_both) && !m.self)
    arrow_head(cr, m.from, -dx, 0, m.arrow, theme.signal);
  if (m.label) {
    set_color(cr, theme.signal);
    m.label->draw(cr, m.label_box.x, m.label_box.y);
  }
  if (m.number) {
    cairo_new_path(cr);
    cairo_arc(cr, m.from.x, m.from.y, 9, 0, 2 * pi);
    set_color(cr, theme.signal);
    cairo_fill(cr);
    centered_text(cr, m.number, m.from.x, m.from.y, theme.sequence_number);
  }
}

void frame(cairo_t* cr, const SeqFrame& f, const Theme& theme) {
  if (f.fill) {
    cairo_new_path(cr);
    cairo_rectangle(cr, f.box.x, f.box.y, f.box.width, f.box.height);
    set_color(cr, *f.fill);
    cairo_fill(cr);
    return;
  }
  set_color(cr, theme.label_box_stroke);
  cairo_set_line_width(cr, 2);
  set_dash(cr, {2, 2});
  cairo_new_path(cr);
  cairo_rectangle(cr, f.box.x, f.box.y, f.box.width, f.box.height);
  cairo_stroke(cr);
  for (const auto& [y, label] : f.dividers) {
    cairo_move_to(cr, f.box.x, y);
    cairo_line_to(cr, f.box.right(), y);
    cairo_stroke(cr);
  }
  set_dash(cr, {});
  // The kind's tab: 50 x 20 with its lower right corner cut.
  const double x = f.box.x, y = f.box.y, w = std::max(50.0, (f.kind_label ? f.kind_label->width() : 0) + 16), h = 20;
  polygon(cr, {{x, y}, {x + w, y}, {x + w, y + h - 7}, {x + w - 8, y + h}, {x, y + h}});
  fill_and_stroke(cr, theme.label_box_fill, theme.label_box_stroke, 1);
  if (f.kind_label) {
    set_color(cr, theme.loop_text);
    f.kind_label->draw(cr, x + (w - 8 - f.kind_label->width()) / 2 + 2, y + (h - f.kind_label->height()) / 2);
  }
  if (f.condition) {
    set_color(cr, theme.loop_text);
    f.condition->draw(cr, f.box.center().x - f.condition->width() / 2 + w / 4, y + 2);
  }
  for (const auto& [dy, label] : f.dividers)
    if (label) {
      set_color(cr, theme.loop_text);
      label->draw(cr, f.box.center().x - label->width() / 2, dy + 2);
    }
}

}  // namespace

void draw_sequence(const SequenceLayout& l, cairo_t* cr) {
  cairo_save(cr);
  set_color(cr, l.theme.background);
  cairo_paint(cr);
  if (l.title) {
    set_color(cr, l.theme.cluster_text);
    l.title->draw(cr, l.title_box.x, l.title_box.y);
  }
  for (const auto& b : l.boxes) {
    cairo_new_path(cr);
    cairo_rectangle(cr, b.box.x, b.box.y, b.box.width, b.box.height);
    fill_and_stroke(cr, b.fill.value_or(Color{0, 0, 0, 0}), Color{0.6, 0.6, 0.6, 1}, b.fill ? 0 : 1);
    if (b.label) {
      set_color(cr, l.theme.actor_text);
      b.label->draw(cr, b.box.center().x - b.label->width() / 2, b.box.y + 4);
    }
  }
  for (const auto& f : l.frames)
    if (f.fill) frame(cr, f, l.theme);
  set_color(cr, l.theme.actor_line);
  cairo_set_line_width(cr, 1);
  for (const auto& p : l.participants) {
    cairo_move_to(cr, p.x, p.top.bottom());
    cairo_line_to(cr, p.x, p.bottom.y);
  }
  cairo_stroke(cr);
  for (const auto& a : l.activations) {
    cairo_new_path(cr);
    cairo_rectangle(cr, a.box.x, a.box.y, a.box.width, a.box.height);
    fill_and_stroke(cr, l.theme.activation_fill, l.theme.activation_stroke, 1);
  }
  for (const auto& f : l.frames)
    if (!f.fill) frame(cr, f, l.theme);
  for (const auto& p : l.participants) {
    participant(cr, p, p.top, l.theme);
    participant(cr, p, p.bottom, l.theme);
  }
  for (const auto& n : l.notes) {
    cairo_new_path(cr);
    cairo_rectangle(cr, n.box.x, n.box.y, n.box.width, n.box.height);
    fill_and_stroke(cr, l.theme.note_fill, l.theme.note_stroke, 1);
    centered_text(cr, n.text, n.box.center().x, n.box.center().y, l.theme.note_text);
  }
  for (const auto& m : l.messages) message(cr, m, l.theme);
  cairo_restore(cr);
}

}  // namespace pp::figure::mermaid
