#include "text/recorded_pdf_surface.hpp"

#include <cairo-pdf.h>

namespace pp::text {

RecordedPdfSurface::RecordedPdfSurface(cairo_write_func_t write, void* closure, double width, double height)
    : surface_(cairo_pdf_surface_create_for_stream(write, closure, width, height)) {}

}  // namespace pp::text
