// The head of a CFF table, which is all cairo's CID check reads (text/cff_table_reads.hpp).
#include "text/cff_table_reads.hpp"

#include "noto_face.hpp"

#include <catch2/catch.hpp>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_SYSTEM_H

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace pp;

namespace {


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
  CHECK(text::cff_head_length(text::cff_bytes_reader(table), table.size()) == 4 + 9 + 8);
}

TEST_CASE("what is not a whole CFF head has no head length", "[text][cff]") {
  auto table = small_cff();
  SECTION("not version 1") { table[0] = 2; }
  SECTION("an offset size of 0") { table[4 + 2] = 0; }
  SECTION("a name running past the table") { table[4 + 4] = 200; }
  SECTION("cut inside the Top DICT INDEX") { table.resize(4 + 9 + 5); }
  SECTION("an offset of 0") { table[4 + 9 + 4] = 0; }
  CHECK(text::cff_head_length(text::cff_bytes_reader(table), table.size()) == 0);
}

TEST_CASE("a Noto CJK face's 15 MB CFF table has a head of a few hundred bytes that names it CID-keyed",
          "[text][cff]") {
  const test::NotoFace noto("NotoSansCJK-Regular.ttc", 0);
  FT_Face face = noto.face;
  const FT_ULong tag = test::NotoFace::cff, length = noto.cff_length;
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
}

namespace {

// Resident kilobytes of the mapping that starts at `base`, from /proc/self/smaps: a mapping's header line
// starts with its hex address range, its fields with a capitalised name.
long resident_kb_at(const void* base) {
  std::FILE* smaps = std::fopen("/proc/self/smaps", "r");
  REQUIRE(smaps != nullptr);
  char line[4096];
  bool in_mapping = false;
  long kb = 0;
  while (std::fgets(line, sizeof line, smaps) != nullptr) {
    unsigned long start = 0;
    long value = 0;
    if (std::isupper(static_cast<unsigned char>(line[0])) == 0 && std::sscanf(line, "%lx-", &start) == 1)
      in_mapping = start == reinterpret_cast<unsigned long>(base);
    else if (in_mapping && std::sscanf(line, "Rss: %ld kB", &value) == 1)
      kb += value;
  }
  std::fclose(smaps);
  return kb;
}

}  // namespace

TEST_CASE("sfnt table extents are found in collections and single fonts, and nowhere else", "[text][cff]") {
  const std::string ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  FT_Library library;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  std::FILE* file = std::fopen(ttc.c_str(), "rb");
  REQUIRE(file != nullptr);
  std::vector<std::uint8_t> head(64 * 1024);  // the directories are at the front
  head.resize(std::fread(head.data(), 1, head.size(), file));
  std::fclose(file);
  const auto read = [&head](std::uint64_t at, std::uint8_t* out, std::uint64_t n) {
    if (at + n > head.size()) return false;
    std::memcpy(out, head.data() + at, n);
    return true;
  };
  const FT_ULong cff = FT_MAKE_TAG('C', 'F', 'F', ' ');
  for (const unsigned index : {0u, 2u}) {  // the collection's SC and KR faces
    FT_Face face;
    REQUIRE(FT_New_Face(library, ttc.c_str(), index, &face) == 0);
    FT_ULong length = 0;
    REQUIRE(FT_Load_Sfnt_Table(face, cff, 0, nullptr, &length) == 0);
    const auto extent = text::sfnt_table_extent(read, 100'000'000, index, static_cast<std::uint32_t>(cff));
    REQUIRE(extent.has_value());
    CHECK(extent->length == length);
    FT_Done_Face(face);
  }
  CHECK_FALSE(text::sfnt_table_extent(read, 100'000'000, 99, static_cast<std::uint32_t>(cff)).has_value());  // no such face
  CHECK_FALSE(text::sfnt_table_extent(read, 1000, 0, static_cast<std::uint32_t>(cff)).has_value());  // cut short
  CHECK_FALSE(text::sfnt_table_extent(read, 100'000'000, 0, 0x6E6F6E65).has_value());  // no such table
  FT_Done_FreeType(library);
}

