// A figure's PNG from bands drawn on demand: in turn, or drawn and encoded at once on two threads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace pp::media {

// Fills `pixels` (rows `stride` bytes apart, premultiplied native-endian ARGB32, as Cairo draws) with
// rows [first, first + band_rows) of the picture.
using DrawBand = std::function<void(std::size_t first, unsigned char* pixels)>;

// encode_png_argb32's PNG from bands drawn on demand into one band buffer, in turn with the encoding.
std::string encode_png_argb32_drawn(std::size_t width, std::size_t height, std::size_t band_rows, std::size_t stride,
                                    const DrawBand& draw);

// The same bytes with the encoding on a second thread: this thread draws band
// k + 1 while that one encodes band k, in two band buffers. For one big figure (`postpress mermaid`),
// where drawing and encoding take about the same time. Bands are drawn on the calling thread only, so
// `draw` may use the caller's Pango and Cairo objects. An exception from `draw` or from encoding stops
// both threads and is rethrown here.
std::string encode_png_argb32_while_drawing(std::size_t width, std::size_t height, std::size_t band_rows,
                                            std::size_t stride, const DrawBand& draw);

}  // namespace pp::media
