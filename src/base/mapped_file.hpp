// Reading bytes of a file that is mapped into memory without touching the mapping.
#pragma once

#include <cstdint>

namespace pp::base {

// Reads `n` bytes at `offset` of the file whose read-only mapping starts at `mapping` (file offset 0), with
// pread from the same file (same device and inode, as /proc/self/maps names it). The bytes come from the
// page cache as a read would: the mapping's pages are never faulted in, so they cost neither page faults
// nor resident memory. False, with `out` in an unspecified state, when `mapping` is not the start of such a
// mapping or the file cannot be read; the caller then reads the mapping itself.
bool read_mapped_file(const void* mapping, std::uint64_t offset, std::uint8_t* out, std::uint64_t n);

}  // namespace pp::base
