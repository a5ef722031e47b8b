// Length-limited Huffman codes as deflate (RFC 1951 §3.2.2) describes them: a bit length per symbol,
// from which the canonical codes follow.
#pragma once

#include <cstdint>
#include <vector>

namespace pp::media {

// The code length of each symbol for the given frequencies, none longer than `max_bits`; 0 for a symbol that
// never occurs. At least two symbols get a code even when fewer occur, because a one-code tree is
// incomplete and some inflaters refuse it. When the optimal tree is too deep, frequencies are halved until
// it fits: a few bits per block worse than package-merge, and much simpler.
std::vector<std::uint8_t> huffman_code_lengths(std::vector<std::uint32_t> frequencies, int max_bits);

// The canonical code of each symbol with a length, bit-reversed, since deflate sends codes from their most
// significant bit but packs bits from the least.
std::vector<std::uint16_t> canonical_codes(const std::vector<std::uint8_t>& lengths);

}  // namespace pp::media
