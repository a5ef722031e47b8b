// The scans both figure encoders spend their time in: how far two runs of bytes or pixels stay equal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pp::media {

// The number of leading bytes of `a` and `b` that are equal, at most `n`, 8 bytes per step. Steps of 32
// bytes first were measured slower for the deflater's matches, which are mostly short.
inline std::size_t equal_prefix(const unsigned char* a, const unsigned char* b, std::size_t n) {
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a + k, 8);
    std::memcpy(&y, b + k, 8);
    if (x != y) return k + static_cast<std::size_t>(__builtin_ctzll(x ^ y) / 8);  // little-endian
  }
  while (k < n && a[k] == b[k]) ++k;
  return k;
}

// The number of leading 32-bit pixels of `a` and `b` that are equal, at most `n`: a figure's row against
// the row above, where equal stretches are long, so 16 pixels per step when SSE2 is there (every x86-64).
inline std::size_t equal_pixel_prefix(const std::uint32_t* a, const std::uint32_t* b, std::size_t n) {
  std::size_t k = 0;
#if defined(__SSE2__)
  for (; k + 16 <= n; k += 16) {
    const auto load = [](const std::uint32_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); };
    const __m128i e0 = _mm_cmpeq_epi32(load(a + k), load(b + k)), e1 = _mm_cmpeq_epi32(load(a + k + 4), load(b + k + 4));
    const __m128i e2 = _mm_cmpeq_epi32(load(a + k + 8), load(b + k + 8)), e3 = _mm_cmpeq_epi32(load(a + k + 12), load(b + k + 12));
    if (_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(e0, e1), _mm_and_si128(e2, e3))) != 0xFFFF) break;
  }
#endif
  return k + equal_prefix(reinterpret_cast<const unsigned char*>(a + k), reinterpret_cast<const unsigned char*>(b + k),
                          (n - k) * 4) / 4;
}

}  // namespace pp::media
