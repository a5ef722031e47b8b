// A whole buffer deflated the way a ZIP entry stores it: raw deflate (no zlib header or trailer), with the
// CRC-32 that ZIP keeps beside it. Pure: callable on any thread, so entries can be compressed as soon as
// they are written rather than all at once when the archive closes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pp::media {

struct RawDeflated {
  std::string data;        // the deflate stream
  std::uint32_t crc32 = 0; // of the original bytes
  std::uint64_t size = 0;  // of the original bytes
};

RawDeflated raw_deflate(std::string_view bytes, int level);

}  // namespace pp::media
