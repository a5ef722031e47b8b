#include "text/recorded_pdf_surface.hpp"

#include <cairo-pdf.h>

namespace pp::text {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

RecordedPdfSurface::RecordedPdfSurface(std::string& out, double width, double height)
    : surface_(cairo_pdf_surface_create_for_stream(append_to_string, &out, width, height)) {}

}  // namespace pp::text
