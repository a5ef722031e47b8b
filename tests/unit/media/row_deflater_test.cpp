// The figure deflater: zlib must inflate exactly the rows that went in, checksum included, whatever the
// rows hold; and the Huffman codes behind it must be complete, prefix-free and within their length limit.
#include "media/huffman_code.hpp"
#include "media/row_deflater.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using Rows = std::vector<std::string>;

std::string deflate_rows(const Rows& rows, std::size_t bytes_per_pixel) {
  std::string out;
  pp::media::RowDeflater deflater(out, rows.front().size(), bytes_per_pixel);
  const pp::media::RowDeflater::Span whole{0, rows.front().size()};  // nothing known about the zeros
  for (const auto& row : rows) deflater.add_row(reinterpret_cast<const unsigned char*>(row.data()), {&whole, 1});
  deflater.finish();
  return out;
}

// Inflated by zlib itself, which also checks the Adler-32 trailer.
std::string inflate(const std::string& stream, std::size_t size) {
  std::string raw(size + 1, '\0');
  uLongf raw_size = static_cast<uLongf>(raw.size());
  const int status = uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size,
                                reinterpret_cast<const Bytef*>(stream.data()), static_cast<uLong>(stream.size()));
  REQUIRE(status == Z_OK);
  raw.resize(raw_size);
  return raw;
}

void check_round_trip(const Rows& rows, std::size_t bytes_per_pixel) {
  std::string all;
  for (const auto& row : rows) all += row;
  CHECK(inflate(deflate_rows(rows, bytes_per_pixel), all.size()) == all);
}

