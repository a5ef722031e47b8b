// RAII owner of an in-memory libzip archive with reproducible entries (fixed times and attributes).
#pragma once

#include "media/raw_deflate.hpp"

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

  // Entries are written in the order added.
  void add_stored(const std::string& name, std::string data);
  // Already deflated (media::raw_deflate), on whatever thread made it: the archive only copies it.
  void add_deflated(const std::string& name, media::RawDeflated deflated);

  // Writes the archive and returns its bytes; the object is finished afterwards.
  std::string finish();

 private:
  zip_source* buffer_ = nullptr;
  zip* archive_ = nullptr;
  struct Deflated;
  void add_source(const std::string& name, zip_source* source, bool deflated);

  std::vector<std::unique_ptr<std::string>> stored_;   // alive until finish(): libzip reads them then
  std::vector<std::unique_ptr<Deflated>> deflated_;    // likewise
  std::uint16_t dos_time_ = 0;
  std::uint16_t dos_date_ = 0;
};

}  // namespace pp::epub
