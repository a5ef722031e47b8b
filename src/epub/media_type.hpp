// What an image file really is, judged from its bytes (an extension can lie).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pp::epub {

struct MediaType {
  std::string mime;       // "image/png"
  std::string extension;  // "png"
};

// PNG, JPEG, GIF, WebP and SVG, the image types EPUB 3 reading systems must show.
std::optional<MediaType> sniff_image(std::string_view bytes);

// SVG without script: <script>, <foreignObject>, event attributes and javascript:/data: links removed.
// nullopt when it is not well-formed XML with an <svg> root.
std::optional<std::string> sanitize_svg(std::string_view svg);

}  // namespace pp::epub
