// Header layouts: PNG (ISO 15948 11.2.2), JPEG (ITU T.81 B.1), GIF89a (section 18), WebP (RFC 9649).
#include "media/image_header.hpp"

#include "base/big_endian.hpp"

namespace pp::media {

namespace {

unsigned byte_at(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }
unsigned be16(std::string_view b, std::size_t at) { return base::load_be16(b.data() + at); }
unsigned le16(std::string_view b, std::size_t at) { return byte_at(b, at) | byte_at(b, at + 1) << 8; }
unsigned le24(std::string_view b, std::size_t at) { return le16(b, at) | byte_at(b, at + 2) << 16; }
std::uint32_t be32(std::string_view b, std::size_t at) { return base::load_be32(b.data() + at); }
std::uint32_t le32(std::string_view b, std::size_t at) {
  return std::uint32_t{le16(b, at)} | std::uint32_t{le16(b, at + 2)} << 16;
}

std::optional<PixelSize> png_size(std::string_view b) {
  // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4).
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  const PixelSize size{be32(b, 16), be32(b, 20)};
  if (size.width == 0 || size.height == 0 || size.width > 0x7FFF'FFFF || size.height > 0x7FFF'FFFF) return std::nullopt;
  return size;
}

std::optional<PixelSize> webp_size(std::string_view b) {
  if (b.size() < 30) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  PixelSize size;
  if (chunk == "VP8X") size = {le24(b, 24) + 1, le24(b, 27) + 1};
  else if (chunk == "VP8L" && byte_at(b, 20) == 0x2F) {
    const std::uint32_t bits = le32(b, 21);
    size = {(bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1};
  } else if (chunk == "VP8 " && byte_at(b, 23) == 0x9D && byte_at(b, 24) == 0x01 && byte_at(b, 25) == 0x2A)
    size = {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
  if (size.width == 0 || size.height == 0) return std::nullopt;
  return size;
}

std::optional<PixelSize> gif_size(std::string_view b) {
  if (b.size() < 10) return std::nullopt;
  const PixelSize size{le16(b, 6), le16(b, 8)};
  if (size.width == 0 || size.height == 0) return std::nullopt;
  return size;
}

}  // namespace

RasterType raster_type(std::string_view b) {
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return RasterType::png;
  if (b.starts_with("\xFF\xD8\xFF")) return RasterType::jpeg;
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return RasterType::gif;
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return RasterType::webp;
  return RasterType::none;
}

std::variant<JpegFrame, std::string> read_jpeg_frame(std::string_view b) {
  std::size_t at = 2;  // after SOI
  while (true) {
    if (at + 2 > b.size()) return std::string("corrupt JPEG: no frame header");
    if (byte_at(b, at) != 0xFF) return std::string("corrupt JPEG: damaged marker segments");
    const unsigned marker = byte_at(b, at + 1);
    at += 2;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // TEM, RSTn, SOI: no length
    // cairo counts a run of fill bytes wrongly, so a file with them would come out blank.
    if (marker == 0xFF) return std::string("unsupported JPEG: fill bytes between marker segments");
    if (marker == 0xD9 || marker == 0xDA) return std::string("corrupt JPEG: no frame header before the image data");
    if (at + 2 > b.size()) return std::string("corrupt JPEG: the file ends early");
    const unsigned length = be16(b, at);  // counts its own two bytes
    if (length < 2 || at + length > b.size()) return std::string("corrupt JPEG: the file ends early");
    // C4 (DHT), C8 (JPG) and CC (DAC) share the SOFn range but are not frame headers.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (length < 8) return std::string("corrupt JPEG: short frame header");
      return JpegFrame{be16(b, at + 5), be16(b, at + 3), byte_at(b, at + 7), byte_at(b, at + 2)};
    }
    at += length;
  }
}

bool image_is_complete(std::string_view b) {
  switch (raster_type(b)) {
    case RasterType::png: {
      // IEND and its CRC close the file; a few stray bytes after it are tolerated, as decoders do.
      const auto iend = b.rfind("IEND");
      return iend != std::string_view::npos && iend >= 12 && iend + 8 <= b.size() && b.size() - iend <= 8 + 64;
    }
    case RasterType::jpeg: {
      // Entropy-coded data never holds FF D9 (an FF there is followed by 00), so EOI after the last scan
      // header is the end of the main image; thumbnails in EXIF come earlier.
      const auto scan = b.rfind("\xFF\xDA");
      return scan != std::string_view::npos && b.find("\xFF\xD9", scan) != std::string_view::npos;
    }
    case RasterType::gif: return b.size() > 13 && b.back() == 0x3B;
    case RasterType::webp: return std::uint64_t{le32(b, 4)} + 8 <= b.size();
    case RasterType::none: return false;
  }
  return false;
}

std::optional<PixelSize> image_pixel_size(std::string_view b) {
  switch (raster_type(b)) {
    case RasterType::png: return png_size(b);
    case RasterType::jpeg: {
      const auto frame = read_jpeg_frame(b);
      const auto* f = std::get_if<JpegFrame>(&frame);
      if (!f || f->width == 0 || f->height == 0) return std::nullopt;
      return PixelSize{f->width, f->height};
    }
    case RasterType::gif: return gif_size(b);
    case RasterType::webp: return webp_size(b);
    case RasterType::none: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace pp::media
