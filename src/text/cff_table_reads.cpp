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

namespace pp::text {

namespace {

std::atomic<std::uint64_t> sparse_tables{0}, flattened_tables{0}, sparse_bytes_read{0}, sparse_bytes_left{0},
    unflattened_tables{0};

}  // namespace

std::uint64_t cff_head_length(const CffRead& read, std::uint64_t table_length) {
  const std::uint64_t names_end = cff_name_index_end(read, table_length);
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

std::vector<ByteRange> cff_ranges_for_glyphs(const CffTopLevel& top, std::uint64_t table_length,
                                             const std::vector<bool>& used, std::uint64_t merge_gap) {
  std::vector<ByteRange> ranges;
  const auto take = [&](std::uint64_t from, std::uint64_t to) {
    if (to <= from) return;
    if (!ranges.empty() && from <= ranges.back().offset + ranges.back().length + merge_gap)
      ranges.back().length = std::max(ranges.back().length, to - ranges.back().offset);
    else
      ranges.push_back({from, to - from});
  };
  const auto& offsets = top.charstrings.offsets;
  const std::uint64_t data = top.charstrings.data;
  take(0, data + offsets.front());  // everything up to the first charstring
  for (std::size_t g = 0; g + 1 < offsets.size(); ++g)
    if (cff_glyph_used(used, g)) take(data + offsets[g], data + offsets[g + 1]);
  take(data + offsets.back(), table_length);  // everything after the last
  return ranges;
}

namespace {

// A table's place in the file behind a face's memory-mapped stream; nullopt when the stream is not a
// mapping or the table is not `length` bytes long.
std::optional<SfntTableExtent> mapped_table_extent(FT_FaceRec_* face, unsigned long tag, unsigned long length) {
  const FT_Stream stream = face->stream;
  if (stream == nullptr || stream->base == nullptr || stream->read != nullptr) return std::nullopt;  // not a mapping
  // The directories are in the file's first page or two: read from the mapping.
  auto extent = sfnt_table_extent(cff_bytes_reader({stream->base, stream->size}), stream->size, static_cast<unsigned>(face->face_index & 0xFFFF),
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
  // The top level is read once, from the file, for both the ranges and the flattening.
  const auto top = read_cff_top_level(in_table, length);
  if (!top) return false;
  std::uint64_t read = 0;
  for (const ByteRange& r : cff_ranges_for_glyphs(*top, length, *used)) {
    if (!in_table(r.offset, buffer + r.offset, r.length)) return false;
    read += r.length;
  }
  // cairo's own walk for subroutine calls can miss one (text/cff_charstrings.hpp): it is given none.
  if (flatten_charstrings({buffer, length}, *top, *used)) ++flattened_tables;
  else ++unflattened_tables;
  ++sparse_tables;
  sparse_bytes_read += read;
  sparse_bytes_left += length - read;
  return true;
}

bool read_cff_table_for_subset(FT_FaceRec_* face, unsigned char* buffer, unsigned long length) {
  if (read_cff_table_for_drawn_glyphs(face, buffer, length)) return true;
  ++unflattened_tables;  // whole, from the file or from FreeType
  return read_table_from_font_file(face, FT_MAKE_TAG('C', 'F', 'F', ' '), buffer, length);
}

SparseCffReads sparse_cff_reads() {
  return {sparse_tables.load(), flattened_tables.load(), sparse_bytes_read.load(), sparse_bytes_left.load(),
          unflattened_tables.load()};
}

}  // namespace pp::text
