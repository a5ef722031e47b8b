// Reading a mapped file's bytes through the file, not the mapping.
#include "base/mapped_file.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& bytes) {
    char name[] = "/tmp/pp_mapped_XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    ::close(fd);
    path = name;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

struct Mapping {
  void* base = MAP_FAILED;
  std::size_t size;
  Mapping(const std::filesystem::path& path, std::size_t bytes, off_t offset) : size(bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, offset);
    ::close(fd);
    REQUIRE(base != MAP_FAILED);
  }
  ~Mapping() { ::munmap(base, size); }
};

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 4096) & 0xFF);
  return s;
}

}  // namespace

TEST_CASE("a mapped file's bytes are read from the file itself", "[base][mapped]") {
  const std::string bytes = pattern(3 * 4096 + 123);
  TempFile file(bytes);
  Mapping mapping(file.path, bytes.size(), 0);
  std::vector<std::uint8_t> out(5000);
  REQUIRE(pp::base::read_mapped_file(mapping.base, bytes.size(), 4000, out.data(), out.size()));
  CHECK(std::string(out.begin(), out.end()) == bytes.substr(4000, 5000));
  CHECK_FALSE(pp::base::read_mapped_file(mapping.base, bytes.size(), bytes.size() - 10, out.data(), 11));  // past the end
}

TEST_CASE("what is not the start of a file mapped from its first byte is refused", "[base][mapped]") {
  const std::string bytes = pattern(4 * 4096);
  TempFile file(bytes);
  std::uint8_t out[16];
  SECTION("heap memory") {
    std::vector<std::uint8_t> heap(1 << 20);
    CHECK_FALSE(pp::base::read_mapped_file(heap.data(), heap.size(), 0, out, sizeof out));
  }
  SECTION("a mapping from the file's second page, whose offsets would be wrong") {
    Mapping mapping(file.path, 4096, 4096);
    CHECK_FALSE(pp::base::read_mapped_file(mapping.base, bytes.size(), 0, out, sizeof out));
  }
  SECTION("inside a mapping rather than at its start") {
    Mapping mapping(file.path, bytes.size(), 0);
    CHECK_FALSE(pp::base::read_mapped_file(static_cast<char*>(mapping.base) + 4096, bytes.size(), 0, out, sizeof out));
  }
  SECTION("a file deleted since it was mapped") {
    Mapping mapping(file.path, bytes.size(), 0);
    std::filesystem::remove(file.path);
    CHECK_FALSE(pp::base::read_mapped_file(mapping.base, bytes.size(), 0, out, sizeof out));
  }
  SECTION("a size other than the file's") {
    Mapping mapping(file.path, bytes.size(), 0);
    CHECK_FALSE(pp::base::read_mapped_file(mapping.base, bytes.size() + 1, 0, out, sizeof out));
  }
}

TEST_CASE("one reader serves many reads of a mapped file, and refuses what lies past its end", "[base][mapped]") {
  const std::string bytes = pattern(3 * 4096 + 100);
  const TempFile file(bytes);
  const Mapping mapping(file.path, bytes.size(), 0);
  const pp::base::MappedFileReader reader(mapping.base, bytes.size());
  REQUIRE(reader.is_open());
  for (const std::uint64_t at : {0ul, 1ul, 4095ul, 8000ul, 3 * 4096ul}) {
    std::vector<std::uint8_t> out(100);
    REQUIRE(reader.read(at, out.data(), out.size()));
    CHECK(std::string(out.begin(), out.end()) == bytes.substr(at, 100));
  }
  std::uint8_t out[2];
  CHECK_FALSE(reader.read(bytes.size() - 1, out, 2));
  CHECK_FALSE(reader.read(~std::uint64_t{0}, out, 2));  // an offset that would wrap around
  std::vector<char> heap(8192);
  const pp::base::MappedFileReader not_mapped(heap.data(), heap.size());
  CHECK_FALSE(not_mapped.is_open());
  CHECK_FALSE(not_mapped.read(0, out, 1));
}
