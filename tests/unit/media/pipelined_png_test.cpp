// Drawing on this thread while another encodes gives the very bytes of doing both in turn, whatever the
// bands hold, and a failure on either side stops both.
#include "media/pipelined_png.hpp"
#include "media/png_writer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

struct Picture {
  std::size_t width, height;
  std::vector<std::uint32_t> pixels;

  Picture(std::size_t w, std::size_t h) : width(w), height(h), pixels(w * h) {
    for (std::size_t y = 0; y < h; ++y)
      for (std::size_t x = 0; x < w; ++x)  // flat stripes with some noise, like a figure
        pixels[y * w + x] = 0xFF000000u | static_cast<std::uint32_t>(((y / 7) * 40 % 256) << 16 | ((x * y) % 13 == 0 ? x % 256 : 200) << 8 | 90);
  }

  // Rows [first, first + band_rows) into `out`, a band of `stride`-byte rows; rows past the end are left
  // as they were, as Cairo would leave them under a shorter last band.
  void band(std::size_t first, std::size_t band_rows, std::size_t stride, unsigned char* out) const {
    for (std::size_t y = first; y < std::min(height, first + band_rows); ++y)
      std::memcpy(out + (y - first) * stride, pixels.data() + y * width, width * 4);
  }

  std::string encoded_in_turn(std::size_t band_rows) const {
    const std::size_t stride = width * 4 + 16;
    std::vector<unsigned char> buffer(stride * band_rows);
    return pp::media::encode_png_argb32(width, height, band_rows, [&](std::size_t first, std::size_t) {
      band(first, band_rows, stride, buffer.data());
      return pp::media::Argb32Band{buffer.data(), stride};
    });
  }

  std::string encoded_while_drawing(std::size_t band_rows) const {
    const std::size_t stride = width * 4 + 16;
    return pp::media::encode_png_argb32_while_drawing(width, height, band_rows, stride, [&](std::size_t first, unsigned char* out) {
      band(first, band_rows, stride, out);
    });
  }
};

}  // namespace

TEST_CASE("a PNG encoded while its bands are drawn has the bytes of one encoded after", "[media][pipeline]") {
  SECTION("opaque, many bands, the last one short") {
    const Picture p(301, 997);
    for (const std::size_t rows : {1u, 16u, 100u, 997u, 2000u}) CHECK(p.encoded_while_drawing(rows) == p.encoded_in_turn(rows));
  }
  SECTION("a translucent pixel in the last band: the encoder starts again from the first band") {
    Picture p(64, 300);
    p.pixels[299 * 64 + 5] = 0x80404040;
    for (const std::size_t rows : {1u, 7u, 150u}) CHECK(p.encoded_while_drawing(rows) == p.encoded_in_turn(rows));
  }
  SECTION("a translucent pixel in the first band") {
    Picture p(64, 300);
    p.pixels[3] = 0x10101010;
    CHECK(p.encoded_while_drawing(20) == p.encoded_in_turn(20));
  }
}

TEST_CASE("a band that cannot be drawn stops the encoder and is reported", "[media][pipeline]") {
  const Picture p(50, 400);
  std::atomic<int> drawn{0};
  CHECK_THROWS_WITH(pp::media::encode_png_argb32_while_drawing(50, 400, 10, 200, [&](std::size_t first, unsigned char* out) {
                      if (first == 200) throw std::runtime_error("no more pixels");
                      ++drawn;
                      p.band(first, 10, 200, out);
                    }),
                    "no more pixels");
  CHECK(drawn == 20);  // bands 0-19, then the failure: nothing drawn after it
}

TEST_CASE("bands are drawn on the calling thread, which may own the Pango and Cairo objects they use",
          "[media][png]") {
  const Picture picture(40, 70);
  const auto caller = std::this_thread::get_id();
  std::atomic<int> elsewhere{0};
  const std::size_t stride = picture.width * 4;
  const std::string png = pp::media::encode_png_argb32_while_drawing(
      picture.width, picture.height, 8, stride, [&](std::size_t first, unsigned char* out) {
        if (std::this_thread::get_id() != caller) ++elsewhere;
        picture.band(first, 8, stride, out);
      });
  CHECK(elsewhere == 0);
  CHECK(png == picture.encoded_in_turn(8));
}

TEST_CASE("bands of no rows are refused rather than asked for forever", "[media][png]") {
  CHECK_THROWS_AS(pp::media::encode_png_argb32(4, 4, 0, [](std::size_t, std::size_t) {
                    return pp::media::Argb32Band{nullptr, 16};
                  }),
                  std::invalid_argument);
}
