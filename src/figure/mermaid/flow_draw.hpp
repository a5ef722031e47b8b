// Draws a laid-out flowchart into any cairo_t (SVG, PNG or PDF surface) in Mermaid's default look.
#pragma once

#include "figure/mermaid/flow_layout.hpp"

#include <cairo.h>

namespace pp::figure::mermaid {

// User units are CSS pixels; the caller scales for the surface.
void draw_flowchart(const FlowLayout& layout, cairo_t* cr);

}  // namespace pp::figure::mermaid