// Rows like a filtered figure's: mostly zeros, some repeated pixels, some copies of the row above, and
// noise like anti-aliased text.
Rows figure_like_rows(std::size_t row_bytes, std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  Rows rows;
  for (std::size_t y = 0; y < count; ++y) {
    std::string row(row_bytes, '\0');
    row[0] = '\2';
    switch (random() % 5) {
      case 0:  // all zeros after the filter byte
        break;
      case 1:  // the row above again
        if (!rows.empty()) row = rows.back();
        break;
      case 2:  // a repeated pixel across a span
        for (std::size_t i = 1 + random() % 30; i + 3 < row_bytes && i < 400; i += 3) row.replace(i, 3, "\x10\x20\xF0");
        break;
      default:  // sparse noise
        for (std::size_t i = 1; i < row_bytes; ++i)
          if (random() % 7 == 0) row[i] = static_cast<char>(random() % 256);
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("deflated rows inflate to the same bytes", "[media][deflate]") {
  SECTION("one zero row") { check_round_trip({std::string(1, '\0')}, 3); }
  SECTION("zero runs of every length around the match limits") {
    Rows rows;
    for (std::size_t n : {1u, 2u, 3u, 4u, 257u, 258u, 259u, 260u, 516u, 517u}) rows.push_back(std::string(1000, '\0').replace(0, 1000 - n, 1000 - n, 'x'));
    check_round_trip(rows, 3);
  }
  SECTION("figure-like rows, RGB and RGBA") {
    check_round_trip(figure_like_rows(1 + 3 * 640, 300, 1), 3);
    check_round_trip(figure_like_rows(1 + 4 * 333, 300, 2), 4);
  }
  SECTION("incompressible rows") {
    std::mt19937 random(3);
    Rows rows(40, std::string(997, '\0'));
    for (auto& row : rows)
      for (auto& c : row) c = static_cast<char>(random());
    check_round_trip(rows, 4);
  }
  SECTION("rows longer than the 32 KB window, which cannot copy from the row above") {
    check_round_trip(figure_like_rows(1 + 3 * 12000, 12, 4), 3);
  }
  SECTION("enough tokens for several blocks") { check_round_trip(figure_like_rows(1 + 3 * 2000, 200, 5), 3); }
}

TEST_CASE("rows given with their non-zero spans inflate to the same bytes, checksum included", "[media][deflate]") {
  // Each row zero outside a few random spans, told to the deflater: gaps of every size, spans touching
  // each other and the row's ends, matches that run on past a span into the zeros after it.
  std::mt19937 random(7);
  for (const std::size_t bpp : {3u, 4u}) {
    const std::size_t row_bytes = 1 + bpp * 700;
    Rows rows;
    std::vector<std::vector<pp::media::RowDeflater::Span>> spans;
    for (int y = 0; y < 400; ++y) {
      std::string row(row_bytes, '\0');
      std::vector<pp::media::RowDeflater::Span> row_spans;
      for (std::size_t at = 0; at < row_bytes;) {
        const std::size_t gap = y % 7 == 0 ? 0 : random() % 300, length = 1 + random() % (y % 3 == 0 ? 600 : 12);
        const std::size_t begin = std::min(row_bytes, at + gap), end = std::min(row_bytes, begin + length);
        if (begin == end) break;
        for (std::size_t i = begin; i < end; ++i)  // runs, repeats and noise, some of it zero
          row[i] = static_cast<char>(random() % 4 == 0 ? 0 : random() % 3 == 0 ? row[i - (i > bpp ? bpp : 0)] : char(random()));
        if (!row_spans.empty() && row_spans.back().end == begin) row_spans.back().end = end;
        else row_spans.push_back({begin, end});
        at = end;
      }
      rows.push_back(row);
      spans.push_back(row_spans);
    }
    std::string out;
    pp::media::RowDeflater deflater(out, row_bytes, bpp);
    for (std::size_t y = 0; y < rows.size(); ++y) deflater.add_row(reinterpret_cast<const unsigned char*>(rows[y].data()), spans[y]);
    deflater.finish();
    std::string all;
    for (const auto& row : rows) all += row;
    CHECK(inflate(out, all.size()) == all);
    CHECK(out == deflate_rows(rows, bpp));  // the spans save time, never change the stream
  }
}

TEST_CASE("the deflater gives the same bytes for the same rows and compresses zero rows to almost nothing",
          "[media][deflate]") {
  const Rows rows = figure_like_rows(1 + 3 * 500, 100, 6);
  CHECK(deflate_rows(rows, 3) == deflate_rows(rows, 3));
  const Rows blank(2000, std::string(1 + 3 * 2000, '\0'));  // a 12 MB white figure after filtering
  CHECK(deflate_rows(blank, 3).size() < 20'000);
}

TEST_CASE("Huffman code lengths stay within their limit and form a complete prefix code", "[media][deflate]") {
  auto kraft_sum = [](const std::vector<std::uint8_t>& lengths) {
    double sum = 0;
    for (auto l : lengths)
      if (l > 0) sum += 1.0 / static_cast<double>(1u << l);
    return sum;
  };
  SECTION("Fibonacci frequencies, whose optimal tree is as deep as the alphabet") {
    std::vector<std::uint32_t> freq(30);
    freq[0] = freq[1] = 1;
    for (std::size_t i = 2; i < freq.size(); ++i) freq[i] = freq[i - 1] + freq[i - 2];
    const auto lengths = pp::media::huffman_code_lengths(freq, 7);
    for (auto l : lengths) CHECK((l >= 1 && l <= 7));
    CHECK(kraft_sum(lengths) == 1.0);
  }
  SECTION("one symbol used still gets a two-code tree") {
    std::vector<std::uint32_t> freq(30, 0);
    freq[7] = 100;
    const auto lengths = pp::media::huffman_code_lengths(freq, 15);
    CHECK(lengths[7] == 1);
    CHECK(kraft_sum(lengths) == 1.0);
  }
  SECTION("unused symbols get no code") {
    const auto lengths = pp::media::huffman_code_lengths({5, 0, 3, 0, 1, 1}, 15);
    CHECK(lengths[1] == 0);
    CHECK(lengths[3] == 0);
    CHECK(lengths[0] < lengths[4]);
    CHECK(kraft_sum(lengths) == 1.0);
  }
}

TEST_CASE("canonical codes follow RFC 1951's example, bit-reversed for sending", "[media][deflate]") {
  // RFC 1951 §3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give 010 011 100 101 110 00 1110 1111.
  const auto codes = pp::media::canonical_codes({3, 3, 3, 3, 3, 2, 4, 4});
  const std::vector<std::uint16_t> expected{0b010, 0b110, 0b001, 0b101, 0b011, 0b00, 0b0111, 0b1111};
  CHECK(codes == expected);
}
