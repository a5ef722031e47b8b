// PNG per ISO/IEC 15948: signature, IHDR, one zlib IDAT (rows prefixed with filter "Up"), IEND.
#include "media/png_writer.hpp"

#include <zlib.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace pp::media {

namespace {

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::uint32_t crc(std::uint32_t running, const char* data, std::size_t size) {
  return static_cast<std::uint32_t>(crc32(running, reinterpret_cast<const Bytef*>(data), static_cast<uInt>(size)));
}

void chunk(std::string& out, const char* type, std::string_view data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  out.append(type, 4);
  out += data;
  put32(out, crc(crc(0, type, 4), data.data(), data.size()));
}

// The PNG for `height` rows that `fill_row(y, out)` writes as RGB or RGBA bytes: every row "Up"-filtered
// (each byte minus the byte above it) and deflated as it is made, straight into the IDAT chunk of the output,
// whose CRC is kept as the bytes arrive. Nothing image-sized is allocated besides the output: fresh memory
// costs a page fault per 4 KB, which dominated large figures.
std::string encode_rows(std::size_t width, std::size_t height, bool opaque, int level,
                        const std::function<void(std::size_t, unsigned char*)>& fill_row) {
  const std::size_t row_bytes = width * (opaque ? 3 : 4);
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += static_cast<char>(8);               // bits per channel
  header += static_cast<char>(opaque ? 2 : 6);  // colour type: RGB or RGBA
  header += std::string("\x00\x00\x00", 3);    // deflate, adaptive filtering, no interlace
  chunk(png, "IHDR", header);

  // IDAT's length is known only once deflate ends: written as 0 now, set then.
  const std::size_t length_at = png.size();
  put32(png, 0);
  png.append("IDAT", 4);
  std::uint32_t idat_crc = crc(0, "IDAT", 4);
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("internal error: zlib init");
  std::vector<unsigned char> previous(row_bytes, 0), current(row_bytes), filtered(row_bytes + 1);
  unsigned char chunk_buffer[1 << 16];
  auto pump = [&](int flush) {
    int status = Z_OK;
    do {
      z.next_out = chunk_buffer;
      z.avail_out = sizeof chunk_buffer;
      status = deflate(&z, flush);
      const auto* made = reinterpret_cast<const char*>(chunk_buffer);
      const std::size_t size = sizeof chunk_buffer - z.avail_out;
      idat_crc = crc(idat_crc, made, size);
      png.append(made, size);
    } while (z.avail_out == 0 && status != Z_STREAM_END);
    return status;
  };
  for (std::size_t y = 0; y < height; ++y) {
    fill_row(y, current.data());
    filtered[0] = 2;  // "Up"
    for (std::size_t i = 0; i < row_bytes; ++i) filtered[1 + i] = static_cast<unsigned char>(current[i] - previous[i]);
    previous.swap(current);
    z.next_in = filtered.data();
    z.avail_in = static_cast<uInt>(filtered.size());
    pump(Z_NO_FLUSH);
  }
  const int status = pump(Z_FINISH);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("internal error: zlib could not compress a PNG");
  const auto idat_size = static_cast<std::uint32_t>(png.size() - length_at - 8);
  for (int k = 0; k < 4; ++k) png[length_at + static_cast<std::size_t>(k)] = static_cast<char>((idat_size >> (24 - 8 * k)) & 0xFF);
  put32(png, idat_crc);
  chunk(png, "IEND", "");
  return png;
}

}  // namespace

std::string encode_png_argb32(const unsigned char* data, int width, int height, int stride) {
  const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  auto row = [&](std::size_t y) { return reinterpret_cast<const std::uint32_t*>(data + y * static_cast<std::size_t>(stride)); };
  bool opaque = true;
  for (std::size_t y = 0; y < h && opaque; ++y)
    for (std::size_t x = 0; x < w && opaque; ++x) opaque = (row(y)[x] >> 24) == 0xFF;
  // Level 1: rendered figures are mostly zero rows after filtering; higher levels cost twice the time
  // for ~30% smaller files (docs/benchmarks.md).
  return encode_rows(w, h, opaque, 1, [&](std::size_t y, unsigned char* c) {
    for (std::size_t x = 0; x < w; ++x) {
      const std::uint32_t p = row(y)[x];
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
  });
}

std::string encode_png(const RgbaImage& image, int zlib_level) {
  const auto w = static_cast<std::size_t>(image.width), h = static_cast<std::size_t>(image.height);
  bool opaque = true;
  for (std::size_t i = 3; i < image.pixels.size() && opaque; i += 4) opaque = static_cast<unsigned char>(image.pixels[i]) == 255;
  return encode_rows(w, h, opaque, zlib_level, [&](std::size_t y, unsigned char* c) {
    const char* src = image.pixels.data() + y * w * 4;
    for (std::size_t x = 0; x < w; ++x)
      for (std::size_t k = 0; k < (opaque ? 3u : 4u); ++k) *c++ = static_cast<unsigned char>(src[x * 4 + k]);
  });
}

}  // namespace pp::media
