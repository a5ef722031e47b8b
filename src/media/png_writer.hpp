// PNG encoding of RGBA pixels: small, lossless and readable by every reading system.
#pragma once

#include "media/webp_image.hpp"

#include <string>

namespace pp::media {

// A PNG (8-bit RGBA, no interlace) with the same bytes for the same pixels.
std::string encode_png(const RgbaImage& image);

}  // namespace pp::media
