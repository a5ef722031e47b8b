// RAII owner of an in-memory libzip archive with reproducible entries (fixed times and attributes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_source;

namespace pp::epub {

class ZipArchive {
 public:
  // `dos_time` entries carry, as seconds since the epoch (UTC); clamped to 1980, where ZIP time begins.
  explicit ZipArchive(std::int64_t timestamp);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Entries are written in the order added; the archive keeps its own copy of `data`.
  void add(const std::string& name, std::string data, bool compress);

  // Writes the archive and returns its bytes; the object is finished afterwards.
  std::string finish();

 private:
  zip_source* buffer_ = nullptr;
  zip* archive_ = nullptr;
  std::vector<std::unique_ptr<std::string>> contents_;  // alive until finish(): libzip reads them then
  std::uint16_t dos_time_ = 0;
  std::uint16_t dos_date_ = 0;
};

}  // namespace pp::epub
