// Raster images (PNG, JPEG, WebP) as cairo surfaces for drawing into a PDF page. JPEGs are never decoded:
// their bytes ride along as mime data and cairo's PDF backend embeds them as they are (DCTDecode).
#pragma once

#include "text/gobject_ptr.hpp"

#include <cairo.h>

#include <cstdint>
#include <string>
#include <variant>

namespace pp::pdf {

// cairo's image surfaces cannot be wider or taller than this.
inline constexpr int max_page_image_side = 32767;

struct PageImage {
  // For a JPEG this surface's pixels are blank: only a PDF surface, which uses the attached JPEG bytes,
  // shows the picture. Never draw a PageImage into a raster or SVG surface. Never flush, mark dirty or draw
  // on the surface either: cairo then drops its mime data (the JPEG bytes and the unique id).
  text::SurfacePtr surface;
  int width = 0, height = 0;  // pixels
};

// The image, or a lower-case reason for a warning ("not a PNG, JPEG or WebP image", "image is 20000 x 20000
// pixels, over the 100-megapixel limit", "corrupt PNG: ..."). Images over `max_pixels` are refused from their
// header, before any decoding. The type is taken from the content, never a
// file name. Each surface carries a content hash as CAIRO_MIME_TYPE_UNIQUE_ID, so one image placed twice is
// embedded once in the PDF.
std::variant<PageImage, std::string> load_page_image(const std::string& bytes, std::uint64_t max_pixels);

// Paints the whole image scaled into the box (user-space units; the aspect ratio is the caller's business).
void draw_page_image(cairo_t* cr, const PageImage& image, double x, double y, double width, double height);

}  // namespace pp::pdf
