// The archive's entries read back through libzip, stored and deflated alike, with the CRCs a reader checks.
#include "epub/zip_archive.hpp"
#include "media/raw_deflate.hpp"

#include <catch2/catch.hpp>
#include <zip.h>

#include <string>

using namespace pp;

namespace {

// Reads every entry back (zip_fread verifies each CRC and fails on a mismatch).
struct ReadBack {
  std::vector<std::string> names, contents;
  std::vector<zip_uint16_t> methods;
};

ReadBack read_back(const std::string& archive) {
  ReadBack out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  REQUIRE(source);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file);
    std::string bytes(st.size, '\0');
    CHECK(zip_fread(file, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    char extra;
    CHECK(zip_fread(file, &extra, 1) == 0);  // the end, where the CRC is checked
    zip_fclose(file);
    out.names.push_back(st.name);
    out.contents.push_back(bytes);
    out.methods.push_back(st.comp_method);
  }
  zip_close(zip);
  return out;
}

}  // namespace

TEST_CASE("deflated entries are copied into the archive as made and read back whole", "[epub][zip]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "<p>段落 " + std::to_string(i) + "</p>\n";
  const std::string empty;
  epub::ZipArchive zip(1'700'000'000);
  zip.add_stored("mimetype", "application/epub+zip");
  const media::RawDeflated deflated = media::raw_deflate(text, 6);
  zip.add_deflated("EPUB/text/a.xhtml", deflated);
  zip.add_deflated("EPUB/empty.txt", media::raw_deflate(empty, 6));
  zip.add_stored("EPUB/images/x.png", std::string("\x89PNG not really", 15));
  const std::string archive = zip.finish();
  CHECK(archive.size() < text.size() / 3);  // deflated, not stored
  CHECK(archive.find(deflated.data) != std::string::npos);  // copied as made, not compressed again

  const ReadBack back = read_back(archive);
  REQUIRE(back.names == std::vector<std::string>{"mimetype", "EPUB/text/a.xhtml", "EPUB/empty.txt", "EPUB/images/x.png"});
  CHECK(back.contents[0] == "application/epub+zip");
  CHECK(back.contents[1] == text);
  CHECK(back.contents[2].empty());
  CHECK(back.contents[3] == std::string("\x89PNG not really", 15));
  CHECK(back.methods == std::vector<zip_uint16_t>{ZIP_CM_STORE, ZIP_CM_DEFLATE, ZIP_CM_DEFLATE, ZIP_CM_STORE});
}

TEST_CASE("raw_deflate keeps the CRC and size ZIP stores beside the stream", "[media][zip]") {
  const auto d = media::raw_deflate("hello, world", 6);
  CHECK(d.size == 12);
  CHECK(d.crc32 == 0xFFAB723Au);  // CRC-32 of "hello, world"
  CHECK_FALSE(d.data.empty());
}