TEST_CASE("a CJK face's whole CFF table read from its file matches FreeType's, without mapping it in",
          "[text][cff]") {
  const std::string ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  FT_Library library;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  FT_Face face;
  REQUIRE(FT_New_Face(library, ttc.c_str(), 1, &face) == 0);  // the JP face
  const FT_ULong cff = FT_MAKE_TAG('C', 'F', 'F', ' ');
  FT_ULong length = 0;
  REQUIRE(FT_Load_Sfnt_Table(face, cff, 0, nullptr, &length) == 0);
  std::vector<std::uint8_t> from_file(length), from_freetype(length);
  REQUIRE(text::read_table_from_font_file(face, cff, from_file.data(), length));
  // The 15 MB were read, but FreeType's mapping of the file holds no more than it did.
  CHECK(resident_kb_at(face->stream->base) < 2048);
  REQUIRE(FT_Load_Sfnt_Table(face, cff, 0, from_freetype.data(), &length) == 0);
  CHECK(from_file == from_freetype);
  CHECK(resident_kb_at(face->stream->base) > 10'000);  // FreeType's own read maps it in: what the file read avoids
  CHECK_FALSE(text::read_table_from_font_file(face, cff, from_file.data(), length - 1));  // not the table's length
  FT_Done_Face(face);
  FT_Done_FreeType(library);
}

namespace {

// Header, Name INDEX, a Top DICT naming the CharStrings INDEX at `charstrings_at`, then that INDEX with one
// charstring per entry of `lengths` (glyph g's bytes all equal 0xA0 + g), then 20 bytes of other data.
std::vector<std::uint8_t> cff_with_charstrings(const std::vector<unsigned>& lengths) {
  std::vector<std::uint8_t> t;
  const auto append = [&t](std::initializer_list<unsigned> bytes) {  // (insert of a list trips GCC 12's -Warray-bounds)
    for (const unsigned b : bytes) t.push_back(static_cast<std::uint8_t>(b));
  };
  append({1, 0, 4, 4, 0, 1, 1, 1, 5, 'T', 'e', 's', 't'});  // header, Name INDEX
  const unsigned charstrings_at = 13 + 5 + 5 + 2;           // after the Top DICT INDEX (5 + a 5-byte dict), String INDEX
  append({0, 1, 1, 1, 6});                                  // Top DICT INDEX: one 5-byte dict
  append({28, 0, charstrings_at, 17, 0x8b});                // "N CharStrings", then a stray operand
  append({0, 0});                                           // String INDEX: empty
  REQUIRE(t.size() == charstrings_at);
  append({0, static_cast<unsigned>(lengths.size()), 2});  // count, offSize 2
  unsigned offset = 1;
  for (std::size_t g = 0; g <= lengths.size(); ++g) {
    t.push_back(static_cast<std::uint8_t>(offset >> 8));
    t.push_back(static_cast<std::uint8_t>(offset));
    if (g < lengths.size()) offset += lengths[g];
  }
  for (std::size_t g = 0; g < lengths.size(); ++g) t.insert(t.end(), lengths[g], static_cast<std::uint8_t>(0xA0 + g));
  t.insert(t.end(), 20, 0xEE);
  return t;
}

// The parts for `used`, or nullopt when the table's top level cannot be read.
std::optional<std::vector<text::ByteRange>> ranges_of(const std::vector<std::uint8_t>& table, std::uint64_t length,
                                                      const std::vector<bool>& used, std::uint64_t merge_gap = 1024) {
  const auto top = text::read_cff_top_level(text::cff_bytes_reader(table), length);
  if (!top) return std::nullopt;
  return text::cff_ranges_for_glyphs(*top, length, used, merge_gap);
}

// The table with every byte outside `ranges` zeroed: what cairo's buffer holds after a sparse read.
std::vector<std::uint8_t> only(const std::vector<std::uint8_t>& table, const std::vector<text::ByteRange>& ranges) {
  std::vector<std::uint8_t> out(table.size(), 0);
  for (const auto& r : ranges) std::copy_n(table.begin() + r.offset, r.length, out.begin() + r.offset);
  return out;
}

}  // namespace

TEST_CASE("a CFF table's parts for some glyphs leave out only the other glyphs' charstrings", "[text][cff]") {
  const std::vector<unsigned> lengths = {10, 30, 40, 50, 60};
  const auto table = cff_with_charstrings(lengths);
  const std::size_t data = table.size() - 20 - (10 + 30 + 40 + 50 + 60);  // where glyph 0's charstring starts
  std::vector<bool> used(5);
  used[2] = true;
  const auto ranges = ranges_of(table, table.size(), used, 0);
  REQUIRE(ranges.has_value());
  // Everything to glyph 0's end (.notdef always goes in), glyph 2, and what follows the last charstring.
  CHECK(*ranges == std::vector<text::ByteRange>{{0, data + 10}, {data + 40, 40}, {data + 190, 20}});
  const auto sparse = only(table, *ranges);
  CHECK(std::count(sparse.begin(), sparse.end(), 0xA0) == 10);  // glyph 0, whole
  CHECK(std::count(sparse.begin(), sparse.end(), 0xA2) == 40);  // glyph 2, whole
  CHECK(std::count(sparse.begin(), sparse.end(), 0xA1) == 0);   // glyphs 1, 3 and 4 left out
  CHECK(std::count(sparse.begin(), sparse.end(), 0xA3) == 0);
  CHECK(std::count(sparse.begin(), sparse.end(), 0xA4) == 0);
  CHECK(std::count(sparse.begin(), sparse.end(), 0xEE) == 20);

  SECTION("gaps shorter than the merge gap are read through") {
    const auto merged = ranges_of(table, table.size(), used, 30);
    REQUIRE(merged.has_value());
    CHECK(*merged == std::vector<text::ByteRange>{{0, data + 80}, {data + 190, 20}});
  }
  SECTION("ids past the face's glyphs are ignored; every glyph used reads the whole table") {
    const auto all = ranges_of(table, table.size(), std::vector<bool>(99, true), 0);
    REQUIRE(all.has_value());
    CHECK(*all == std::vector<text::ByteRange>{{0, table.size()}});
  }
}

TEST_CASE("a CFF table whose charstrings cannot be found gets no partial read", "[text][cff]") {
  auto table = cff_with_charstrings({10, 30, 40});
  const std::size_t dict = 4 + 9 + 5;  // the Top DICT's bytes
  const std::size_t charstrings = dict + 5 + 2;
  SECTION("no CharStrings operator") { table[dict + 3] = 16; }
  SECTION("a reserved byte in the Top DICT") { table[dict] = 255; }
  SECTION("an INDEX whose first offset is not 1") { table[charstrings + 4] = 2; }
  SECTION("offsets that fall") { table[charstrings + 8] = 0; }
  SECTION("an offset past the table") { table[charstrings + 9] = 0xFF; }
  SECTION("an offset size of 5") { table[charstrings + 2] = 5; }
  SECTION("cut inside the offsets") { table.resize(charstrings + 6); }
  CHECK_FALSE(ranges_of(table, table.size(), {}, 0).has_value());
}

TEST_CASE("a Noto CJK face's parts for a few glyphs are the table's own bytes, under a quarter of them",
          "[text][cff]") {
  const test::NotoFace noto("NotoSerifCJK-Regular.ttc", 0);
  FT_Face face = noto.face;
  const FT_ULong cff = test::NotoFace::cff;
  FT_ULong length = noto.cff_length;
  std::vector<std::uint8_t> table(length);
  REQUIRE(FT_Load_Sfnt_Table(face, cff, 0, table.data(), &length) == 0);
  std::vector<bool> used(face->num_glyphs);
  for (const char32_t c : std::u32string(U"中文排版的标点符号")) used[FT_Get_Char_Index(face, c)] = true;
  const auto ranges = ranges_of(table, length, used);
  REQUIRE(ranges.has_value());
  std::uint64_t taken = 0;
  for (const auto& r : *ranges) taken += r.length;
  CHECK(taken < length / 4);
  CHECK(taken > 100'000);  // the structures and subroutines all come along
  // The head cairo's CID check reads, and the end of the table, are in the first and last parts.
  CHECK(ranges->front().offset == 0);
  CHECK(ranges->front().length >= text::cff_head_length(text::cff_bytes_reader(table), length));
  CHECK(ranges->back().offset + ranges->back().length == length);
}
