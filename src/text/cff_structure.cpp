#include "text/cff_structure.hpp"

#include "base/big_endian.hpp"

#include <cstring>

namespace pp::text {

CffRead cff_bytes_reader(std::span<const std::uint8_t> bytes) {
  return [bytes](std::uint64_t at, std::uint8_t* out, std::uint64_t n) {
    if (at > bytes.size() || n > bytes.size() - at) return false;
    std::memcpy(out, bytes.data() + at, n);
    return true;
  };
}

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

std::optional<std::uint64_t> cff_dict_offset(const std::vector<std::uint8_t>& dict, unsigned op, std::uint64_t table_length) {
  const auto operands = cff_dict_operands(dict, op);
  if (!operands || operands->size() != 1 || operands->front() <= 0 ||
      static_cast<std::uint64_t>(operands->front()) >= table_length)
    return std::nullopt;
  return static_cast<std::uint64_t>(operands->front());
}

namespace {

std::optional<std::vector<std::uint8_t>> read_bytes(const CffRead& read, std::uint64_t begin, std::uint64_t end) {
  std::vector<std::uint8_t> bytes(end - begin);
  if (!read(begin, bytes.data(), bytes.size())) return std::nullopt;
  return bytes;
}

}  // namespace

std::uint64_t cff_name_index_end(const CffRead& read, std::uint64_t table_length) {
  std::uint8_t header[4];  // major, minor, hdrSize, offSize
  if (table_length < 4 || !read(0, header, 4) || header[0] != 1 || header[2] < 4) return 0;
  return cff_index_end(read, header[2], table_length);
}

std::optional<CffTopLevel> read_cff_top_level(const CffRead& read, std::uint64_t table_length) {
  const std::uint64_t names_end = cff_name_index_end(read, table_length);
  const auto top_index = names_end ? read_cff_index(read, names_end, table_length) : std::nullopt;
  if (!top_index || top_index->count() == 0) return std::nullopt;
  auto top_dict = read_bytes(read, top_index->begin_of(0), top_index->end_of(0));
  if (!top_dict) return std::nullopt;
  const auto charstrings_at = cff_dict_offset(*top_dict, 17, table_length);
  auto charstrings = charstrings_at ? read_cff_index(read, *charstrings_at, table_length) : std::nullopt;
  if (!charstrings || charstrings->count() == 0) return std::nullopt;
  return CffTopLevel{std::move(*top_dict), top_index->end, std::move(*charstrings)};
}

std::optional<CffSubroutines> read_cff_subroutines(const CffRead& read, const CffTopLevel& top, std::uint64_t table_length) {
  CffSubroutines out;
  const std::uint64_t strings_end = cff_index_end(read, top.top_index_end, table_length);
  auto global = strings_end ? read_cff_index(read, strings_end, table_length) : std::nullopt;
  if (!global) return std::nullopt;
  out.global = std::move(*global);
  // A Private DICT's Subrs operand counts from the DICT's own start.
  const auto local_subrs = [&](const std::vector<std::uint8_t>& font_dict) -> std::optional<CffIndex> {
    const auto priv = cff_dict_operands(font_dict, 18);  // size, offset
    if (!priv || priv->size() != 2 || (*priv)[0] < 0 || (*priv)[1] <= 0 ||
        static_cast<std::uint64_t>((*priv)[1] + (*priv)[0]) > table_length)
      return std::nullopt;
    const auto begin = static_cast<std::uint64_t>((*priv)[1]);
    const auto dict = read_bytes(read, begin, begin + static_cast<std::uint64_t>((*priv)[0]));
    if (!dict) return std::nullopt;
    const auto subrs = cff_dict_offset(*dict, 19, table_length);
    if (!subrs) return CffIndex{};  // none
    return read_cff_index(read, begin + *subrs, table_length);
  };
  out.cid_keyed = cff_dict_operands(top.top_dict, 1230).has_value();
  if (!out.cid_keyed) {
    out.local.push_back(local_subrs(top.top_dict));
    return out;
  }
  const auto fdarray_at = cff_dict_offset(top.top_dict, 1236, table_length);
  const auto fdarray = fdarray_at ? read_cff_index(read, *fdarray_at, table_length) : std::nullopt;
  if (!fdarray) return std::nullopt;
  for (std::size_t i = 0; i < fdarray->count(); ++i) {
    const auto font_dict = read_bytes(read, fdarray->begin_of(i), fdarray->end_of(i));
    out.local.push_back(font_dict ? local_subrs(*font_dict) : std::nullopt);
  }
  return out;
}

}  // namespace pp::text
