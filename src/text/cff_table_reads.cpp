#include "text/cff_table_reads.hpp"

#include "base/big_endian.hpp"
#include "base/mapped_file.hpp"
#include "text/cff_charstrings.hpp"
#include "text/glyph_use.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYSTEM_H

#include <algorithm>
#include <atomic>
#include <cstring>

namespace pp::text {

namespace {

std::atomic<std::uint64_t> sparse_tables{0}, flattened_tables{0}, sparse_bytes_read{0}, sparse_bytes_left{0};

}  // namespace


std::uint64_t cff_head_length(const CffRead& read, std::uint64_t table_length) {
  std::uint8_t header[4];  // major, minor, hdrSize, offSize
  if (table_length < 4 || !read(0, header, 4) || header[0] != 1 || header[2] < 4) return 0;
  const std::uint64_t names_end = cff_index_end(read, header[2], table_length);
  return names_end ? cff_index_end(read, names_end, table_length) : 0;
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
  const std::uint64_t names_end = cff_index_end(read, header[2], table_length);
  if (names_end == 0) return std::nullopt;
  const auto top = read_cff_index(read, names_end, table_length);
  if (!top || top->count() == 0) return std::nullopt;
  std::vector<std::uint8_t> top_dict(top->end_of(0) - top->begin_of(0));  // the first font's
  if (!read(top->begin_of(0), top_dict.data(), top_dict.size())) return std::nullopt;
  const auto charstrings_at = cff_dict_operands(top_dict, 17);  // the CharStrings operator
  if (!charstrings_at || charstrings_at->size() != 1 || charstrings_at->front() <= 0) return std::nullopt;
  const auto charstrings = read_cff_index(read, static_cast<std::uint64_t>(charstrings_at->front()), table_length);
  if (!charstrings || charstrings->count() == 0) return std::nullopt;

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
  // cairo's own walk for subroutine calls can miss one (text/cff_charstrings.hpp): it is given none.
  if (flatten_charstrings({buffer, length}, *used)) ++flattened_tables;
  ++sparse_tables;
  sparse_bytes_read += read;
  sparse_bytes_left += length - read;
  return true;
}

SparseCffReads sparse_cff_reads() {
  return {sparse_tables.load(), flattened_tables.load(), sparse_bytes_read.load(), sparse_bytes_left.load()};
}

}  // namespace pp::text
