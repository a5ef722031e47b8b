#include "base/mapped_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>

namespace pp::base {

namespace {

struct MappedFile {
  std::string path;
  std::uint64_t inode = 0;
};

// The file mapped from its first byte at `start`, from /proc/self/maps; empty path when there is none.
MappedFile file_mapped_at(std::uintptr_t start) {
  MappedFile found;
  std::FILE* maps = std::fopen("/proc/self/maps", "re");
  if (maps == nullptr) return found;
  char line[4096 + 256];
  while (std::fgets(line, sizeof line, maps) != nullptr) {
    // start-end perms offset device inode path
    std::uintptr_t from = 0;
    std::uint64_t file_offset = 0, inode = 0;
    int path_at = 0;
    if (std::sscanf(line, "%" SCNxPTR "-%*x %*s %" SCNx64 " %*x:%*x %" SCNu64 " %n", &from, &file_offset, &inode,
                    &path_at) < 3)
      continue;
    if (from != start) continue;
    std::string path = line + path_at;
    if (!path.empty() && path.back() == '\n') path.pop_back();
    // A file replaced since it was mapped shows " (deleted)": its path no longer names these bytes.
    if (file_offset == 0 && inode != 0 && path.starts_with('/') && !path.ends_with(" (deleted)"))
      found = {path, inode};
    break;
  }
  std::fclose(maps);
  return found;
}

// All `n` bytes at `offset`, retrying short reads.
bool pread_all(int fd, std::uint64_t offset, std::uint8_t* out, std::uint64_t n) {
  for (std::uint64_t done = 0; done < n;) {
    const ssize_t got = ::pread(fd, out + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::uint64_t>(got);
  }
  return true;
}

}  // namespace

MappedFileReader::MappedFileReader(const void* mapping, std::uint64_t file_size) noexcept : file_size_(file_size) {
  try {
    const MappedFile file = file_mapped_at(reinterpret_cast<std::uintptr_t>(mapping));
    if (file.path.empty()) return;
    const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    std::uint8_t head[4096];
    const std::uint64_t head_size = file_size < sizeof head ? file_size : sizeof head;
    if (::fstat(fd, &st) == 0 && st.st_ino == file.inode && static_cast<std::uint64_t>(st.st_size) == file_size &&
        pread_all(fd, 0, head, head_size) && std::memcmp(head, mapping, head_size) == 0)
      fd_ = fd;
    else
      ::close(fd);
  } catch (...) {  // no memory for a path: not open, and the caller reads the mapping
  }
}

MappedFileReader::~MappedFileReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool MappedFileReader::read(std::uint64_t offset, std::uint8_t* out, std::uint64_t n) const noexcept {
  return fd_ >= 0 && offset <= file_size_ && n <= file_size_ - offset && pread_all(fd_, offset, out, n);
}

bool read_mapped_file(const void* mapping, std::uint64_t file_size, std::uint64_t offset, std::uint8_t* out,
                      std::uint64_t n) noexcept {
  const MappedFileReader file(mapping, file_size);
  return file.read(offset, out, n);
}

}  // namespace pp::base
