// PNG per ISO/IEC 15948: signature, IHDR, one zlib IDAT (rows prefixed with filter "none"), IEND.
#include "media/png_writer.hpp"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace pp::media {

namespace {

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const std::string& data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  out += body;
  put32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

namespace {

// Level 1: rendered figures are mostly zero rows after filtering; higher levels cost twice the time for
// ~30% smaller files (docs/benchmarks.md).
std::string deflate_fast(const std::string& raw) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("internal error: zlib init");
  std::string out(deflateBound(&z, static_cast<uLong>(raw.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  z.avail_in = static_cast<uInt>(raw.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("internal error: zlib could not compress a PNG");
  return out;
}

std::string png_file(std::uint32_t width, std::uint32_t height, bool opaque, const std::string& compressed) {
  std::string out = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, width);
  put32(header, height);
  header += static_cast<char>(8);               // bits per channel
  header += static_cast<char>(opaque ? 2 : 6);  // colour type: RGB or RGBA
  header += std::string("\x00\x00\x00", 3);    // deflate, adaptive filtering, no interlace
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", compressed);
  chunk(out, "IEND", "");
  return out;
}

}  // namespace

std::string encode_png_argb32(const unsigned char* data, int width, int height, int stride) {
  const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  bool opaque = true;
  for (std::size_t y = 0; y < h && opaque; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * static_cast<std::size_t>(stride));
    for (std::size_t x = 0; x < w; ++x)
      if ((row[x] >> 24) != 0xFF) {
        opaque = false;
        break;
      }
  }
  const std::size_t channels = opaque ? 3 : 4, row_bytes = w * channels;
  std::string raw(h * (row_bytes + 1), '\0');
  std::vector<unsigned char> previous(row_bytes, 0), current(row_bytes);
  for (std::size_t y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * static_cast<std::size_t>(stride));
    unsigned char* c = current.data();
    for (std::size_t x = 0; x < w; ++x) {
      const std::uint32_t p = row[x];
      const unsigned a = p >> 24;
      unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
      if (a != 255 && a != 0) {  // un-premultiply the (rare) translucent edge pixels
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
      }
      *c++ = static_cast<unsigned char>(r);
      *c++ = static_cast<unsigned char>(g);
      *c++ = static_cast<unsigned char>(b);
      if (!opaque) *c++ = static_cast<unsigned char>(a);
    }
    char* out = raw.data() + y * (row_bytes + 1);
    out[0] = 2;  // "Up"
    for (std::size_t i = 0; i < row_bytes; ++i) out[1 + i] = static_cast<char>(current[i] - previous[i]);
    previous.swap(current);
  }
  return png_file(static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h), opaque, deflate_fast(raw));
}

std::string encode_png(const RgbaImage& image, int zlib_level) {
  const auto width = static_cast<std::size_t>(image.width);
  const auto height = static_cast<std::size_t>(image.height);
  bool opaque = true;
  for (std::size_t i = 3; i < image.pixels.size() && opaque; i += 4) opaque = static_cast<unsigned char>(image.pixels[i]) == 255;
  const std::size_t channels = opaque ? 3 : 4, row_bytes = width * channels;
  // Filtered rows: a filter-type byte, then each byte minus the byte above it ("Up", filter 2).
  std::string raw(height * (row_bytes + 1), '\0');
  std::string previous(row_bytes, '\0'), current(row_bytes, '\0');
  for (std::size_t y = 0; y < height; ++y) {
    const char* src = image.pixels.data() + y * width * 4;
    for (std::size_t x = 0; x < width; ++x)
      for (std::size_t c = 0; c < channels; ++c) current[x * channels + c] = src[x * 4 + c];
    char* out = raw.data() + y * (row_bytes + 1);
    out[0] = 2;
    for (std::size_t i = 0; i < row_bytes; ++i)
      out[1 + i] = static_cast<char>(static_cast<unsigned char>(current[i]) - static_cast<unsigned char>(previous[i]));
    previous.swap(current);
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string compressed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), zlib_level) != Z_OK)
    throw std::runtime_error("internal error: zlib could not compress a PNG");
  compressed.resize(size);

  std::string out = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += static_cast<char>(8);                // bits per channel
  header += static_cast<char>(opaque ? 2 : 6);   // colour type: RGB or RGBA
  header += std::string("\x00\x00\x00", 3);     // deflate, adaptive filtering, no interlace
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", compressed);
  chunk(out, "IEND", "");
  return out;
}

}  // namespace pp::media
