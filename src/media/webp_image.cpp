// The one place that calls libwebp. Dimensions are checked before decoding, so a 20,000 x 20,000 image
// is refused instead of allocating 1.6 GB.
#include "media/webp_image.hpp"

#include <webp/decode.h>

#include <memory>

namespace pp::media {

std::optional<RgbaImage> decode_webp(std::string_view data, std::uint64_t max_pixels) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
  int width = 0, height = 0;
  if (!WebPGetInfo(bytes, data.size(), &width, &height) || width <= 0 || height <= 0) return std::nullopt;
  if (static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > max_pixels) return std::nullopt;
  std::unique_ptr<std::uint8_t, decltype(&WebPFree)> pixels(WebPDecodeRGBA(bytes, data.size(), &width, &height), &WebPFree);
  if (!pixels) return std::nullopt;
  RgbaImage image;
  image.width = width;
  image.height = height;
  image.pixels.assign(reinterpret_cast<const char*>(pixels.get()), static_cast<std::size_t>(width) * height * 4);
  return image;
}

}  // namespace pp::media
