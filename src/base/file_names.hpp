// File names inside a publication: [a-z0-9_-] only, which every reading system and zip tool handles.
#pragma once

#include <string>
#include <string_view>

namespace pp::base {

// "Hero Image (v2)" -> "hero-image-v2"; other characters become single hyphens. Empty when nothing is left
// (a CJK-only name): callers choose their own fallback.
std::string ascii_file_stem(std::string_view name);

}  // namespace pp::base
