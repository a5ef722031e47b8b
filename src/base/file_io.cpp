// File reading and atomic replacement with POSIX calls, so errors carry errno's reason.
#include "base/file_io.hpp"

#include "base/limits.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pp::base {

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string errno_text(int err) { return std::strerror(err); }

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& why, std::uintmax_t max_bytes) {
  Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    why = errno_text(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) {
    why = errno_text(errno);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    why = "is a directory";
    return std::nullopt;
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    why = "file is larger than the " + byte_size_text(max_bytes) + " limit";
    return std::nullopt;
  }
  std::string data;
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      why = errno_text(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      why = "file is larger than the " + byte_size_text(max_bytes) + " limit";
      return std::nullopt;
    }
  }
  return data;
}

namespace {

std::optional<std::string> write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_text(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  std::filesystem::path path = target;
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    // Replace what the link points to, not the link.
    std::error_code ec;
    path = std::filesystem::weakly_canonical(path, ec);
    if (ec) return "cannot resolve '" + target.string() + "': " + ec.message();
  }
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return "cannot write '" + target.string() + "': is a directory";
    // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is: renaming a file over it
    // would replace the device itself.
    Fd out{::open(path.c_str(), O_WRONLY | O_CLOEXEC)};
    if (out.fd < 0) return "cannot write '" + target.string() + "': " + errno_text(errno);
    if (auto problem = write_all(out.fd, bytes)) return "cannot write '" + target.string() + "': " + *problem;
    return std::nullopt;
  }
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  Fd file{::mkstemp(temp.data())};
  if (file.fd < 0) return "cannot create a file in '" + dir.string() + "': " + errno_text(errno);
  auto abandon = [&](int err) {
    ::unlink(temp.c_str());
    return "cannot write '" + path.string() + "': " + errno_text(err);
  };
  if (write_all(file.fd, bytes)) return abandon(errno);
  // Outputs are documents people share: make them readable like any file the user's umask allows.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(file.fd, 0666 & ~mask) != 0) return abandon(errno);
  if (::fsync(file.fd) != 0) return abandon(errno);
  if (::close(file.fd) != 0) {
    file.fd = -1;
    return abandon(errno);
  }
  file.fd = -1;
  if (::rename(temp.c_str(), path.c_str()) != 0) return abandon(errno);
  return std::nullopt;
}

}  // namespace pp::base
