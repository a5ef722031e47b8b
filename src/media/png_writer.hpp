// PNG encoding of RGBA pixels: small, lossless and readable by every reading system.
#pragma once

#include "media/webp_image.hpp"

#include <cstddef>
#include <functional>
#include <string>

namespace pp::media {

// A PNG with the same bytes for the same pixels: 8-bit RGB when every pixel is opaque, else RGBA; every
// row "Up"-filtered and deflated by zlib at `zlib_level`; for photographs (WebP converted for readers
// that lack it).
std::string encode_png(const RgbaImage& image, int zlib_level = 6);

// The same from premultiplied, native-endian 32-bit ARGB rows (Cairo's image format), for rendered
// figures, made band by band: `bands(first, count)` returns rows [first, first + count), which need stay
// valid only until the next call, so a figure never holds its whole raster (~30 MB for a tall 2x figure,
// which the kernel would fault in and zero). Only the pixels that differ from the row above are
// converted, and the rows go through RowDeflater, which codes the long zero runs that "Up" filtering
// leaves in flat colour in time proportional to their count, not their length.
struct Argb32Band {
  const unsigned char* data;
  std::size_t stride;
};
using Argb32Bands = std::function<Argb32Band(std::size_t first, std::size_t count)>;
std::string encode_png_argb32(std::size_t width, std::size_t height, std::size_t band_rows, const Argb32Bands& bands);

}  // namespace pp::media
