#include "text/cff_structure.hpp"

#include "base/big_endian.hpp"

namespace pp::text {

std::uint64_t cff_index_end(const CffRead& read, std::uint64_t pos, std::uint64_t table_length) {
  std::uint8_t head[3];
  if (pos + 2 > table_length || !read(pos, head, 2)) return 0;
  const unsigned count = base::load_be16(head);
  if (count == 0) return pos + 2;
  if (pos + 3 > table_length || !read(pos + 2, head + 2, 1)) return 0;
  const unsigned off_size = head[2];
  if (off_size < 1 || off_size > 4) return 0;
  const std::uint64_t last_at = pos + 3 + std::uint64_t{count} * off_size;  // the offset after the last object
  std::uint8_t last[4];
  if (last_at + off_size > table_length || !read(last_at, last, off_size)) return 0;
  std::uint64_t last_offset = 0;
  for (unsigned i = 0; i < off_size; ++i) last_offset = last_offset << 8 | last[i];
  if (last_offset < 1) return 0;
  const std::uint64_t end = last_at + off_size + last_offset - 1;  // offsets count from 1
  return end <= table_length ? end : 0;
}

std::optional<CffIndex> read_cff_index(const CffRead& read, std::uint64_t pos, std::uint64_t table_length) {
  std::uint8_t head[3];
  if (pos + 2 > table_length || !read(pos, head, 2)) return std::nullopt;
  CffIndex index;
  index.start = pos;
  const unsigned count = base::load_be16(head);
  if (count == 0) {
    index.data = index.end = pos + 2;
    return index;
  }
  if (pos + 3 > table_length || !read(pos + 2, head + 2, 1)) return std::nullopt;
  index.offset_size = head[2];
  if (index.offset_size < 1 || index.offset_size > 4) return std::nullopt;
  const std::uint64_t array_length = (std::uint64_t{count} + 1) * index.offset_size;
  if (pos + 3 + array_length > table_length) return std::nullopt;
  std::vector<std::uint8_t> bytes(array_length);
  if (!read(pos + 3, bytes.data(), array_length)) return std::nullopt;
  index.data = pos + 3 + array_length - 1;
  index.offsets.resize(std::uint64_t{count} + 1);
  for (std::uint64_t i = 0, at = 0; i <= count; ++i) {
    std::uint64_t offset = 0;
    for (unsigned b = 0; b < index.offset_size; ++b) offset = offset << 8 | bytes[at++];
    // Offsets start at 1, never fall and stay inside the table.
    if ((i == 0 && offset != 1) || (i > 0 && offset < index.offsets[i - 1]) || index.data + offset > table_length)
      return std::nullopt;
    index.offsets[i] = offset;
  }
  index.end = index.data + index.offsets.back();
  return index;
}

std::optional<std::vector<std::int64_t>> cff_dict_operands(const std::vector<std::uint8_t>& dict, unsigned op) {
  std::optional<std::vector<std::int64_t>> found;
  std::vector<std::int64_t> operands;
  bool real = false;  // among the operands being gathered
  for (std::size_t i = 0; i < dict.size();) {
    const unsigned b0 = dict[i];
    const auto need = [&](std::size_t n) { return i + n <= dict.size(); };
    if (b0 <= 21) {  // an operator, two bytes when escaped
      unsigned code = b0;
      if (b0 == 12) {
        if (!need(2)) return std::nullopt;
        code = 1200 + dict[i + 1];
        ++i;
      }
      ++i;
      if (code == op) {
        if (real) found.reset();
        else found = operands;
      }
      operands.clear();
      real = false;
    } else if (b0 == 28) {
      if (!need(3)) return std::nullopt;
      operands.push_back(static_cast<std::int16_t>(base::load_be16(&dict[i + 1])));
      i += 3;
    } else if (b0 == 29) {
      if (!need(5)) return std::nullopt;
      operands.push_back(static_cast<std::int32_t>(base::load_be32(&dict[i + 1])));
      i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to an 0xf
      real = true;
      for (++i;; ++i) {
        if (i >= dict.size()) return std::nullopt;
        if ((dict[i] & 0x0F) == 0x0F || (dict[i] & 0xF0) == 0xF0) break;
      }
      ++i;
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<std::int64_t>(b0) - 139);
      ++i;
    } else if (b0 >= 247 && b0 <= 254) {
      if (!need(2)) return std::nullopt;
      operands.push_back(b0 <= 250 ? (static_cast<std::int64_t>(b0) - 247) * 256 + dict[i + 1] + 108
                                   : -(static_cast<std::int64_t>(b0) - 251) * 256 - dict[i + 1] - 108);
      i += 2;
    } else {
      return std::nullopt;  // reserved
    }
  }
  return found;
}

}  // namespace pp::text
