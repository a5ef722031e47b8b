// PNG encoding of RGBA pixels: small, lossless and readable by every reading system.
#pragma once

#include "media/webp_image.hpp"

#include <string>

namespace pp::media {

// A PNG with the same bytes for the same pixels: 8-bit RGB when every pixel is opaque, else RGBA; every
// row "Up"-filtered. Rendered figures are large areas of flat colour, for which that filter and a fast
// zlib level give files as small as libpng's adaptive filtering at a fraction of the time.
std::string encode_png(const RgbaImage& image, int zlib_level = 6);

// The same from premultiplied, native-endian 32-bit ARGB rows (Cairo's image format), converted a row at a
// time as they are compressed (never a converted copy of the image), at zlib's fastest level: after "Up"
// filtering, flat areas are long runs of zeros.
std::string encode_png_argb32(const unsigned char* data, int width, int height, int stride);

}  // namespace pp::media
