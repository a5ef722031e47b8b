// Cairo surfaces writing into memory.
#include "figure/image_output.hpp"

#include "base/civil_time.hpp"
#include "media/png_writer.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace pp::figure {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Cairo's own PNG writer (libpng, adaptive filters) spends ~98% of a diagram's time choosing filters;
// ours encodes flat-colour figures much faster at a similar size (docs/benchmarks.md).
std::string encode(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  return media::encode_png_argb32(cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                                  cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface));
}

void check(cairo_surface_t* s) {
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("internal error: cairo surface: ") + cairo_status_to_string(cairo_surface_status(s)));
}

}  // namespace

double fitted_png_scale(double width, double height, double requested) {
  width = std::max(1.0, std::ceil(width));
  height = std::max(1.0, std::ceil(height));
  return std::min({requested, (max_png_side - 1) / width, (max_png_side - 1) / height,
                   std::sqrt(max_png_pixels / (width * height))});
}

std::string render_image(double width, double height, const ImageRequest& request,
                         const std::function<void(cairo_t*)>& draw) {
  std::string out;
  width = std::max(1.0, std::ceil(width));
  height = std::max(1.0, std::ceil(height));
  cairo_surface_t* surface = nullptr;
  double scale = 1;
  switch (request.format) {
    case ImageFormat::svg:
      surface = cairo_svg_surface_create_for_stream(append, &out, width, height);
      cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
      break;
    case ImageFormat::pdf: {
      scale = 0.75;
      surface = cairo_pdf_surface_create_for_stream(append, &out, width * scale, height * scale);
      const auto t = base::iso8601_utc(request.pdf_timestamp);
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, t.c_str());
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "postpress");
      break;
    }
    case ImageFormat::png:
      scale = fitted_png_scale(width, height, request.png_scale);
      surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(std::ceil(width * scale)),
                                           static_cast<int>(std::ceil(height * scale)));
      break;
  }
  check(surface);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  draw(cr);
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (request.format == ImageFormat::png) out = encode(surface);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("internal error: cairo: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace pp::figure
