#include "media/raw_deflate.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace pp::media {

RawDeflated raw_deflate(std::string_view bytes, int level) {
  RawDeflated out;
  out.size = bytes.size();
  out.crc32 = static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
  z_stream z{};
  constexpr int raw_window = -MAX_WBITS;  // negative: no zlib wrapper, as ZIP wants
  constexpr int memory_level = 8;         // zlib's default
  if (deflateInit2(&z, level, Z_DEFLATED, raw_window, memory_level, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("internal error: zlib init");
  out.data.resize(deflateBound(&z, static_cast<uLong>(bytes.size())));
  constexpr std::size_t chunk = std::numeric_limits<uInt>::max();  // avail_in/out are 32-bit
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.next_out = reinterpret_cast<Bytef*>(out.data.data());
  std::size_t in_left = bytes.size(), out_left = out.data.size();
  int status = Z_OK;
  while (status == Z_OK) {
    z.avail_in = static_cast<uInt>(std::min(in_left, chunk));
    z.avail_out = static_cast<uInt>(std::min(out_left, chunk));
    const uInt in_before = z.avail_in, out_before = z.avail_out;
    status = deflate(&z, in_left <= chunk ? Z_FINISH : Z_NO_FLUSH);
    in_left -= in_before - z.avail_in;
    out_left -= out_before - z.avail_out;
  }
  const auto written = out.data.size() - out_left;
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("internal error: zlib could not compress");
  out.data.resize(written);
  out.data.shrink_to_fit();  // deflateBound's room is about the input's size: entries are kept until the archive closes
  return out;
}

}  // namespace pp::media
