// Reading bytes of a file that is mapped into memory without faulting the mapping in.
#pragma once

#include <cstdint>

namespace pp::base {

// Reads `n` bytes at `offset` of the `file_size`-byte file whose read-only mapping starts at `mapping`
// (file offset 0), with pread from the file /proc/self/maps names for it. The bytes come from the page
// cache as a read would: of the mapping's pages only the first is touched, to tell the file, so the rest
// cost neither page faults nor resident memory. The file opened must be the one mapped: same inode, same
// size, and the same first 4 KB as the mapping (the device number is not compared: btrfs reports a subvolume's own in stat, and
// overlayfs the upper layer's in /proc/self/maps). False, with `out` in an unspecified state, when
// `mapping` is not the start of such a mapping or the file cannot be read; the caller then reads the
// mapping itself. Never throws.
bool read_mapped_file(const void* mapping, std::uint64_t file_size, std::uint64_t offset, std::uint8_t* out,
                      std::uint64_t n) noexcept;

// The same for many reads of one file: the file is found, opened and checked once. Never throws.
class MappedFileReader {
 public:
  MappedFileReader(const void* mapping, std::uint64_t file_size) noexcept;
  ~MappedFileReader();
  MappedFileReader(const MappedFileReader&) = delete;
  MappedFileReader& operator=(const MappedFileReader&) = delete;

  // False when the file behind the mapping could not be opened as the same file.
  bool is_open() const { return fd_ >= 0; }
  // Reads `n` bytes at `offset`; false (with `out` unspecified) when not open or past the end.
  bool read(std::uint64_t offset, std::uint8_t* out, std::uint64_t n) const noexcept;

 private:
  int fd_ = -1;
  std::uint64_t file_size_ = 0;
};

}  // namespace pp::base
