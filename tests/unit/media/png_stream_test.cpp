// Which PNGs a PDF can carry undecoded, and the data it then carries (media/png_stream.hpp).
#include "media/png_stream.hpp"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

using pp::media::png_stream_for_pdf;

namespace {

std::string u32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16 & 0xFF), static_cast<char>(v >> 8 & 0xFF),
          static_cast<char>(v & 0xFF)};
}

std::string chunk(const std::string& type, const std::string& data) {
  const std::string typed = type + data;
  const auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size())));
  return u32(static_cast<std::uint32_t>(data.size())) + typed + u32(crc);
}

std::string ihdr(std::uint32_t w, std::uint32_t h, int depth, int colour_type, int interlace = 0) {
  return chunk("IHDR", u32(w) + u32(h) + static_cast<char>(depth) + static_cast<char>(colour_type) + '\0' + '\0' +
                           static_cast<char>(interlace));
}

// A 4 x 2 image: each row filter byte 0, then the samples; deflated with zlib.
std::string idat_data(int channels) {
  std::string rows;
  for (int y = 0; y < 2; ++y) {
    rows += '\0';
    for (int x = 0; x < 4 * channels; ++x) rows += static_cast<char>(x * 20 + y);
  }
  std::vector<Bytef> out(compressBound(static_cast<uLong>(rows.size())));
  uLongf length = static_cast<uLongf>(out.size());
  REQUIRE(compress(out.data(), &length, reinterpret_cast<const Bytef*>(rows.data()), static_cast<uLong>(rows.size())) == Z_OK);
  return std::string(reinterpret_cast<const char*>(out.data()), length);
}

const std::string signature = "\x89PNG\r\n\x1a\n";

}  // namespace

TEST_CASE("an opaque 8-bit RGB or grey PNG gives its joined IDAT data", "[media][png]") {
  const std::string data = idat_data(3);
  const std::string png = signature + ihdr(4, 2, 8, 2) + chunk("gAMA", u32(45455)) + chunk("IDAT", data.substr(0, 5)) +
                          chunk("IDAT", data.substr(5)) + chunk("IEND", "");
  const auto stream = png_stream_for_pdf(png);
  REQUIRE(stream.has_value());
  CHECK(stream->width == 4);
  CHECK(stream->height == 2);
  CHECK(stream->colours == 3);
  CHECK(stream->zlib_data == data);

  const auto grey = png_stream_for_pdf(signature + ihdr(4, 2, 8, 0) + chunk("IDAT", idat_data(1)) + chunk("IEND", ""));
  REQUIRE(grey.has_value());
  CHECK(grey->colours == 1);
}

TEST_CASE("PNGs that need decoding, or are damaged, give no stream", "[media][png]") {
  const std::string data = idat_data(3), idat = chunk("IDAT", data), end = chunk("IEND", "");
  std::string png;
  SECTION("a palette") { png = signature + ihdr(4, 2, 8, 3) + chunk("PLTE", std::string(6, 'x')) + idat + end; }
  SECTION("an alpha channel") { png = signature + ihdr(4, 2, 8, 6) + idat + end; }
  SECTION("grey with alpha") { png = signature + ihdr(4, 2, 8, 4) + idat + end; }
  SECTION("16-bit samples") { png = signature + ihdr(4, 2, 16, 2) + idat + end; }
  SECTION("interlaced") { png = signature + ihdr(4, 2, 8, 2, 1) + idat + end; }
  SECTION("a transparent colour") { png = signature + ihdr(4, 2, 8, 2) + chunk("tRNS", std::string(6, '\0')) + idat + end; }
  SECTION("an unknown critical chunk") { png = signature + ihdr(4, 2, 8, 2) + chunk("ZZZZ", "") + idat + end; }
  SECTION("no image data") { png = signature + ihdr(4, 2, 8, 2) + end; }
  SECTION("no end") { png = signature + ihdr(4, 2, 8, 2) + idat; }
  SECTION("cut inside a chunk") { png = (signature + ihdr(4, 2, 8, 2) + idat + end).substr(0, 40); }
  SECTION("a damaged byte") {
    png = signature + ihdr(4, 2, 8, 2) + idat + end;
    png[8 + 25 + 10] ^= 0x01;  // inside the IDAT data: its CRC no longer matches
  }
  SECTION("no header first") { png = signature + idat + ihdr(4, 2, 8, 2) + end; }
  SECTION("a zero width") { png = signature + ihdr(0, 2, 8, 2) + idat + end; }
  SECTION("not a PNG") { png = "GIF89a" + idat; }
  CHECK_FALSE(png_stream_for_pdf(png).has_value());
}

TEST_CASE("unknown ancillary chunks are skipped", "[media][png]") {
  const std::string data = idat_data(3);
  const std::string png = signature + ihdr(4, 2, 8, 2) + chunk("zzZz", "anything") + chunk("IDAT", data) + chunk("IEND", "");
  CHECK(png_stream_for_pdf(png).has_value());
}

TEST_CASE("an RGB PNG that suggests a palette is still carried undecoded", "[media][png]") {
  // PLTE is a critical chunk, but in an RGB image only a suggestion for palette displays (PNG 11.2.3).
  const std::string data = idat_data(3);
  const auto stream = png_stream_for_pdf(signature + ihdr(4, 2, 8, 2) + chunk("PLTE", std::string(6, 'x')) +
                                         chunk("IDAT", data) + chunk("IEND", ""));
  REQUIRE(stream.has_value());
  CHECK(stream->zlib_data == data);
}
