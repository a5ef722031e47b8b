// Renders a drawing into SVG, PNG or PDF bytes through the matching Cairo surface.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <functional>
#include <string>

namespace pp::figure {

enum class ImageFormat { svg, png, pdf };

struct ImageRequest {
  ImageFormat format = ImageFormat::svg;
  double png_scale = 2;            // device pixels per CSS pixel
  std::int64_t pdf_timestamp = 0;  // seconds since the epoch, for a reproducible PDF CreationDate
};

// `draw` paints in CSS pixels over [0, width] x [0, height]. SVG keeps text as glyph outlines (no font
// needed by the reader); PDF is vector with 1 px = 0.75 pt, as browsers print.
std::string render_image(double width, double height, const ImageRequest& request,
                         const std::function<void(cairo_t*)>& draw);

}  // namespace pp::figure
