#include "media/huffman_code.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <queue>
#include <stdexcept>
#include <utility>

namespace pp::media {

namespace {

// Depth of every leaf of the Huffman tree for `frequencies` (all symbols with a non-zero frequency).
std::vector<std::uint8_t> tree_depths(const std::vector<std::uint32_t>& frequencies) {
  const std::size_t n = frequencies.size();
  std::vector<std::size_t> parent(2 * n, 0);
  // (weight, node): ties break on the node number, so the same input always gives the same tree.
  using Entry = std::pair<std::uint64_t, std::size_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  for (std::size_t s = 0; s < n; ++s)
    if (frequencies[s] > 0) queue.emplace(frequencies[s], s);
  std::size_t next = n;
  while (queue.size() > 1) {
    const auto [wa, a] = queue.top();
    queue.pop();
    const auto [wb, b] = queue.top();
    queue.pop();
    parent[a] = parent[b] = next;
    queue.emplace(wa + wb, next++);
  }
  const std::size_t root = next - 1;
  // Internal nodes are numbered after their children, so walking down from the root fills depths in order.
  std::vector<std::uint8_t> depth(2 * n, 0);
  for (std::size_t node = root; node-- > n;) depth[node] = static_cast<std::uint8_t>(depth[parent[node]] + 1);
  std::vector<std::uint8_t> lengths(n, 0);
  for (std::size_t s = 0; s < n; ++s)
    if (frequencies[s] > 0) lengths[s] = static_cast<std::uint8_t>(depth[parent[s]] + 1);
  return lengths;
}

}  // namespace

std::vector<std::uint8_t> huffman_code_lengths(std::vector<std::uint32_t> frequencies, int max_bits) {
  if (frequencies.size() < 2 || frequencies.size() > (std::size_t{1} << max_bits))
    throw std::invalid_argument("huffman_code_lengths: alphabet does not fit the length limit");
  // Unused symbols stand in for the missing codes, from the first.
  auto used = std::count_if(frequencies.begin(), frequencies.end(), [](std::uint32_t f) { return f > 0; });
  for (auto& f : frequencies)
    if (used < 2 && f == 0) f = 1, ++used;
  for (;;) {
    auto lengths = tree_depths(frequencies);
    if (*std::max_element(lengths.begin(), lengths.end()) <= max_bits) return lengths;
    for (auto& f : frequencies)
      if (f > 0) f = std::max<std::uint32_t>(1, f / 2);
  }
}

std::vector<std::uint16_t> canonical_codes(const std::vector<std::uint8_t>& lengths) {
  constexpr int max_bits = 15;
  std::vector<std::uint16_t> count(max_bits + 1, 0), next(max_bits + 2, 0);
  for (const auto l : lengths) ++count[l];
  count[0] = 0;
  for (int bits = 1, code = 0; bits <= max_bits; ++bits) {
    code = (code + count[static_cast<std::size_t>(bits - 1)]) << 1;
    next[static_cast<std::size_t>(bits)] = static_cast<std::uint16_t>(code);
  }
  std::vector<std::uint16_t> codes(lengths.size(), 0);
  for (std::size_t s = 0; s < lengths.size(); ++s) {
    const int l = lengths[s];
    if (l == 0) continue;
    unsigned code = next[static_cast<std::size_t>(l)]++, reversed = 0;
    for (int b = 0; b < l; ++b, code >>= 1) reversed = (reversed << 1) | (code & 1);
    codes[s] = static_cast<std::uint16_t>(reversed);
  }
  return codes;
}

}  // namespace pp::media
