// Draws a laid-out sequence diagram into any cairo_t, in Mermaid's default look.
#pragma once

#include "figure/mermaid/sequence_layout.hpp"

#include <cairo.h>

namespace pp::figure::mermaid {

void draw_sequence(const SequenceLayout& layout, cairo_t* cr);

}  // namespace pp::figure::mermaid
