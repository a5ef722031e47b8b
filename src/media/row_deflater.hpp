// A zlib stream (RFC 1950/1951) made for filtered raster rows: rendered figures are flat colour, so after
// PNG's "Up" filter 98% of their bytes are long runs of zeros, and the rest repeat a pixel or the row above.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pp::media {

// Compresses rows of a fixed length, appending the zlib stream to `out`. It looks only for what filtered
// figure rows hold: runs of one byte, a pixel repeated, and bytes equal to the row above. zlib's general
// matcher, even at level 1, hashes every byte: with it a 2x figure PNG took 73 ms instead of 22, and zlib's
// files were about the same size as ours (7% larger on one fixture, 5% smaller on another;
// docs/benchmarks.md). A caller that knows where a row's non-zero bytes can be says so, and the bytes
// outside those spans cost nothing to find, code (a 258-byte copy per step) or checksum.
class RowDeflater {
 public:
  // Bytes [begin, end) of a row.
  struct Span {
    std::size_t begin, end;
  };

  // Until finish(), `out` may hold bytes past the stream so far (room made ahead of the bits).
  RowDeflater(std::string& out, std::size_t row_bytes, std::size_t bytes_per_pixel);
  RowDeflater(const RowDeflater&) = delete;
  RowDeflater& operator=(const RowDeflater&) = delete;

  // One row of exactly `row_bytes` bytes, all zero outside `maybe_nonzero` (sorted, disjoint; one span
  // [0, row_bytes) when nothing is known). It must stay valid until the next add_row returns: matches may
  // copy from the row above.
  void add_row(const unsigned char* row, std::span<const Span> maybe_nonzero);
  // Ends the stream; nothing may be added afterwards.
  void finish();

 private:
  struct Token {
    std::uint16_t length_or_literal;  // a literal byte when distance is 0, else a match length 3..258
    std::uint16_t distance;
  };

  void literal(unsigned char byte);
  void match(std::size_t length, std::size_t distance);
  void zero_run(std::size_t length);
  void flush_block(bool last);
  void reserve_bits(std::size_t bits);
  void put_bits(std::uint32_t bits, int count);
  void checksum(const unsigned char* row, std::span<const Span> maybe_nonzero);

  std::string& out_;
  std::size_t written_;  // bytes of out_ in use: flush_block grows it ahead of the bits it puts
  std::size_t row_bytes_, bpp_;
  const unsigned char* previous_row_ = nullptr;
  int last_byte_ = -1;  // the stream's last byte so far, -1 before the first
  std::vector<Token> tokens_;
  std::array<std::uint32_t, 286> literal_freq_{};  // of the tokens so far: literal/length codes
  std::array<std::uint32_t, 30> distance_freq_{};   // and distance codes
  std::uint32_t adler_ = 1;
  std::uint64_t bit_buffer_ = 0;
  int bit_count_ = 0;
};

}  // namespace pp::media
