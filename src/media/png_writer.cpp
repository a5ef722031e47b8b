// PNG per ISO/IEC 15948: signature, IHDR, one zlib IDAT (rows prefixed with filter "Up"), IEND.
#include "media/png_writer.hpp"

#include "media/equal_prefix.hpp"
#include "media/row_deflater.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
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

std::string png_header(std::size_t width, std::size_t height, bool opaque) {
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += static_cast<char>(8);               // bits per channel
  header += static_cast<char>(opaque ? 2 : 6);  // colour type: RGB or RGBA
  header += std::string("\x00\x00\x00", 3);    // deflate, adaptive filtering, no interlace
  chunk(png, "IHDR", header);
  return png;
}

std::string png_file(std::size_t width, std::size_t height, bool opaque, std::string_view idat) {
  std::string png = png_header(width, height, opaque);
  chunk(png, "IDAT", idat);
  chunk(png, "IEND", "");
  return png;
}

// A filtered row and the byte spans written into it. The rest of it is zero: before the buffer takes another
// row, only those spans are cleared, so a row costs time in proportion to what changed in it.
struct FilteredRow {
  std::vector<unsigned char> bytes;
  std::vector<RowDeflater::Span> written;

  explicit FilteredRow(std::size_t size) : bytes(size, 0) {}
  void clear() {
    for (const auto& s : written) std::memset(bytes.data() + s.begin, 0, s.end - s.begin);
    written.clear();
  }
  void mark(std::size_t begin, std::size_t end) {
    if (!written.empty() && written.back().end == begin) written.back().end = end;
    else written.push_back({begin, end});
  }
};

// Changed pixels closer than this share one span: a span costs more than the zeros between them.
constexpr std::size_t span_gap = 4;

// Cairo's premultiplied ARGB32 rows, band by band, as "Up"-filtered PNG rows into `idat`. Only pixels that
// differ from the one above are converted: the rest filter to zero, and the deflater is told where they are.
// Returns false, having stopped, when `opaque` was asked for and a pixel is not.
bool deflate_argb32(std::size_t width, std::size_t height, std::size_t band_rows, const Argb32Bands& bands, bool opaque,
                    std::string& idat) {
  const std::size_t bpp = opaque ? 3 : 4, row_bytes = 1 + width * bpp;
  RowDeflater deflater(idat, row_bytes, bpp);
  std::vector<unsigned char> converted(width * bpp, 0);  // the row above as PNG bytes; PNG's first "above" is zeros
  FilteredRow filtered[2] = {FilteredRow(row_bytes), FilteredRow(row_bytes)};
  std::vector<std::uint32_t> band_end(width);  // the last row of the band before, which the next one overwrites
  const std::uint32_t* above = nullptr;
  for (std::size_t first = 0; first < height; first += band_rows) {
    const std::size_t count = std::min(band_rows, height - first);
    const Argb32Band band = bands(first, count);
    for (std::size_t y = 0; y < count; ++y) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(band.data + y * band.stride);
      FilteredRow& out = filtered[(first + y) & 1];
      out.clear();
      out.bytes[0] = 2;  // "Up"
      out.mark(0, 1);
      // Unchanged pixels, from `x`: none on the first row, which has no row above.
      auto same_run = [&](std::size_t x) { return above == nullptr ? 0 : equal_pixel_prefix(row + x, above + x, width - x); };
      std::size_t x = same_run(0);
      while (x < width) {
        const std::size_t begin = x;
        std::size_t end = x, same = 0;
        while (x < width) {
          if (above != nullptr && row[x] == above[x]) {
            same = same_run(x);
            if (same >= span_gap || x + same == width) break;
            x += same;
            same = 0;
            continue;
          }
          const std::uint32_t p = row[x];
          const unsigned a = p >> 24;
          if (opaque && a != 255) return false;
          unsigned rgba[4] = {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, a};
          if (a != 255 && a != 0)  // un-premultiply the (rare) translucent edge pixels
            for (int k = 0; k < 3; ++k) rgba[k] = (rgba[k] * 255 + a / 2) / a;
          unsigned char* c = converted.data() + x * bpp;
          unsigned char* f = out.bytes.data() + 1 + x * bpp;
          for (std::size_t k = 0; k < bpp; ++k) {
            f[k] = static_cast<unsigned char>(rgba[k] - c[k]);
            c[k] = static_cast<unsigned char>(rgba[k]);
          }
          end = ++x;
        }
        out.mark(1 + begin * bpp, 1 + end * bpp);
        x += same;
      }
      deflater.add_row(out.bytes.data(), out.written);
      above = row;
    }
    if (first + count < height) {
      std::memcpy(band_end.data(), above, width * 4);
      above = band_end.data();
    }
  }
  deflater.finish();
  return true;
}

}  // namespace

std::string encode_png_argb32(std::size_t width, std::size_t height, std::size_t band_rows, const Argb32Bands& bands) {
  if (band_rows == 0) throw std::invalid_argument("encode_png_argb32: bands of no rows");  // would never end
  std::string idat;
  // Optimistically RGB: the translucent pixel that rules it out is met on the way, and rendered figures
  // have an opaque background, so the second pass is rare.
  const bool opaque = deflate_argb32(width, height, band_rows, bands, true, idat);
  if (!opaque) {
    idat.clear();
    deflate_argb32(width, height, band_rows, bands, false, idat);
  }
  return png_file(width, height, opaque, idat);
}

std::string encode_png(const RgbaImage& image, int zlib_level) {
  const auto w = static_cast<std::size_t>(image.width), h = static_cast<std::size_t>(image.height);
  bool opaque = true;
  for (std::size_t i = 3; i < image.pixels.size() && opaque; i += 4) opaque = static_cast<unsigned char>(image.pixels[i]) == 255;
  const std::size_t bpp = opaque ? 3 : 4, row_bytes = w * bpp;
  z_stream z{};
  if (deflateInit2(&z, zlib_level, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("internal error: zlib init");
  std::string idat;
  unsigned char out[1 << 16];
  auto pump = [&](int flush) {
    int status = Z_OK;
    do {
      z.next_out = out;
      z.avail_out = sizeof out;
      status = deflate(&z, flush);
      idat.append(reinterpret_cast<const char*>(out), sizeof out - z.avail_out);
    } while (z.avail_out == 0 && status != Z_STREAM_END);
    return status;
  };
  std::vector<unsigned char> previous(row_bytes, 0), current(row_bytes), filtered(row_bytes + 1);
  for (std::size_t y = 0; y < h; ++y) {
    const char* src = image.pixels.data() + y * w * 4;
    for (std::size_t x = 0; x < w; ++x)
      for (std::size_t k = 0; k < bpp; ++k) current[x * bpp + k] = static_cast<unsigned char>(src[x * 4 + k]);
    filtered[0] = 2;  // "Up": each byte minus the byte above it
    for (std::size_t i = 0; i < row_bytes; ++i) filtered[1 + i] = static_cast<unsigned char>(current[i] - previous[i]);
    previous.swap(current);
    z.next_in = filtered.data();
    z.avail_in = static_cast<uInt>(filtered.size());
    pump(Z_NO_FLUSH);
  }
  const int status = pump(Z_FINISH);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("internal error: zlib could not compress a PNG");
  return png_file(w, h, opaque, idat);
}

}  // namespace pp::media
