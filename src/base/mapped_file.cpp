#include "base/mapped_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
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
  unsigned major = 0, minor = 0;
  std::uint64_t inode = 0;
};

// The file mapped from its first byte at `start`, from /proc/self/maps; empty path when there is none.
MappedFile file_mapped_at(std::uintptr_t start) {
  MappedFile found;
  std::FILE* maps = std::fopen("/proc/self/maps", "re");
  if (maps == nullptr) return found;
  char line[4096 + 256];
  while (std::fgets(line, sizeof line, maps) != nullptr) {
    std::uintptr_t from = 0, to = 0;
    std::uint64_t file_offset = 0, inode = 0;
    unsigned major = 0, minor = 0;
    char perms[8];
    int path_at = 0;
    if (std::sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %7s %" SCNx64 " %x:%x %" SCNu64 " %n", &from, &to, perms,
                    &file_offset, &major, &minor, &inode, &path_at) < 7)
      continue;
    if (from != start) continue;
    std::string path = line + path_at;
    if (!path.empty() && path.back() == '\n') path.pop_back();
    // A file replaced since it was mapped shows " (deleted)": its path no longer names these bytes.
    if (file_offset == 0 && inode != 0 && path.starts_with('/') && !path.ends_with(" (deleted)"))
      found = {path, major, minor, inode};
    break;
  }
  std::fclose(maps);
  return found;
}

}  // namespace

bool read_mapped_file(const void* mapping, std::uint64_t offset, std::uint8_t* out, std::uint64_t n) {
  const MappedFile file = file_mapped_at(reinterpret_cast<std::uintptr_t>(mapping));
  if (file.path.empty()) return false;
  const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && st.st_ino == file.inode && major(st.st_dev) == file.major &&
            minor(st.st_dev) == file.minor && offset + n <= static_cast<std::uint64_t>(st.st_size);
  for (std::uint64_t done = 0; ok && done < n;) {
    const ssize_t got = ::pread(fd, out + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) ok = false;
    else done += static_cast<std::uint64_t>(got);
  }
  ::close(fd);
  return ok;
}

}  // namespace pp::base
