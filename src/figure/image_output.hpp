// Renders a drawing into SVG, PNG or PDF bytes through the matching Cairo surface.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <functional>
#include <string>

namespace pp::figure {

enum class ImageFormat { svg, png, pdf };

// "svg", "png", "pdf": a file extension and the part of a content key that tells the formats apart.
inline const char* extension_of(ImageFormat format) {
  return format == ImageFormat::svg ? "svg" : format == ImageFormat::png ? "png" : "pdf";
}

// Raster limits: Cairo cannot make an image side over 32767 px, and a picture over 40 megapixels costs
// gigabytes for nothing a reader can see.
inline constexpr double max_png_side = 32767;
inline constexpr double max_png_pixels = 40'000'000;
// What an ebook's images may hold: Apple Books refuses larger images, no reader shows more, and a tall
// figure at 2x would spend most of its time in PNG encoding.
inline constexpr double ebook_png_pixels = 4'000'000;

struct ImageRequest {
  ImageFormat format = ImageFormat::svg;
  double png_scale = 2;                // device pixels per CSS pixel (lowered to fit max_pixels and the side limit)
  double max_pixels = max_png_pixels;  // a PNG's pixel budget
  std::int64_t pdf_timestamp = 0;      // seconds since the epoch, for a reproducible PDF CreationDate
  // The drawing starts by painting every pixel opaque (a background), so a PNG band needs no clearing
  // first (0.8 ms of 12 on a 7-megapixel figure).
  bool opaque_background = false;
  // A PNG's encoding runs on a second thread while this one draws the next band: for one big figure on
  // its own (`postpress mermaid`), not for figures already rendered in parallel. Same bytes either way.
  bool encode_on_second_thread = false;
};

// The scale a PNG of width x height CSS px is drawn at: the requested one, or less to fit the limits.
double fitted_png_scale(double width, double height, double requested, double max_pixels = max_png_pixels);

// `draw` paints in CSS pixels over [0, width] x [0, height]; a PNG calls it once per band of rows. SVG
// keeps text as glyph outlines (no font needed by the reader); PDF is vector with 1 px = 0.75 pt, as
// browsers print.
std::string render_image(double width, double height, const ImageRequest& request,
                         const std::function<void(cairo_t*)>& draw);

}  // namespace pp::figure
