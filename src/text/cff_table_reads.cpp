#include "text/cff_table_reads.hpp"

#include <atomic>

namespace pp::text {

namespace {

std::atomic<int> head_only_holders{0};

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

CffHeadReadsOnly::CffHeadReadsOnly() { ++head_only_holders; }
CffHeadReadsOnly::~CffHeadReadsOnly() { --head_only_holders; }
bool cff_head_reads_only() { return head_only_holders > 0; }

std::uint64_t cff_head_length(const CffRead& read, std::uint64_t table_length) {
  std::uint8_t header[4];  // major, minor, hdrSize, offSize
  if (table_length < 4 || !read(0, header, 4) || header[0] != 1 || header[2] < 4) return 0;
  const std::uint64_t names_end = index_end(read, header[2], table_length);
  return names_end ? index_end(read, names_end, table_length) : 0;
}

}  // namespace pp::text
