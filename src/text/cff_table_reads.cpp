#include "text/cff_table_reads.hpp"

#include "base/big_endian.hpp"
#include "base/mapped_file.hpp"
#include "text/glyph_use.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYSTEM_H

#include <algorithm>
#include <atomic>
#include <cstring>

namespace pp::text {

namespace {

// The end of the INDEX at `pos` (Adobe TN 5176, section 5), or 0.
std::uint64_t index_end(const CffRead& read, std::uint64_t pos, std::uint64_t table_length) {
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

// An INDEX's header and offset array (Adobe TN 5176, section 5): object i is the bytes
// [data + offsets[i], data + offsets[i + 1]) of the table.
struct CffIndex {
  std::uint64_t data = 0;  // where the objects' bytes start, less 1: offsets count from 1
  std::vector<std::uint64_t> offsets;
};

std::optional<CffIndex> read_index(const CffRead& read, std::uint64_t pos, std::uint64_t table_length) {
  std::uint8_t head[3];
  if (pos + 3 > table_length || !read(pos, head, 3)) return std::nullopt;
  const unsigned count = base::load_be16(head), off_size = head[2];
  if (count == 0 || off_size < 1 || off_size > 4) return std::nullopt;
  const std::uint64_t array_length = (std::uint64_t{count} + 1) * off_size;
  if (pos + 3 + array_length > table_length) return std::nullopt;
  std::vector<std::uint8_t> bytes(array_length);
  if (!read(pos + 3, bytes.data(), array_length)) return std::nullopt;
  CffIndex index;
  index.data = pos + 3 + array_length - 1;
  index.offsets.resize(std::uint64_t{count} + 1);
  for (std::uint64_t i = 0, at = 0; i <= count; ++i) {
    std::uint64_t offset = 0;
    for (unsigned b = 0; b < off_size; ++b) offset = offset << 8 | bytes[at++];
    // Offsets start at 1, never fall and stay inside the table.
    if ((i == 0 && offset != 1) || (i > 0 && offset < index.offsets[i - 1]) || index.data + offset > table_length)
      return std::nullopt;
    index.offsets[i] = offset;
  }
  return index;
}

// The operand of the last `op` in a DICT (TN 5176, section 4), when it is an integer.
std::optional<std::int64_t> dict_integer(const std::vector<std::uint8_t>& dict, unsigned op) {
  std::optional<std::int64_t> found, last;  // last: the operand before the operator being read
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
      if (code == op) found = last;
      last.reset();
    } else if (b0 == 28) {
      if (!need(3)) return std::nullopt;
      last = static_cast<std::int16_t>(base::load_be16(&dict[i + 1]));
      i += 3;
    } else if (b0 == 29) {
      if (!need(5)) return std::nullopt;
      last = static_cast<std::int32_t>(base::load_be32(&dict[i + 1]));
      i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to an 0xf
      last.reset();
      for (++i;; ++i) {
        if (i >= dict.size()) return std::nullopt;
        if ((dict[i] & 0x0F) == 0x0F || (dict[i] & 0xF0) == 0xF0) break;
      }
      ++i;
    } else if (b0 >= 32 && b0 <= 246) {
      last = static_cast<std::int64_t>(b0) - 139;
      ++i;
    } else if (b0 >= 247 && b0 <= 254) {
      if (!need(2)) return std::nullopt;
      last = b0 <= 250 ? (static_cast<std::int64_t>(b0) - 247) * 256 + dict[i + 1] + 108
                       : -(static_cast<std::int64_t>(b0) - 251) * 256 - dict[i + 1] - 108;
      i += 2;
    } else {
      return std::nullopt;  // reserved
    }
  }
  return found;
}

std::atomic<std::uint64_t> sparse_tables{0}, sparse_bytes_read{0}, sparse_bytes_left{0};

}  // namespace


std::uint64_t cff_head_length(const CffRead& read, std::uint64_t table_length) {
  std::uint8_t header[4];  // major, minor, hdrSize, offSize
  if (table_length < 4 || !read(0, header, 4) || header[0] != 1 || header[2] < 4) return 0;
  const std::uint64_t names_end = index_end(read, header[2], table_length);
  return names_end ? index_end(read, names_end, table_length) : 0;
}

std::optional<SfntTableExtent> sfnt_table_extent(const CffRead& read, std::uint64_t file_size, unsigned face_index,
                                                 std::uint32_t tag) {
  auto u32 = [&](std::uint64_t at, std::uint32_t& v) {
    std::uint8_t b[4];
    if (at + 4 > file_size || !read(at, b, 4)) return false;
    v = base::load_be32(b);
    return true;
  };
  std::uint32_t v = 0, directory = 0;
  if (!u32(0, v)) return std::nullopt;
  if (v == 0x74746366) {  // 'ttcf': a collection, whose header lists each face's table directory
    std::uint32_t faces = 0;
    if (!u32(8, faces) || face_index >= faces || !u32(12 + 4 * std::uint64_t{face_index}, directory)) return std::nullopt;
  } else if (face_index != 0) {
    return std::nullopt;
  }
  std::uint32_t counts = 0;  // numTables in the high half
  if (!u32(directory + 4, counts)) return std::nullopt;
  for (std::uint64_t i = 0, tables = counts >> 16; i < tables; ++i) {
    const std::uint64_t record = directory + 12 + 16 * i;  // tag, checksum, offset, length
    std::uint32_t record_tag = 0, offset = 0, length = 0;
    if (!u32(record, record_tag)) return std::nullopt;
    if (record_tag != tag) continue;
    if (!u32(record + 8, offset) || !u32(record + 12, length) || std::uint64_t{offset} + length > file_size) return std::nullopt;
    return SfntTableExtent{offset, length};
  }
  return std::nullopt;
}

