#include "media/row_deflater.hpp"

#include "media/equal_prefix.hpp"
#include "media/huffman_code.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <zlib.h>

namespace pp::media {

namespace {

constexpr std::size_t max_match = 258, max_distance = 32768;
constexpr std::size_t block_tokens = std::size_t{1} << 15;
constexpr std::size_t end_of_block = 256, literal_codes = 286, distance_codes = 30;

struct Code {
  std::uint16_t symbol;
  std::uint8_t extra_bits;
  std::uint16_t extra;
};

// RFC 1951 §3.2.5: lengths 3..258 as codes 257..285 with extra bits.
Code length_code(std::size_t length) {
  if (length == max_match) return {285, 0, 0};
  const auto x = static_cast<unsigned>(length - 3);
  if (x < 8) return {static_cast<std::uint16_t>(257 + x), 0, 0};
  const int n = 31 - __builtin_clz(x);  // 3..7
  return {static_cast<std::uint16_t>(257 + 4 * (n - 1) + ((x >> (n - 2)) & 3)), static_cast<std::uint8_t>(n - 2),
          static_cast<std::uint16_t>(x & ((1u << (n - 2)) - 1))};
}

// Distances 1..32768 as codes 0..29 with extra bits.
Code distance_code(std::size_t distance) {
  const auto x = static_cast<unsigned>(distance - 1);
  if (x < 4) return {static_cast<std::uint16_t>(x), 0, 0};
  const int n = 31 - __builtin_clz(x);  // 2..14
  return {static_cast<std::uint16_t>(2 * n + ((x >> (n - 1)) & 1)), static_cast<std::uint8_t>(n - 1),
          static_cast<std::uint16_t>(x & ((1u << (n - 1)) - 1))};
}

const std::array<Code, max_match + 1>& length_codes() {
  static const auto table = [] {
    std::array<Code, max_match + 1> t{};
    for (std::size_t l = 3; l <= max_match; ++l) t[l] = length_code(l);
    return t;
  }();
  return table;
}

// Index of the first non-zero byte of `p` at or after `from`, or `end`: 32 bytes per step, since a
// figure's rows are mostly zeros.
std::size_t zeros_end(const unsigned char* p, std::size_t from, std::size_t end) {
  std::size_t i = from;
  for (; i + 32 <= end; i += 32) {
    std::uint64_t w[4];
    std::memcpy(w, p + i, 32);
    if ((w[0] | w[1] | w[2] | w[3]) != 0) break;
  }
  for (; i + 8 <= end; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word != 0) return i + static_cast<std::size_t>(__builtin_ctzll(word) / 8);  // little-endian
  }
  while (i < end && p[i] == 0) ++i;
  return i;
}

// The order in which a dynamic block lists the code-length code's own lengths (RFC 1951 §3.2.7).
constexpr std::array<std::uint8_t, 19> code_length_order{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// A run-length coded list of code lengths: symbols 0..18 with their extra-bit values.
struct CodeLengthSymbol {
  std::uint8_t symbol, extra;
};

std::vector<CodeLengthSymbol> run_length_code(const std::vector<std::uint8_t>& lengths) {
  std::vector<CodeLengthSymbol> out;
  for (std::size_t i = 0; i < lengths.size();) {
    const std::uint8_t v = lengths[i];
    std::size_t run = 1;
    while (i + run < lengths.size() && lengths[i + run] == v) ++run;
    i += run;
    if (v == 0) {
      for (; run >= 11; run -= std::min<std::size_t>(run, 138))
        out.push_back({18, static_cast<std::uint8_t>(std::min<std::size_t>(run, 138) - 11)});
      if (run >= 3) out.push_back({17, static_cast<std::uint8_t>(run - 3)}), run = 0;
    } else {
      out.push_back({v, 0}), --run;
      for (; run >= 3; run -= std::min<std::size_t>(run, 6))
        out.push_back({16, static_cast<std::uint8_t>(std::min<std::size_t>(run, 6) - 3)});
    }
    for (; run > 0; --run) out.push_back({v, 0});
  }
  return out;
}

}  // namespace

RowDeflater::RowDeflater(std::string& out, std::size_t row_bytes, std::size_t bytes_per_pixel)
    : out_(out), row_bytes_(row_bytes), bpp_(bytes_per_pixel) {
  out_ += "\x78\x01";  // deflate, 32 KB window, "fastest" (RFC 1950 header with its check bits)
  tokens_.reserve(block_tokens + 2 * max_match);  // a hint: a block is flushed between steps, so it may run over
}

void RowDeflater::literal(unsigned char byte) { tokens_.push_back({byte, 0}); }

void RowDeflater::match(std::size_t length, std::size_t distance) {
  tokens_.push_back({static_cast<std::uint16_t>(length), static_cast<std::uint16_t>(distance)});
}

void RowDeflater::zero_run(std::size_t length) {
  if (last_byte_ != 0) literal(0), --length;
  for (; length >= 3; length -= std::min(length, max_match)) match(std::min(length, max_match), 1);
  for (; length > 0; --length) literal(0);
  last_byte_ = 0;
}

void RowDeflater::add_row(const unsigned char* row) {
  const bool row_above = previous_row_ != nullptr && row_bytes_ <= max_distance;
  std::size_t unsummed = 0;  // bytes before this index are in the checksum
  for (std::size_t i = 0; i < row_bytes_;) {
    const std::size_t limit = std::min(max_match, row_bytes_ - i);
    if (row[i] == 0) {
      const std::size_t end = zeros_end(row, i, row_bytes_);
      if (end - i >= 3) {
        checksum(row + unsummed, i - unsummed);
        checksum_zeros(end - i);
        zero_run(end - i);
        i = unsummed = end;
        continue;
      }
    }
    // The longest of three cheap candidates: a run of the previous byte, the previous pixel, the row above.
    std::size_t length = 0, distance = 0;
    auto consider = [&](std::size_t d, const unsigned char* from, std::size_t minimum) {
      const std::size_t k = equal_prefix(row + i, from, limit);
      if (k >= minimum && k > length) length = k, distance = d;
    };
    if (i >= 1) consider(1, row + i - 1, 3);
    if (i >= bpp_ && bpp_ > 1) consider(bpp_, row + i - bpp_, 3);
    if (row_above) consider(row_bytes_, previous_row_ + i, 4);
    if (length > 0) {
      match(length, distance);
      i += length;
    } else {
      literal(row[i]);
      ++i;
    }
    last_byte_ = row[i - 1];
    if (tokens_.size() >= block_tokens) flush_block(false);
  }
  checksum(row + unsummed, row_bytes_ - unsummed);
  previous_row_ = row;
  if (tokens_.size() >= block_tokens) flush_block(false);
}

void RowDeflater::finish() {
  flush_block(true);
  if (bit_count_ > 0) put_bits(0, (8 - bit_count_ % 8) % 8);
  while (bit_count_ > 0) {
    out_ += static_cast<char>(bit_buffer_ & 0xFF);
    bit_buffer_ >>= 8;
    bit_count_ -= 8;
  }
  for (int shift = 24; shift >= 0; shift -= 8) out_ += static_cast<char>((adler_ >> shift) & 0xFF);
}

void RowDeflater::put_bits(std::uint32_t bits, int count) {
  bit_buffer_ |= static_cast<std::uint64_t>(bits) << bit_count_;
  bit_count_ += count;
  if (bit_count_ >= 32) {
    char word[4];
    for (int k = 0; k < 4; ++k) word[k] = static_cast<char>((bit_buffer_ >> (8 * k)) & 0xFF);
    out_.append(word, 4);
    bit_buffer_ >>= 32;
    bit_count_ -= 32;
  }
}

// One dynamic-Huffman block (RFC 1951 §3.2.7) of the tokens so far, codes fitted to their frequencies.
void RowDeflater::flush_block(bool last) {
  const auto& lengths_table = length_codes();
  std::vector<std::uint32_t> literal_freq(literal_codes, 0), distance_freq(distance_codes, 0);
  for (const Token& t : tokens_) {
    if (t.distance == 0) {
      ++literal_freq[t.length_or_literal];
    } else {
      ++literal_freq[lengths_table[t.length_or_literal].symbol];
      ++distance_freq[distance_code(t.distance).symbol];
    }
  }
  literal_freq[end_of_block] = 1;
  const auto literal_lengths = huffman_code_lengths(literal_freq, 15);
  const auto distance_lengths = huffman_code_lengths(distance_freq, 15);
  const auto literal_bits = canonical_codes(literal_lengths), distance_bits = canonical_codes(distance_lengths);

  std::size_t literal_count = literal_codes, distance_count = distance_codes;
  while (literal_count > 257 && literal_lengths[literal_count - 1] == 0) --literal_count;
  while (distance_count > 1 && distance_lengths[distance_count - 1] == 0) --distance_count;
  std::vector<std::uint8_t> all_lengths(literal_lengths.begin(), literal_lengths.begin() + static_cast<std::ptrdiff_t>(literal_count));
  all_lengths.insert(all_lengths.end(), distance_lengths.begin(), distance_lengths.begin() + static_cast<std::ptrdiff_t>(distance_count));
  const auto coded_lengths = run_length_code(all_lengths);
  std::vector<std::uint32_t> code_length_freq(19, 0);
  for (const auto& c : coded_lengths) ++code_length_freq[c.symbol];
  const auto code_length_lengths = huffman_code_lengths(code_length_freq, 7);
  const auto code_length_bits = canonical_codes(code_length_lengths);
  std::size_t code_length_count = 19;
  while (code_length_count > 4 && code_length_lengths[code_length_order[code_length_count - 1]] == 0) --code_length_count;

  put_bits(last ? 1 : 0, 1);
  put_bits(2, 2);  // dynamic Huffman codes
  put_bits(static_cast<std::uint32_t>(literal_count - 257), 5);
  put_bits(static_cast<std::uint32_t>(distance_count - 1), 5);
  put_bits(static_cast<std::uint32_t>(code_length_count - 4), 4);
  for (std::size_t k = 0; k < code_length_count; ++k) put_bits(code_length_lengths[code_length_order[k]], 3);
  for (const auto& c : coded_lengths) {
    put_bits(code_length_bits[c.symbol], code_length_lengths[c.symbol]);
    if (c.symbol == 16) put_bits(c.extra, 2);
    if (c.symbol == 17) put_bits(c.extra, 3);
    if (c.symbol == 18) put_bits(c.extra, 7);
  }
  for (const Token& t : tokens_) {
    if (t.distance == 0) {
      put_bits(literal_bits[t.length_or_literal], literal_lengths[t.length_or_literal]);
      continue;
    }
    const Code& l = lengths_table[t.length_or_literal];
    put_bits(literal_bits[l.symbol], literal_lengths[l.symbol]);
    put_bits(l.extra, l.extra_bits);
    const Code d = distance_code(t.distance);
    put_bits(distance_bits[d.symbol], distance_lengths[d.symbol]);
    put_bits(d.extra, d.extra_bits);
  }
  put_bits(literal_bits[end_of_block], literal_lengths[end_of_block]);
  tokens_.clear();
}

// Adler-32 (RFC 1950 §8.2), zlib's own.
void RowDeflater::checksum(const unsigned char* bytes, std::size_t size) {
  adler_ = adler32_z(adler_, bytes, size);
}

// A run of zeros: its own Adler-32 is (count, 1) in closed form, combined with the stream's in O(1).
void RowDeflater::checksum_zeros(std::size_t count) {
  constexpr uLong adler_base = 65521;
  const uLong zeros = ((count % adler_base) << 16) | 1;
  adler_ = adler32_combine(adler_, zeros, static_cast<z_off_t>(count));
}

}  // namespace pp::media
