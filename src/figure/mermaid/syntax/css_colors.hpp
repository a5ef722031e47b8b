// CSS colour names, to split `box Aqua Team` into a colour and a title as browsers do for Mermaid.
#pragma once

#include <string_view>

namespace pp::figure::mermaid::syntax {

// A CSS named colour (any letter case), `transparent`, `#rgb`/`#rrggbb`(aa), or an rgb()/rgba()/hsl()/hsla() call.
bool is_css_color(std::string_view word);

}  // namespace pp::figure::mermaid::syntax
