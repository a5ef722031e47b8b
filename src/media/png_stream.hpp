// A PNG's compressed image data, as a PDF can carry it unchanged.
//
// PDF's FlateDecode filter with a PNG predictor (ISO 32000-1 7.4.4.4, /Predictor 15) decodes exactly what a
// PNG's IDAT chunks hold: a zlib stream of rows, each led by its PNG filter byte. So a PNG need not be
// decoded, nor its pixels deflated again, to go into a PDF: the PDF writer copies the IDAT data
// (pdf/page_image.hpp). That is the file's own compression: for the zh sample's hero image, 18.5 KB where
// cairo's level-1 deflate of the decoded pixels made 52 KB. The zlib data itself is not checked (only the
// chunks' CRCs are): damaged data inside intact chunks goes into the PDF as it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pp::media {

struct PngStream {
  std::uint32_t width = 0, height = 0;
  int colours = 0;        // 1: grey, 3: RGB
  std::string zlib_data;  // the IDAT chunks' data, joined
};

// The image data of a PNG that a PDF shows as it is: 8-bit grey or RGB, not interlaced, with no
// transparency (an alpha channel or a tRNS chunk would need a separate mask, hence decoding). Every chunk's
// CRC must match, so damage in transit is caught here rather than shown by a reader as a broken picture;
// the zlib data itself is not inflated. nullopt for any other PNG (the caller decodes it) and for anything
// that is not a whole, well-formed PNG.
std::optional<PngStream> png_stream_for_pdf(std::string_view png);

}  // namespace pp::media
