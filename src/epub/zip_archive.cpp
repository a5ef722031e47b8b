// The one place that calls libzip. ZIP stores local "DOS" times; we compute them from UTC ourselves
// (zip_file_set_mtime would go through localtime and make bytes depend on the machine's time zone).
#include "epub/zip_archive.hpp"

#include "base/civil_time.hpp"

#include <zip.h>

#include <stdexcept>

namespace pp::epub {

namespace {

[[noreturn]] void zip_failure(const char* what, zip_error_t* error) {
  throw std::runtime_error(std::string("internal error: zip ") + what + ": " + zip_error_strerror(error));
}

}  // namespace

ZipArchive::ZipArchive(std::int64_t timestamp) {
  const std::int64_t zip_epoch = 315532800;  // 1980-01-01T00:00:00Z
  const auto t = base::civil_from_epoch(std::max(timestamp, zip_epoch));
  const int year = std::min(t.year, 2107);
  dos_date_ = static_cast<std::uint16_t>(((year - 1980) << 9) | (t.month << 5) | t.day);
  dos_time_ = static_cast<std::uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));

  zip_error_t error;
  zip_error_init(&error);
  buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer_) zip_failure("buffer", &error);
  zip_source_keep(buffer_);  // we read the bytes back after zip_close
  archive_ = zip_open_from_source(buffer_, ZIP_TRUNCATE, &error);
  if (!archive_) {
    zip_source_free(buffer_);
    zip_failure("open", &error);
  }
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
  if (buffer_) zip_source_free(buffer_);
}

void ZipArchive::add(const std::string& name, std::string data, bool compress) {
  contents_.push_back(std::make_unique<std::string>(std::move(data)));
  const std::string& bytes = *contents_.back();
  zip_source_t* source = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
  if (!source) zip_failure("source", zip_get_error(archive_));
  const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    zip_failure("add", zip_get_error(archive_));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  zip_set_file_compression(archive_, i, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, compress ? 6 : 0);
  zip_file_set_dostime(archive_, i, dos_time_, dos_date_, 0);
  // Regular file, rw-r--r--, "made by" Unix: fixed, whatever the umask.
  zip_file_set_external_attributes(archive_, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
}

std::string ZipArchive::finish() {
  if (zip_close(archive_) != 0) zip_failure("close", zip_get_error(archive_));
  archive_ = nullptr;
  contents_.clear();
  zip_stat_t st;
  if (zip_source_stat(buffer_, &st) != 0 || zip_source_open(buffer_) != 0)
    zip_failure("read back", zip_source_error(buffer_));
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(buffer_, out.data(), st.size);
  zip_source_close(buffer_);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) zip_failure("read back", zip_source_error(buffer_));
  return out;
}

}  // namespace pp::epub