std::optional<std::vector<ByteRange>> cff_ranges_for_glyphs(const CffRead& read, std::uint64_t table_length,
                                                            const std::vector<bool>& used, std::uint64_t merge_gap) {
  std::uint8_t header[4];
  if (table_length < 4 || !read(0, header, 4) || header[0] != 1 || header[2] < 4) return std::nullopt;
  const std::uint64_t names_end = index_end(read, header[2], table_length);
  if (names_end == 0) return std::nullopt;
  const auto top = read_index(read, names_end, table_length);
  if (!top) return std::nullopt;
  std::vector<std::uint8_t> top_dict(top->offsets[1] - top->offsets[0]);  // the first font's
  if (!read(top->data + top->offsets[0], top_dict.data(), top_dict.size())) return std::nullopt;
  const auto charstrings_at = dict_integer(top_dict, 17);  // the CharStrings operator
  if (!charstrings_at || *charstrings_at <= 0) return std::nullopt;
  const auto charstrings = read_index(read, static_cast<std::uint64_t>(*charstrings_at), table_length);
  if (!charstrings) return std::nullopt;

  std::vector<ByteRange> ranges;
  const auto take = [&](std::uint64_t from, std::uint64_t to) {
    if (to <= from) return;
    if (!ranges.empty() && from <= ranges.back().offset + ranges.back().length + merge_gap)
      ranges.back().length = std::max(ranges.back().length, to - ranges.back().offset);
    else
      ranges.push_back({from, to - from});
  };
  const auto& offsets = charstrings->offsets;
  const std::uint64_t data = charstrings->data;
  take(0, data + offsets.front());  // everything up to the first charstring
  for (std::size_t g = 0; g + 1 < offsets.size(); ++g)
    if (g == 0 || (g < used.size() && used[g])) take(data + offsets[g], data + offsets[g + 1]);
  take(data + offsets.back(), table_length);  // everything after the last
  return ranges;
}

namespace {

// A table's place in the file behind a face's memory-mapped stream; nullopt when the stream is not a
// mapping or the table is not `length` bytes long.
std::optional<SfntTableExtent> mapped_table_extent(FT_FaceRec_* face, unsigned long tag, unsigned long length) {
  const FT_Stream stream = face->stream;
  if (stream == nullptr || stream->base == nullptr || stream->read != nullptr) return std::nullopt;  // not a mapping
  const auto in_memory = [stream](std::uint64_t at, std::uint8_t* out, std::uint64_t n) {
    if (at + n > stream->size) return false;
    std::memcpy(out, stream->base + at, n);  // the directories: the file's first page or two
    return true;
  };
  auto extent = sfnt_table_extent(in_memory, stream->size, static_cast<unsigned>(face->face_index & 0xFFFF),
                                  static_cast<std::uint32_t>(tag));
  if (!extent || extent->length != length) return std::nullopt;
  return extent;
}

}  // namespace

bool read_table_from_font_file(FT_FaceRec_* face, unsigned long tag, unsigned char* buffer, unsigned long length) {
  const auto extent = mapped_table_extent(face, tag, length);
  return extent && base::read_mapped_file(face->stream->base, face->stream->size, extent->offset, buffer, length);
}

bool read_cff_table_for_drawn_glyphs(FT_FaceRec_* face, unsigned char* buffer, unsigned long length) {
  const auto source = source_of(face);
  if (!source) return false;
  const auto used = glyphs_drawn(*source);
  if (!used) return false;
  const auto extent = mapped_table_extent(face, FT_MAKE_TAG('C', 'F', 'F', ' '), length);
  if (!extent) return false;
  const base::MappedFileReader file(face->stream->base, face->stream->size);
  if (!file.is_open()) return false;
  const auto in_table = [&](std::uint64_t at, std::uint8_t* out, std::uint64_t n) {
    return at <= length && n <= length - at && file.read(extent->offset + at, out, n);
  };
  const auto ranges = cff_ranges_for_glyphs(in_table, length, *used);
  if (!ranges) return false;
  std::uint64_t read = 0;
  for (const ByteRange& r : *ranges) {
    if (!in_table(r.offset, buffer + r.offset, r.length)) return false;
    read += r.length;
  }
  ++sparse_tables;
  sparse_bytes_read += read;
  sparse_bytes_left += length - read;
  return true;
}

SparseCffReads sparse_cff_reads() { return {sparse_tables.load(), sparse_bytes_read.load(), sparse_bytes_left.load()}; }

}  // namespace pp::text
