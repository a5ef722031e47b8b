// The one place that calls libzip. ZIP stores local "DOS" times; we compute them from UTC ourselves
// (zip_file_set_mtime would go through localtime and make bytes depend on the machine's time zone).
#include "epub/zip_archive.hpp"

#include "base/civil_time.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
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

// A deflated entry as a libzip source. Its stat names the method, sizes and CRC, so zip_close copies the
// bytes as they are instead of compressing them again.
struct ZipArchive::Deflated {
  media::RawDeflated entry;
  std::uint64_t offset = 0;  // read position
  zip_error_t error{};

  Deflated() { zip_error_init(&error); }
  ~Deflated() { zip_error_fini(&error); }
  Deflated(const Deflated&) = delete;
  Deflated& operator=(const Deflated&) = delete;

  static zip_int64_t callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* self = static_cast<Deflated*>(state);
    switch (command) {
      case ZIP_SOURCE_OPEN:
        self->offset = 0;
        return 0;
      case ZIP_SOURCE_READ: {
        const auto n = std::min<std::uint64_t>(length, self->entry.data.size() - self->offset);
        std::memcpy(data, self->entry.data.data() + self->offset, n);
        self->offset += n;
        return static_cast<zip_int64_t>(n);
      }
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_FREE:  // the archive owns the state
        return 0;
      case ZIP_SOURCE_STAT: {
        auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &self->error);
        if (!st) return -1;
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        st->size = self->entry.size;
        st->comp_size = self->entry.data.size();
        st->comp_method = ZIP_CM_DEFLATE;
        st->encryption_method = ZIP_EM_NONE;
        st->crc = self->entry.crc32;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&self->error, data, length);
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS, -1);
      default:
        zip_error_set(&self->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }
};

void ZipArchive::add_stored(const std::string& name, std::string data) {
  stored_.push_back(std::make_unique<std::string>(std::move(data)));
  const std::string& bytes = *stored_.back();
  add_source(name, zip_source_buffer(archive_, bytes.data(), bytes.size(), 0), false);
}

void ZipArchive::add_deflated(const std::string& name, media::RawDeflated entry) {
  deflated_.push_back(std::make_unique<Deflated>());
  Deflated& state = *deflated_.back();
  state.entry = std::move(entry);
  add_source(name, zip_source_function(archive_, &Deflated::callback, &state), true);
}

void ZipArchive::add_source(const std::string& name, zip_source_t* source, bool deflated) {
  if (!source) zip_failure("source", zip_get_error(archive_));
  const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    zip_failure("add", zip_get_error(archive_));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  zip_set_file_compression(archive_, i, deflated ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  zip_file_set_dostime(archive_, i, dos_time_, dos_date_, 0);
  // Regular file, rw-r--r--, "made by" Unix: fixed, whatever the umask.
  zip_file_set_external_attributes(archive_, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
}

std::string ZipArchive::finish() {
  if (zip_close(archive_) != 0) zip_failure("close", zip_get_error(archive_));
  archive_ = nullptr;
  stored_.clear();
  deflated_.clear();
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
