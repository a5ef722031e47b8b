#include "media/png_stream.hpp"

#include "base/big_endian.hpp"
#include "media/image_header.hpp"

#include <zlib.h>

namespace pp::media {

std::optional<PngStream> png_stream_for_pdf(std::string_view png) {
  if (raster_type(png) != RasterType::png) return std::nullopt;
  PngStream out;
  bool header = false, ended = false;
  for (std::size_t at = 8; !ended;) {
    if (png.size() - at < 12) return std::nullopt;  // length, type and CRC at least
    const std::uint32_t length = base::load_be32(png.data() + at);
    if (length > png.size() - at - 12) return std::nullopt;
    const std::string_view type = png.substr(at + 4, 4);
    const std::string_view data = png.substr(at + 8, length);
    const auto* typed = reinterpret_cast<const Bytef*>(png.data() + at + 4);
    if (crc32(0, typed, length + 4) != base::load_be32(png.data() + at + 8 + length)) return std::nullopt;
    at += 12 + std::size_t{length};
    if (!header && type != "IHDR") return std::nullopt;  // IHDR comes first
    if (type == "IHDR") {
      if (header || length != 13) return std::nullopt;
      header = true;
      out.width = base::load_be32(data.data());
      out.height = base::load_be32(data.data() + 4);
      const auto bit_depth = static_cast<unsigned char>(data[8]), colour_type = static_cast<unsigned char>(data[9]);
      const auto compression = static_cast<unsigned char>(data[10]), filter = static_cast<unsigned char>(data[11]),
                 interlace = static_cast<unsigned char>(data[12]);
      if (out.width == 0 || out.height == 0 || bit_depth != 8 || compression != 0 || filter != 0 || interlace != 0)
        return std::nullopt;
      if (colour_type == 0) out.colours = 1;
      else if (colour_type == 2) out.colours = 3;
      else return std::nullopt;  // a palette, or an alpha channel
      out.zlib_data.reserve(png.size());  // encoders write IDAT in many chunks (libpng: 8 KB each)
    } else if (type == "IDAT") {
      out.zlib_data.append(data);
    } else if (type == "tRNS") {
      return std::nullopt;  // a transparent colour: a mask PDF would need apart
    } else if (type == "IEND") {
      ended = true;
    } else if (type == "PLTE") {
      // RGB images may suggest a palette; it changes nothing
    } else if ((static_cast<unsigned char>(type[0]) & 0x20) == 0) {
      return std::nullopt;  // an unknown critical chunk: the image cannot be understood without it
    }
  }
  if (out.zlib_data.empty()) return std::nullopt;
  return out;
}

}  // namespace pp::media
