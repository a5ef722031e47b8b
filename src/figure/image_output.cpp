// Cairo surfaces writing into memory.
#include "figure/image_output.hpp"

#include "base/civil_time.hpp"
#include "media/png_writer.hpp"
#include "text/gobject_ptr.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <new>
#include <stdexcept>

#include <sys/mman.h>

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

// Zeroed memory for a raster, in 2 MB pages where the kernel offers them: a 2x figure is tens of
// megabytes, and faulting it in 4 KB at a time cost more than drawing it (docs/benchmarks.md).
class PixelBuffer {
 public:
  PixelBuffer() = default;
  PixelBuffer(const PixelBuffer&) = delete;
  PixelBuffer& operator=(const PixelBuffer&) = delete;
  ~PixelBuffer() {
    if (map_ != MAP_FAILED) ::munmap(map_, map_size_);
  }
  void allocate(std::size_t bytes) {
    constexpr std::size_t huge = 2u << 20;
    map_size_ = bytes + huge;
    map_ = ::mmap(nullptr, map_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map_ == MAP_FAILED) throw std::bad_alloc();
    auto start = (reinterpret_cast<std::uintptr_t>(map_) + huge - 1) & ~(std::uintptr_t{huge} - 1);
    data_ = reinterpret_cast<unsigned char*>(start);
    ::madvise(data_, bytes, MADV_HUGEPAGE);  // advice only: without THP it is plain pages
  }
  unsigned char* data() const { return data_; }

 private:
  void* map_ = MAP_FAILED;
  std::size_t map_size_ = 0;
  unsigned char* data_ = nullptr;
};

void check(cairo_surface_t* s) {
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("internal error: cairo surface: ") + cairo_status_to_string(cairo_surface_status(s)));
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
  std::string out;
  PixelBuffer pixels;  // outlives the surface that draws into it
  width = std::max(1.0, std::ceil(width));
  height = std::max(1.0, std::ceil(height));
  text::SurfacePtr surface;  // after `pixels`, so destroyed first, even when drawing throws
  double scale = 1;
  switch (request.format) {
    case ImageFormat::svg:
      surface.reset(cairo_svg_surface_create_for_stream(append, &out, width, height));
      cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PX);
      break;
    case ImageFormat::pdf: {
      scale = 0.75;
      surface.reset(cairo_pdf_surface_create_for_stream(append, &out, width * scale, height * scale));
      const auto t = base::iso8601_utc(request.pdf_timestamp);
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, t.c_str());
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "postpress");
      break;
    }
    case ImageFormat::png: {
      scale = fitted_png_scale(width, height, request.png_scale, request.max_pixels);
      const int w = static_cast<int>(std::ceil(width * scale)), h = static_cast<int>(std::ceil(height * scale));
      const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w);
      pixels.allocate(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h));
      surface.reset(cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_ARGB32, w, h, stride));
      break;
    }
  }
  check(surface.get());
  text::CairoPtr cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), scale, scale);
  draw(cr.get());
  const cairo_status_t status = cairo_status(cr.get());
  cr.reset();
  if (request.format == ImageFormat::png) out = encode(surface.get());
  cairo_surface_finish(surface.get());  // SVG and PDF surfaces write their last bytes into `out` here
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("internal error: cairo: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace pp::figure
