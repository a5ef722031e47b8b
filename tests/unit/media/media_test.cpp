// WebP decoding and PNG encoding: the pixels survive the trip, and bad or huge images are refused.
#include "base/big_endian.hpp"
#include "base/file_io.hpp"
#include "media/png_writer.hpp"
#include "media/webp_image.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <vector>

namespace {

using pp::test::image_fixture;

std::uint32_t be32(const std::string& s, std::size_t at) { return pp::base::load_be32(s.data() + at); }

// Pixels handed to the encoder one row per band, so every row crosses a band boundary.
std::string argb32_png(const std::vector<std::uint32_t>& pixels, int width, int height, int stride) {
  const auto* data = reinterpret_cast<const unsigned char*>(pixels.data());
  return pp::media::encode_png_argb32(static_cast<std::size_t>(width), static_cast<std::size_t>(height), 1,
                                      [&](std::size_t first, std::size_t) {
                                        return pp::media::Argb32Band{data + first * static_cast<std::size_t>(stride),
                                                                     static_cast<std::size_t>(stride)};
                                      });
}

}  // namespace

TEST_CASE("a WebP image decodes to RGBA pixels of its size", "[media]") {
  auto image = pp::media::decode_webp(image_fixture("sample.webp"), 1'000'000);
  REQUIRE(image);
  CHECK(image->width == 24);
  CHECK(image->height == 16);
  CHECK(image->pixels.size() == 24u * 16u * 4u);
  CHECK(static_cast<unsigned char>(image->pixels[3]) == 255);  // opaque
}

TEST_CASE("WebP decoding refuses what is not WebP and what is too large", "[media]") {
  CHECK_FALSE(pp::media::decode_webp("RIFF\x10\0\0\0WEBPVP8 garbage", 1'000'000));
  CHECK_FALSE(pp::media::decode_webp(image_fixture("sample.png"), 1'000'000));
  CHECK_FALSE(pp::media::decode_webp(image_fixture("sample.webp"), 24 * 16 - 1));
}

TEST_CASE("PNG encoding keeps every pixel and writes valid chunks", "[media]") {
  pp::media::RgbaImage image;
  image.width = 3;
  image.height = 2;
  for (int i = 0; i < 6; ++i) image.pixels += std::string{char(i * 40), char(255 - i), char(7), char(i == 5 ? 0 : 255)};
  const std::string png = pp::media::encode_png(image);
  REQUIRE(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK(png.substr(12, 4) == "IHDR");
  CHECK(be32(png, 16) == 3);
  CHECK(be32(png, 20) == 2);
  // Every chunk's CRC covers its type and data.
  std::size_t at = 8;
  std::string idat;
  while (at < png.size()) {
    const std::uint32_t length = be32(png, at);
    const std::string body = png.substr(at + 4, 4 + length);
    CHECK(be32(png, at + 8 + length) == crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
    if (body.substr(0, 4) == "IDAT") idat += body.substr(4);
    at += 12 + length;
  }
  CHECK(at == png.size());
  std::string raw(2 * (3 * 4 + 1), '\0');
  uLongf raw_size = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size, reinterpret_cast<const Bytef*>(idat.data()),
                     static_cast<uLong>(idat.size())) == Z_OK);
  // Every row is "Up"-filtered (type 2): each byte minus the byte above it.
  std::string second_row(12, '\0');
  for (std::size_t i = 0; i < 12; ++i) second_row[i] = static_cast<char>(image.pixels[12 + i] - image.pixels[i]);
  CHECK(raw == std::string(1, '\2') + image.pixels.substr(0, 12) + std::string(1, '\2') + second_row);
  CHECK(pp::media::encode_png(image) == png);  // deterministic
}

