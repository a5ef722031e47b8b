#include "text/cff_table_reads.hpp"

#include "base/mapped_file.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYSTEM_H

#include <cstring>

namespace pp::text {

namespace {

// The end of the INDEX at `pos` (Adobe TN 5176, section 5), or 0.
std::uint64_t index_end(const CffRead& read, std::uint64_t pos, std::uint64_t table_length) {
  std::uint8_t head[3];
  if (pos + 2 > table_length || !read(pos, head, 2)) return 0;
  const unsigned count = head[0] << 8 | head[1];
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
    v = std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
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

bool read_table_from_font_file(FT_FaceRec_* face, unsigned long tag, unsigned char* buffer, unsigned long length) {
  const FT_Stream stream = face->stream;
  if (stream == nullptr || stream->base == nullptr || stream->read != nullptr) return false;  // not a mapping
  const auto in_memory = [stream](std::uint64_t at, std::uint8_t* out, std::uint64_t n) {
    if (at + n > stream->size) return false;
    std::memcpy(out, stream->base + at, n);  // the directories: the file's first page or two
    return true;
  };
  const auto extent = sfnt_table_extent(in_memory, stream->size, static_cast<unsigned>(face->face_index & 0xFFFF),
                                        static_cast<std::uint32_t>(tag));
  return extent && extent->length == length && base::read_mapped_file(stream->base, stream->size, extent->offset, buffer, length);
}

}  // namespace pp::text
