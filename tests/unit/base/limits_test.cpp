#include "base/limits.hpp"

#include <catch2/catch.hpp>

using namespace pp::base;

TEST_CASE("limit flags read sizes with binary suffixes and counts with decimal ones", "[base][limits]") {
  CHECK(parse_byte_size("1000") == 1000u);
  CHECK(parse_byte_size("512K") == 512u << 10);
  CHECK(parse_byte_size("64M") == 64u << 20);
  CHECK(parse_byte_size("64MiB") == 64u << 20);
  CHECK(parse_byte_size("2gb") == std::uintmax_t{2} << 30);
  CHECK_FALSE(parse_byte_size(""));
  CHECK_FALSE(parse_byte_size("0"));
  CHECK_FALSE(parse_byte_size("-5M"));
  CHECK_FALSE(parse_byte_size("5T"));
  CHECK_FALSE(parse_byte_size("M"));
  CHECK_FALSE(parse_byte_size("99999999999999999999"));
  CHECK_FALSE(parse_byte_size("17179869184G"));  // 2^34 GiB overflows 64 bits

  CHECK(parse_count("2000") == 2000u);
  CHECK(parse_count("100M") == 100'000'000u);
  CHECK(parse_count("5k") == 5000u);
  CHECK_FALSE(parse_count("1.5M"));
  CHECK_FALSE(parse_count("10 M"));
}

TEST_CASE("limit messages say sizes as a reader would", "[base][limits]") {
  CHECK(byte_size_text(64u << 20) == "64 MiB");
  CHECK(byte_size_text(512u << 10) == "512 KiB");
  CHECK(byte_size_text(1000) == "1000 bytes");
  CHECK(byte_size_text((64u << 20) + 1) == "64.0 MiB");
  CHECK(byte_size_text(1536) == "1.5 KiB");
  CHECK(megapixel_text(100'000'000) == "100");
  CHECK(megapixel_text(2'500'000) == "2.5");
  CHECK(megapixel_text(1) == "0");
}
