// WebP decoding and PNG encoding: the pixels survive the trip, and bad or huge images are refused.
#include "base/file_io.hpp"
#include "media/png_writer.hpp"
#include "media/webp_image.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <vector>

namespace {

using pp::test::image_fixture;

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t(static_cast<unsigned char>(s[at])) << 24) | (std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8) | std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

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
