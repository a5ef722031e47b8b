#include "media/row_deflater.hpp"

#include "media/equal_prefix.hpp"
#include "media/huffman_code.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <stdexcept>

namespace pp::media {

namespace {

constexpr std::size_t max_match = 258, max_distance = 32768;
constexpr std::size_t block_tokens = std::size_t{1} << 15;
constexpr std::size_t end_of_block = 256, literal_codes = 286, distance_codes = 30;
constexpr std::uint64_t adler_base = 65521;

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
    : out_(out), written_(out.size()), row_bytes_(row_bytes), bpp_(bytes_per_pixel) {
  out_ += "\x78\x01";  // deflate, 32 KB window, "fastest" (RFC 1950 header with its check bits)
  written_ = out_.size();
  if (row_bytes >= (std::size_t{1} << 24)) throw std::invalid_argument("RowDeflater: row too long for its checksum sums");
  tokens_.reserve(block_tokens + 2 * max_match);  // a hint: a block is flushed between steps, so it may run over
}

void RowDeflater::literal(unsigned char byte) {
  tokens_.push_back({byte, 0});
  ++literal_freq_[byte];
}

void RowDeflater::match(std::size_t length, std::size_t distance) {
  tokens_.push_back({static_cast<std::uint16_t>(length), static_cast<std::uint16_t>(distance)});
  ++literal_freq_[length_codes()[length].symbol];
  ++distance_freq_[distance_code(distance).symbol];
}

void RowDeflater::zero_run(std::size_t length) {
  if (last_byte_ != 0) literal(0), --length;
  for (; length >= 3; length -= std::min(length, max_match)) match(std::min(length, max_match), 1);
  for (; length > 0; --length) literal(0);
  last_byte_ = 0;
}

void RowDeflater::add_row(const unsigned char* row, std::span<const Span> maybe_nonzero) {
  for ([[maybe_unused]] std::size_t s = 0; s < maybe_nonzero.size(); ++s)  // sorted, disjoint, within the row
    assert(maybe_nonzero[s].begin < maybe_nonzero[s].end && maybe_nonzero[s].end <= row_bytes_ &&
           (s == 0 || maybe_nonzero[s - 1].end <= maybe_nonzero[s].begin));
  checksum(row, maybe_nonzero);
  const bool row_above = previous_row_ != nullptr && row_bytes_ <= max_distance;
  std::size_t zeros = 0;  // a zero run ending at i, not yet coded
  std::size_t span = 0;
  for (std::size_t i = 0; i < row_bytes_;) {
    while (span < maybe_nonzero.size() && maybe_nonzero[span].end <= i) ++span;
    if (span == maybe_nonzero.size()) {
      zeros += row_bytes_ - i;
      break;
    }
    if (i < maybe_nonzero[span].begin) {
      zeros += maybe_nonzero[span].begin - i;
      i = maybe_nonzero[span].begin;
    }
    if (row[i] == 0) {
      const std::size_t end = zeros_end(row, i, maybe_nonzero[span].end);
      zeros += end - i;
      i = end;
      continue;
    }
    if (zeros > 0) zero_run(zeros), zeros = 0;
    // The longest of three cheap candidates: a run of the previous byte, the previous pixel, the row above.
    // Matches may run on past the span: the bytes there are real zeros.
    const std::size_t limit = std::min(max_match, row_bytes_ - i);
    std::size_t length = 0, distance = 0;
    // Most bytes here are anti-aliased edges that match nothing: the first three bytes rule a candidate
    // out before the full comparison.
    auto consider = [&](std::size_t d, const unsigned char* from, std::size_t minimum) {
      if (row[i] != from[0] || row[i + 1] != from[1] || row[i + 2] != from[2]) return;
      const std::size_t k = equal_prefix(row + i, from, limit);
      if (k >= minimum && k > length) length = k, distance = d;
    };
    if (limit >= 3) {
      if (i >= 1) consider(1, row + i - 1, 3);
      if (i >= bpp_ && bpp_ > 1) consider(bpp_, row + i - bpp_, 3);
      if (row_above) consider(row_bytes_, previous_row_ + i, 4);
    }
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
  if (zeros > 0) zero_run(zeros);
  previous_row_ = row;
  if (tokens_.size() >= block_tokens) flush_block(false);
}

void RowDeflater::finish() {
  flush_block(true);
  out_.resize(written_);
  while (bit_count_ > 0) {
    out_ += static_cast<char>(bit_buffer_ & 0xFF);
    bit_buffer_ >>= 8;
    bit_count_ -= 8;
  }
  for (int shift = 24; shift >= 0; shift -= 8) out_ += static_cast<char>((adler_ >> shift) & 0xFF);
}

// Room in out_ for `bits` more bits, so put_bits need not check: appending to a string four bytes at a
// time was a tenth of a figure's encoding time.
void RowDeflater::reserve_bits(std::size_t bits) {
  const std::size_t needed = written_ + (static_cast<std::size_t>(bit_count_) + bits) / 8 + 8;
  if (out_.size() < needed) out_.resize(std::max(needed, out_.size() + out_.size() / 2));
}

void RowDeflater::put_bits(std::uint32_t bits, int count) {
  bit_buffer_ |= static_cast<std::uint64_t>(bits) << bit_count_;
  bit_count_ += count;
  if (bit_count_ >= 32) {
    const auto word = static_cast<std::uint32_t>(bit_buffer_);  // little-endian: the first bits first
    std::memcpy(out_.data() + written_, &word, 4);
    written_ += 4;
    bit_buffer_ >>= 32;
    bit_count_ -= 32;
  }
}

// One dynamic-Huffman block (RFC 1951 §3.2.7) of the tokens so far, codes fitted to their frequencies.
void RowDeflater::flush_block(bool last) {
  const auto& lengths_table = length_codes();
  std::vector<std::uint32_t> literal_freq(literal_freq_.begin(), literal_freq_.end());
  std::vector<std::uint32_t> distance_freq(distance_freq_.begin(), distance_freq_.end());
  literal_freq_.fill(0);
  distance_freq_.fill(0);
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

  // At most: the header, 7 bits per coded length, and per token its codes and up to 5 + 13 extra bits.
  std::size_t bits = 17 + 3 * 19 + 7 * coded_lengths.size() + 15;
  for (std::size_t s = 0; s < literal_codes; ++s) bits += std::size_t{literal_freq[s]} * literal_lengths[s];
  for (std::size_t s = 0; s < distance_codes; ++s) bits += std::size_t{distance_freq[s]} * (distance_lengths[s] + 18u);
  reserve_bits(bits);
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
  // Each literal and each match length as one string of bits: its code, then its extra bits.
  struct Bits {
    std::uint32_t bits;
    int count;
  };
  std::array<Bits, 256 + max_match + 1> symbol_bits{};  // literals, then lengths 3..258 at 256 + length
  for (std::size_t b = 0; b < 256; ++b) symbol_bits[b] = {literal_bits[b], literal_lengths[b]};
  for (std::size_t l = 3; l <= max_match; ++l) {
    const Code& c = lengths_table[l];
    symbol_bits[256 + l] = {literal_bits[c.symbol] | (std::uint32_t{c.extra} << literal_lengths[c.symbol]),
                            literal_lengths[c.symbol] + c.extra_bits};
  }
  for (const Token& t : tokens_) {
    if (t.distance == 0) {
      put_bits(symbol_bits[t.length_or_literal].bits, symbol_bits[t.length_or_literal].count);
      continue;
    }
    put_bits(symbol_bits[256 + t.length_or_literal].bits, symbol_bits[256 + t.length_or_literal].count);
    const Code d = distance_code(t.distance);
    put_bits(distance_bits[d.symbol] | (std::uint32_t{d.extra} << distance_lengths[d.symbol]), distance_lengths[d.symbol] + d.extra_bits);
  }
  put_bits(literal_bits[end_of_block], literal_lengths[end_of_block]);
  tokens_.clear();
}

// Adler-32 (RFC 1950 §8.2) over the whole row from its non-zero bytes alone: after n bytes D_i the sums
// are a + sum(D_i) and b + n a + sum((n - i) D_i), so zeros count only through n.
void RowDeflater::checksum(const unsigned char* row, std::span<const Span> maybe_nonzero) {
  std::uint64_t sum = 0, weighted = 0;  // below 255 n^2 / 2 < 2^56, since n < 2^24
  const std::uint64_t n = row_bytes_;
  for (const Span& s : maybe_nonzero)
    for (std::size_t i = s.begin; i < s.end; ++i) {
      sum += row[i];
      weighted += (n - i) * row[i];
    }
  const std::uint64_t a = adler_ & 0xFFFF, b = adler_ >> 16;
  const std::uint64_t new_b = (b + (n % adler_base) * a + weighted % adler_base) % adler_base;
  const std::uint64_t new_a = (a + sum) % adler_base;
  adler_ = static_cast<std::uint32_t>((new_b << 16) | new_a);
}

}  // namespace pp::media