TEST_CASE("ARGB32 rows become an RGB PNG when opaque, un-premultiplied RGBA when not", "[media]") {
  // Native-endian premultiplied ARGB, as Cairo stores it; stride wider than the row on purpose.
  const int width = 2, height = 2, stride = 12;
  std::vector<std::uint32_t> opaque(stride / 4 * height, 0);
  opaque[0] = 0xFF102030;
  opaque[1] = 0xFFFFFFFF;
  opaque[3] = 0xFF102030;
  opaque[4] = 0xFF000000;
  const std::string png = argb32_png(opaque, width, height, stride);
  CHECK(png[25] == 2);  // colour type RGB
  std::vector<std::uint32_t> translucent = opaque;
  translucent[1] = 0x80404040;  // 50% alpha, premultiplied grey 0x40 -> 0x80 un-premultiplied
  const std::string rgba = argb32_png(translucent, width, height, stride);
  CHECK(rgba[25] == 6);  // colour type RGBA
  const std::uint32_t length = be32(rgba, 33);
  const std::string idat = rgba.substr(41, length);
  std::string raw(2 * (2 * 4 + 1), '\0');
  uLongf raw_size = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size, reinterpret_cast<const Bytef*>(idat.data()),
                     static_cast<uLong>(idat.size())) == Z_OK);
  CHECK(raw.substr(0, 9) == std::string("\x02\x10\x20\x30\xFF\x80\x80\x80\x80", 9));
}

TEST_CASE("a translucent pixel met in a late band restarts the PNG as RGBA from the first row", "[media]") {
  // 12 rows in bands of 2: five bands of opaque rows are deflated as RGB before the last band's one
  // translucent pixel rules RGB out, so the encoder must throw that away and ask for every band again.
  const std::size_t width = 5, height = 12, band_rows = 2;
  std::vector<std::uint32_t> pixels(width * height);
  for (std::size_t y = 0; y < height; ++y)
    for (std::size_t x = 0; x < width; ++x)
      pixels[y * width + x] = 0xFF000000u | static_cast<std::uint32_t>((y * 20) << 16 | (x * 40) << 8 | (y + x));
  pixels[11 * width + 3] = 0x80404040;  // 50% grey, premultiplied
  std::vector<std::uint32_t> band(band_rows * width);  // reused, as a band's rows are valid only until the next call
  std::size_t calls = 0;
  const std::string png = pp::media::encode_png_argb32(width, height, band_rows, [&](std::size_t first, std::size_t count) {
    ++calls;
    std::fill(band.begin(), band.end(), 0xDEADBEEF);
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(first * width), count * width, band.begin());
    return pp::media::Argb32Band{reinterpret_cast<const unsigned char*>(band.data()), width * 4};
  });
  CHECK(calls == 12);  // six bands, twice
  CHECK(png[25] == 6);  // RGBA
  const std::string idat = png.substr(41, be32(png, 33));
  const std::size_t row_bytes = 1 + width * 4;
  std::string raw(height * row_bytes, '\0');
  uLongf raw_size = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size, reinterpret_cast<const Bytef*>(idat.data()),
                     static_cast<uLong>(idat.size())) == Z_OK);
  REQUIRE(raw_size == raw.size());
  // Undo the "Up" filter and compare with the pixels, un-premultiplied.
  std::vector<unsigned char> above(width * 4, 0);
  for (std::size_t y = 0; y < height; ++y) {
    REQUIRE(raw[y * row_bytes] == 2);
    for (std::size_t x = 0; x < width; ++x) {
      unsigned char rgba[4];
      for (std::size_t k = 0; k < 4; ++k) {
        rgba[k] = static_cast<unsigned char>(raw[y * row_bytes + 1 + x * 4 + k] + above[x * 4 + k]);
        above[x * 4 + k] = rgba[k];
      }
      const std::uint32_t p = pixels[y * width + x];
      const unsigned a = p >> 24;
      const auto channel = [&](int shift) { return ((p >> shift & 0xFF) * 255 + a / 2) / a; };
      INFO("row " << y << ", pixel " << x);
      CHECK(rgba[0] == channel(16));
      CHECK(rgba[1] == channel(8));
      CHECK(rgba[2] == channel(0));
      CHECK(rgba[3] == a);
    }
  }
}
