// CSS-like declaration lists of `style`, `classDef` and `linkStyle`: "fill:#f9f,stroke-width:4px".
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pp::figure::mermaid::syntax {

// Splits on ',' (except `\,` and commas inside parentheses such as rgb(1,2,3)), each item `property:value`.
// Items without a ':' are returned in `bad_items`.
Style parse_style_list(std::string_view text, std::vector<std::string>& bad_items);

// Adds declarations; a property already present is replaced in place.
void merge_style(Style& into, const Style& from);

}  // namespace pp::figure::mermaid::syntax
