// Image sizes read from file headers, before any pixel is decoded: limits are checked on these, so a
// 20,000 x 20,000 image costs a warning, not 1.6 GB of memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace pp::media {

// The raster formats postpress reads, told by their magic numbers (an extension can lie).
enum class RasterType { none, png, jpeg, gif, webp };
RasterType raster_type(std::string_view bytes);

struct PixelSize {
  std::uint32_t width = 0, height = 0;
  std::uint64_t pixels() const { return std::uint64_t{width} * height; }
};

// A JPEG's frame header (ITU T.81 B.1).
struct JpegFrame {
  unsigned width = 0, height = 0, components = 0, precision = 0;
};

// Walks the marker segments up to the frame header; a lower-case reason when it cannot ("corrupt JPEG:
// ..."). Strict where cairo's PDF backend is strict, since it walks the same segments (see pdf/page_image).
std::variant<JpegFrame, std::string> read_jpeg_frame(std::string_view bytes);

// Whether a PNG, JPEG, GIF or WebP file reaches its end marker (IEND, EOI after the last scan, the GIF
// trailer, the RIFF length). A file cut off in transfer keeps a good header; readers then show half a
// picture or none, so it is caught here rather than embedded.
bool image_is_complete(std::string_view bytes);

// The size a PNG's IHDR, a WebP's first chunk, a GIF's logical screen or a JPEG's frame header gives;
// nullopt when the header is damaged or the type is none of these (SVG has no pixel size).
std::optional<PixelSize> image_pixel_size(std::string_view bytes);

}  // namespace pp::media
