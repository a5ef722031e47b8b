#include "media/image_header.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using pp::media::image_pixel_size;
using pp::test::image_fixture;

namespace {

std::uint64_t pixels_of(const std::string& bytes) {
  const auto size = image_pixel_size(bytes);
  return size ? size->pixels() : 0;
}

}  // namespace

TEST_CASE("image sizes come from the headers of every raster type", "[media]") {
  CHECK(pixels_of(image_fixture("sample.png")) == 800u * 400u);
  CHECK(pixels_of(image_fixture("sample.jpg")) == 24u * 16u);
  CHECK(pixels_of(image_fixture("sample.gif")) == 1u);
  CHECK(pixels_of(image_fixture("sample.webp")) == 24u * 16u);
  // The extension lies; the bytes decide.
  CHECK(pixels_of(image_fixture("disguised.jpg")) == 800u * 400u);
}

TEST_CASE("damaged, truncated or empty headers give no size", "[media]") {
  CHECK_FALSE(image_pixel_size(""));
  CHECK_FALSE(image_pixel_size(image_fixture("sample.svg")));
  CHECK_FALSE(image_pixel_size(image_fixture("sample.png").substr(0, 20)));
  CHECK_FALSE(image_pixel_size(image_fixture("sample.gif").substr(0, 8)));
  CHECK_FALSE(image_pixel_size(image_fixture("sample.webp").substr(0, 20)));
  CHECK_FALSE(image_pixel_size("\xFF\xD8\xFF"));
  // A JPEG cut off before its frame header.
  CHECK_FALSE(image_pixel_size(image_fixture("sample.jpg").substr(0, 30)));
  // A 20,000 x 20,000 PNG header is read, not refused: the limit is the caller's.
  const std::string ihdr = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20", 24);
  CHECK(pixels_of(ihdr) == 400'000'000u);
}

TEST_CASE("an image cut off in transfer is told from a whole one", "[media]") {
  for (const char* name : {"sample.png", "sample.jpg", "sample.gif", "sample.webp"}) {
    INFO(name);
    const std::string whole = image_fixture(name);
    CHECK(pp::media::image_is_complete(whole));
    CHECK_FALSE(pp::media::image_is_complete(whole.substr(0, whole.size() - 5)));
    CHECK_FALSE(pp::media::image_is_complete(whole.substr(0, whole.size() / 2)));
  }
  // Stray bytes after a PNG's IEND are tolerated, as decoders do.
  CHECK(pp::media::image_is_complete(image_fixture("sample.png") + "\n"));
  CHECK_FALSE(pp::media::image_is_complete(""));
  CHECK_FALSE(pp::media::image_is_complete(image_fixture("sample.svg")));
}

TEST_CASE("raster types are told by their magic numbers, not their names", "[media]") {
  using pp::media::raster_type;
  using pp::media::RasterType;
  CHECK(raster_type(image_fixture("sample.png")) == RasterType::png);
  CHECK(raster_type(image_fixture("disguised.jpg")) == RasterType::png);
  CHECK(raster_type(image_fixture("sample.jpg")) == RasterType::jpeg);
  CHECK(raster_type(image_fixture("sample.gif")) == RasterType::gif);
  CHECK(raster_type(image_fixture("sample.webp")) == RasterType::webp);
  CHECK(raster_type(image_fixture("sample.svg")) == RasterType::none);
  CHECK(raster_type("RIFF\0\0\0\0WAVE") == RasterType::none);
  CHECK(raster_type("") == RasterType::none);
}
