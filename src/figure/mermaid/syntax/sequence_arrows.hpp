// Sequence-diagram message arrows (notes §2.3), including the half-arrow forms Mermaid 11.12 added.
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace pp::figure::mermaid::syntax {

struct ArrowMatch {
  std::size_t length = 0;
  Arrow arrow = Arrow::solid_arrow;
  bool reversed = false;  // `/|-` and friends: the head is at the sender
  bool half = false;      // a half arrowhead, drawn as a full one
};

// The arrow starting at s[k], longest form first; nullopt when none starts there.
std::optional<ArrowMatch> match_arrow(std::string_view s, std::size_t k);

}  // namespace pp::figure::mermaid::syntax
