// The head of a CFF table, which is all cairo's CID check reads (text/cff_table_reads.hpp).
#include "text/cff_table_reads.hpp"

#include <catch2/catch.hpp>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <algorithm>
#include <cstring>
#include <vector>

using namespace pp;

namespace {

text::CffRead reader_of(const std::vector<std::uint8_t>& table) {
  return [&table](std::uint64_t offset, std::uint8_t* out, std::uint64_t n) {
    if (offset + n > table.size()) return false;
    std::memcpy(out, table.data() + offset, n);
    return true;
  };
}

// Header, a Name INDEX of one 4-byte name, a Top DICT INDEX of one 3-byte dict, then other data.
std::vector<std::uint8_t> small_cff() {
  return {1, 0, 4, 4,                                 // header: version 1.0, 4-byte header
          0, 1, 1, 1, 5, 'T', 'e', 's', 't',          // Name INDEX: count 1, offSize 1, offsets 1 and 5
          0, 1, 1, 1, 4, 0x8b, 0x8b, 0x0f,            // Top DICT INDEX: "0 0 charset"... 3 bytes
          0, 0,                                       // String INDEX: empty
          0xde, 0xad, 0xbe, 0xef};
}

}  // namespace

TEST_CASE("a CFF table's head ends after its Top DICT INDEX", "[text][cff]") {
  const auto table = small_cff();
  CHECK(text::cff_head_length(reader_of(table), table.size()) == 4 + 9 + 8);
}

TEST_CASE("what is not a whole CFF head has no head length", "[text][cff]") {
  auto table = small_cff();
  SECTION("not version 1") { table[0] = 2; }
  SECTION("an offset size of 0") { table[4 + 2] = 0; }
  SECTION("a name running past the table") { table[4 + 4] = 200; }
  SECTION("cut inside the Top DICT INDEX") { table.resize(4 + 9 + 5); }
  SECTION("an offset of 0") { table[4 + 9 + 4] = 0; }
  CHECK(text::cff_head_length(reader_of(table), table.size()) == 0);
}

TEST_CASE("a Noto CJK face's 15 MB CFF table has a head of a few hundred bytes that names it CID-keyed",
          "[text][cff]") {
  FT_Library library;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  FT_Face face;
  REQUIRE(FT_New_Face(library, "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0, &face) == 0);
  const FT_ULong tag = FT_MAKE_TAG('C', 'F', 'F', ' ');
  FT_ULong length = 0;
  REQUIRE(FT_Load_Sfnt_Table(face, tag, 0, nullptr, &length) == 0);
  CHECK(length > 10'000'000);
  const auto read = [&](std::uint64_t offset, std::uint8_t* out, std::uint64_t n) {
    FT_ULong count = n;
    return FT_Load_Sfnt_Table(face, tag, static_cast<FT_Long>(offset), out, &count) == 0;
  };
  const std::uint64_t head = text::cff_head_length(read, length);
  CHECK(head > 4);
  CHECK(head < 4096);
  std::vector<std::uint8_t> bytes(head);
  REQUIRE(read(0, bytes.data(), head));
  const std::uint8_t ros[] = {12, 30};  // the ROS operator, which only a CID-keyed font's Top DICT has
  CHECK(std::search(bytes.begin(), bytes.end(), std::begin(ros), std::end(ros)) != bytes.end());
  FT_Done_Face(face);
  FT_Done_FreeType(library);
}
