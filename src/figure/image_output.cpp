// Cairo surfaces writing into memory.
#include "figure/image_output.hpp"

#include "base/civil_time.hpp"
#include "media/pipelined_png.hpp"
#include "text/gobject_ptr.hpp"
#include "text/recorded_pdf_surface.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace pp::figure {

namespace {

void check(cairo_surface_t* s) {
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("internal error: cairo surface: ") + cairo_status_to_string(cairo_surface_status(s)));
}

void check(cairo_status_t status) {
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("internal error: cairo: ") + cairo_status_to_string(status));
}

// Drawn into one band of rows at a time, which the encoder takes before the next is drawn: the whole raster
// of a tall 2x figure is ~30 MB that the kernel would fault in and zero, and that would fall out of the
// cache between drawing and encoding. Each band calls `draw` again, translated: what lies outside the band
// is dropped by Cairo before any pixel work. (Replaying one recording instead made Cairo draw each band
// into a scratch image, clear it and composite it over the band: 2 ms more on a 7-megapixel figure.)
std::string render_png(double width, double height, const ImageRequest& request, const std::function<void(cairo_t*)>& draw) {
  const double scale = fitted_png_scale(width, height, request.png_scale, request.max_pixels);
  const int w = static_cast<int>(std::ceil(width * scale)), h = static_cast<int>(std::ceil(height * scale));
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w);
  const int band_rows = std::min(h, std::max(16, (1 << 21) / stride));  // 2 MB: measured best of 0.25-4 MB
  const std::size_t band_bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(band_rows);
  const auto draw_band = [&](std::size_t first, unsigned char* pixels) {
    if (!request.opaque_background) std::fill(pixels, pixels + band_bytes, 0);
    text::SurfacePtr band(cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, w, band_rows, stride));
    check(band.get());
    text::CairoPtr cr(cairo_create(band.get()));
    cairo_translate(cr.get(), 0, -static_cast<double>(first));
    cairo_scale(cr.get(), scale, scale);
    draw(cr.get());
    const cairo_status_t status = cairo_status(cr.get());
    cr.reset();
    cairo_surface_flush(band.get());
    check(status);
  };
  const auto encode = request.encode_on_second_thread ? media::encode_png_argb32_while_drawing : media::encode_png_argb32_drawn;
  return encode(static_cast<std::size_t>(w), static_cast<std::size_t>(h), static_cast<std::size_t>(band_rows),
                static_cast<std::size_t>(stride), draw_band);
}

}  // namespace

double fitted_png_scale(double width, double height, double requested, double max_pixels) {
  width = std::max(1.0, std::ceil(width));
  height = std::max(1.0, std::ceil(height));
  // Pixel sides are rounded up: the largest s with (w s + 1)(h s + 1) <= budget, so even a very tall,
  // narrow picture stays within it.
  const double budget = std::min(max_pixels, max_png_pixels), sum = width + height, product = width * height;
  const double by_pixels = (std::sqrt(sum * sum + 4 * product * (budget - 1)) - sum) / (2 * product);
  return std::min({requested, (max_png_side - 1) / width, (max_png_side - 1) / height, by_pixels});
}

std::string render_image(double width, double height, const ImageRequest& request,
                         const std::function<void(cairo_t*)>& draw) {
  width = std::max(1.0, std::ceil(width));
  height = std::max(1.0, std::ceil(height));
  if (request.format == ImageFormat::png) return render_png(width, height, request, draw);
  std::string out;
  text::SurfacePtr svg;
  std::optional<text::RecordedPdfSurface> pdf;  // records its glyphs: text/recorded_pdf_surface.hpp
  cairo_surface_t* surface = nullptr;
  double scale = 1;
  if (request.format == ImageFormat::svg) {
    svg.reset(cairo_svg_surface_create_for_stream(text::append_to_string, &out, width, height));
    surface = svg.get();
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  } else {
    scale = 0.75;
    surface = pdf.emplace(out, width * scale, height * scale).get();
    const auto t = base::iso8601_utc(request.pdf_timestamp);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, t.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "postpress");
  }
  check(surface);
  text::CairoPtr cr(cairo_create(surface));
  cairo_scale(cr.get(), scale, scale);
  draw(cr.get());
  const cairo_status_t status = cairo_status(cr.get());
  cr.reset();
  cairo_surface_finish(surface);  // SVG and PDF surfaces write their last bytes into `out` here
  check(status);
  return out;
}

}  // namespace pp::figure
