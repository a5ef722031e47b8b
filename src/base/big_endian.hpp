// Big-endian integers as file formats store them (PNG chunks, OpenType and CFF tables, SHA-1's words).
// The caller has checked that the bytes are there.
#pragma once

#include <cstdint>

namespace pp::base {

inline std::uint16_t load_be16(const void* at) {
  const auto* p = static_cast<const unsigned char*>(at);
  return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

inline std::uint32_t load_be32(const void* at) {
  const auto* p = static_cast<const unsigned char*>(at);
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

}  // namespace pp::base
