// Raster images (PNG, JPEG, WebP) as cairo surfaces for drawing into a PDF page. JPEGs are never decoded:
// their bytes ride along as mime data and cairo's PDF backend embeds them as they are (DCTDecode). Nor are
// opaque 8-bit PNGs (media/png_stream.hpp): cairo embeds no PNG data, so such a surface carries a JPEG
// that is only a header, holding the image's size and a marker; pdf_finish then puts the PNG's data in
// place of the stream cairo wrote from it (pdf/pdf_finish.hpp).
#pragma once

#include "pdf/pdf_finish.hpp"
#include "text/gobject_ptr.hpp"

#include <cairo.h>

#include <cstdint>
#include <memory>
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
  // A PNG embedded undecoded: what pdf_finish puts in place of the placeholder stream cairo writes for
  // it (its marker, its IDAT data with the filter and predictor that turn it back into rows). Null otherwise.
  std::shared_ptr<const ImageStream> pdf_stream;
};

// The image, or a lower-case reason for a warning ("not a PNG, JPEG or WebP image", "image is 20000 x 20000
// pixels, over the 100-megapixel limit", "corrupt PNG: ..."). Images over `max_pixels` are refused from their
// header, before any decoding. The type is taken from the content, never a
// file name. Each surface carries a content hash as CAIRO_MIME_TYPE_UNIQUE_ID, so one image placed twice is
// embedded once in the PDF.
std::variant<PageImage, std::string> load_page_image(const std::string& bytes, std::uint64_t max_pixels);

// The JPEG, all header, that stands in for an undecoded PNG: SOI, a comment holding `marker`, a baseline
// frame header with the size and component count (1 or 3), EOI. cairo reads the size from it and copies it
// into the PDF as the image's stream. JPEG's fields are 16-bit: a marker over 65,533 bytes is refused.
std::string placeholder_jpeg(std::uint16_t width, std::uint16_t height, int components, const std::string& marker);

// Paints the whole image scaled into the box (user-space units; the aspect ratio is the caller's business).
void draw_page_image(cairo_t* cr, const PageImage& image, double x, double y, double width, double height);

}  // namespace pp::pdf
