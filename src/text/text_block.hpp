// A measured block of text: a Pango layout at a font size, wrapped at a width, drawable into any cairo_t.
#pragma once

#include "text/gobject_ptr.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pp::text {

struct TextStyle {
  std::string family = "Liberation Sans";
  double size_px = 16;
  double line_height_px = 24;  // baseline to baseline; Mermaid's HTML labels use 1.5 x the font size
  bool bold = false;
  bool italic = false;
  enum class Align { left, center, right } align = Align::center;
};

class TextBlock {
 public:
  // `markup` is Pango markup (see markup_from_plain / markup_from_markdown). Lines wider than `wrap_px`
  // wrap at word boundaries, and between CJK characters; nullopt never wraps.
  TextBlock(PangoContext* context, const std::string& markup, const TextStyle& style, std::optional<double> wrap_px);

  double width() const { return width_; }
  double height() const { return height_; }
  int line_count() const;
  std::string text() const;  // as laid out: markup applied, not shown

  // Draws with the block's top-left corner at (x, y) in cr's user space, in cr's current source colour.
  void draw(cairo_t* cr, double x, double y) const;

 private:
  GObjectPtr<PangoLayout> layout_;
  double width_ = 0;
  double height_ = 0;
};

// Escapes text for Pango markup ('\n' stays a line break).
std::string markup_from_plain(std::string_view text);

// Mermaid markdown strings: **bold**, __bold__, *italic*, _italic_; everything else escaped.
std::string markup_from_markdown(std::string_view text);

}  // namespace pp::text
