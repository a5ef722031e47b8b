// Mermaid source through parse, Graphviz or sequence layout, and drawing onto a small in-memory surface.
#include "figure/mermaid/render.hpp"
#include "text/font_system.hpp"
#include "text/gobject_ptr.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// Layout time grows with the diagram; beyond this an input mostly measures Graphviz, not our code.
constexpr std::size_t max_input = 4096;
constexpr int surface_side = 64;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Loading the project's fontconfig setup and the first fonts takes long enough to look like a hang in
  // the first run.
  pp::text::FontSystem::for_this_thread();
  pp::figure::mermaid::prepare_diagram("graph TD\nA-->B\n", "en");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > max_input) return -1;
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  const auto result = pp::figure::mermaid::prepare_diagram(source, "en");
  if (!result.diagram) return 0;
  const auto& diagram = *result.diagram;
  const double w = diagram.width(), h = diagram.height();
  // Every output format sizes its surface from these.
  if (!std::isfinite(w) || !std::isfinite(h) || w < 0 || h < 0) std::abort();
  const pp::text::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, surface_side, surface_side));
  const pp::text::CairoPtr cr(cairo_create(surface.get()));
  const double scale = std::min(1.0, surface_side / std::max({w, h, 1.0}));
  cairo_scale(cr.get(), scale, scale);
  diagram.draw(cr.get());
  return 0;
}
