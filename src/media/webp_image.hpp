// WebP decoding (libwebp), for outputs whose readers cannot show WebP themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pp::media {

struct RgbaImage {
  int width = 0;
  int height = 0;
  std::string pixels;  // width * height * 4 bytes, R G B A, rows top to bottom
};

// nullopt when the data is not a WebP image libwebp can decode, or is larger than `max_pixels`.
std::optional<RgbaImage> decode_webp(std::string_view data, std::uint64_t max_pixels);

}  // namespace pp::media
