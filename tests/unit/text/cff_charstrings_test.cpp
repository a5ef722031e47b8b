// Flattening the drawn glyphs' charstrings, so that cairo's subsetter has no subroutine call to miss
// (text/cff_charstrings.hpp).
#include "base/big_endian.hpp"
#include "text/cff_charstrings.hpp"

#include "glyph_outlines.hpp"
#include "noto_face.hpp"

#include <catch2/catch.hpp>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes bytes(std::initializer_list<int> list) {
  Bytes out;
  for (const int b : list) out.push_back(static_cast<std::uint8_t>(b));
  return out;
}

Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// An INDEX with 1-byte offsets (all test objects are short).
Bytes index_of(const std::vector<Bytes>& objects) {
  if (objects.empty()) return bytes({0, 0});
  Bytes out = bytes({0, static_cast<int>(objects.size()), 1, 1});
  int offset = 1;
  for (const Bytes& o : objects) out.push_back(static_cast<std::uint8_t>(offset += static_cast<int>(o.size())));
  for (const Bytes& o : objects) out.insert(out.end(), o.begin(), o.end());
  return out;
}

Bytes int5(int v) {  // a DICT integer in its 5-byte form, so the layout does not depend on the values
  return bytes({29, v >> 24 & 255, v >> 16 & 255, v >> 8 & 255, v & 255});
}

// A name-keyed CFF table: header, Name INDEX, Top DICT (CharStrings, Private), empty String INDEX, the global
// subroutines, the charstrings, the Private DICT (Subrs) and the local subroutines.
Bytes cff_table(const std::vector<Bytes>& charstrings, const std::vector<Bytes>& global, const std::vector<Bytes>& local) {
  const Bytes head = bytes({1, 0, 4, 1}), names = index_of({bytes({'T'})});
  const Bytes strings = index_of({}), gsubrs = index_of(global), cs = index_of(charstrings), lsubrs = index_of(local);
  const Bytes private_dict = cat({int5(6), bytes({19})});  // Subrs right after the 6-byte Private DICT
  const std::size_t top_dict_size = 5 + 1 + 5 + 5 + 1;   // CharStrings offset, then Private size and offset
  const std::size_t top_index_size = 5 + top_dict_size;  // count, offSize, two offsets, the DICT
  const int cs_at = static_cast<int>(head.size() + names.size() + top_index_size + strings.size() + gsubrs.size());
  const int private_at = cs_at + static_cast<int>(cs.size());
  const Bytes top_dict = cat({int5(cs_at), bytes({17}), int5(static_cast<int>(private_dict.size())), int5(private_at), bytes({18})});
  REQUIRE(top_dict.size() == top_dict_size);
  return cat({head, names, index_of({top_dict}), strings, gsubrs, cs, private_dict, lsubrs});
}

// The charstrings of the table's CharStrings INDEX (whose place the caller knows), with 1- or more-byte offsets.
std::vector<Bytes> charstrings_at(const Bytes& table, std::size_t at) {
  const unsigned count = pp::base::load_be16(&table[at]), off_size = table[at + 2];
  std::vector<std::size_t> offsets;
  for (unsigned i = 0; i <= count; ++i) {
    std::size_t o = 0;
    for (unsigned b = 0; b < off_size; ++b) o = o << 8 | table[at + 3 + i * off_size + b];
    offsets.push_back(o);
  }
  const std::size_t data = at + 3 + (count + 1) * off_size - 1;
  std::vector<Bytes> out;
  for (unsigned i = 0; i < count; ++i)
    out.emplace_back(table.begin() + static_cast<std::ptrdiff_t>(data + offsets[i]),
                     table.begin() + static_cast<std::ptrdiff_t>(data + offsets[i + 1]));
  return out;
}

// Subroutine numbers as charstrings push them: biased by -107 for INDEXes under 1,240 entries.
int subr(int n) { return 139 + n - 107; }

constexpr int hstem = 1, rlineto = 5, hlineto = 6, callsubr = 10, ret = 11, endchar = 14, hstemhm = 18, hintmask = 19,
              rmoveto = 21, callgsubr = 29;

}  // namespace

TEST_CASE("the used glyphs' subroutine calls are inlined, the other glyphs and the subroutines emptied",
          "[text][cff]") {
  const std::vector<Bytes> global = {bytes({146, hlineto, ret})};                              // 7 hlineto
  const std::vector<Bytes> local = {bytes({144, 145, rlineto, subr(0), callgsubr, ret}),      // 5 6 rlineto, then global 0
                                    bytes({140, 141, rmoveto, ret})};                          // 1 2 rmoveto: leaves nothing
  const std::vector<Bytes> glyphs = {
      bytes({endchar}),
      // Two hstemhm hints, two operands left for hintmask (an implied vstem: three hints, one mask byte).
      bytes({149, 159, 169, 179, hstemhm, 189, 199, hintmask, 0xE0, subr(0), callsubr, endchar}),
      // A hintmask after path operators: the case cairo's walk miscounts. One hint, so one mask byte.
      bytes({149, 159, hstem, subr(1), callsubr, 141, 142, rlineto, hintmask, 0x80, subr(0), callsubr, endchar}),
      // Not used: its 25 bytes make room for the others' inlined subroutines.
      bytes({140, 140, rmoveto, 141, 141, rlineto, 141, 141, rlineto, 141, 141, rlineto, 141, 141, rlineto, 141, 141,
             rlineto, 141, 141, rlineto, 141, 141, rlineto, endchar}),
  };
  Bytes table = cff_table(glyphs, global, local);
  const std::size_t cs_at = 4 + 6 + 22 + 2 + 8;  // after the header, Name, Top DICT, String and Global Subr INDEXes
  REQUIRE(charstrings_at(table, cs_at) == glyphs);
  const Bytes before = table;
  REQUIRE(pp::text::flatten_charstrings(table, {false, true, true}));
  const std::vector<Bytes> flat = charstrings_at(table, cs_at);
  REQUIRE(flat.size() == 4);
  CHECK(flat[0] == bytes({endchar}));
  CHECK(flat[1] == bytes({149, 159, 169, 179, hstemhm, 189, 199, hintmask, 0xE0, 144, 145, rlineto, 146, hlineto, endchar}));
  CHECK(flat[2] == bytes({149, 159, hstem, 140, 141, rmoveto, 141, 142, rlineto, hintmask, 0x80, 144, 145, rlineto, 146,
                          hlineto, endchar}));
  CHECK(flat[3].empty());
  // Both subroutine INDEXes now count none (no charstring calls one); otherwise nothing moved past the new
  // INDEX: the Private DICT and the subroutines' old bytes are where they were.
  const std::size_t gsubrs_at = cs_at - index_of(global).size();
  CHECK(Bytes(table.begin() + static_cast<std::ptrdiff_t>(gsubrs_at), table.begin() + static_cast<std::ptrdiff_t>(cs_at)) ==
        cat({bytes({0, 0}), Bytes(before.begin() + static_cast<std::ptrdiff_t>(gsubrs_at + 2), before.begin() + static_cast<std::ptrdiff_t>(cs_at))}));
  const std::size_t private_at = cs_at + index_of(glyphs).size(), lsubrs_at = private_at + 6;
  Bytes expected(before.begin() + static_cast<std::ptrdiff_t>(private_at), before.end());
  expected[lsubrs_at - private_at] = expected[lsubrs_at - private_at + 1] = 0;
  CHECK(Bytes(table.begin() + static_cast<std::ptrdiff_t>(private_at), table.end()) == expected);
}

TEST_CASE("charstrings that cannot be flattened leave the table as it was", "[text][cff]") {
  const std::vector<Bytes> global = {bytes({146, hlineto, ret})};
  std::vector<Bytes> local = {bytes({140, 141, rmoveto, ret})};
  Bytes glyph;
  SECTION("a subroutine number computed by arithmetic") { glyph = bytes({subr(0) - 1, 140, 12, 10, callsubr, endchar}); }
  SECTION("a subroutine number that is not an integer") { glyph = bytes({255, 0, 0, 0, 0, callsubr, endchar}); }
  SECTION("a call past the subroutines") { glyph = bytes({subr(5), callsubr, endchar}); }
  SECTION("calls nested deeper than ten") {
    local = {bytes({subr(0), callsubr, ret})};  // calls itself
    glyph = bytes({subr(0), callsubr, endchar});
  }
  SECTION("no endchar") { glyph = bytes({140, 141, rmoveto}); }
  SECTION("a reserved operator") { glyph = bytes({140, 2, endchar}); }
  SECTION("a return outside a subroutine") { glyph = bytes({ret, endchar}); }
  SECTION("a mask running off the end") { glyph = bytes({149, 159, hstem, hintmask}); }
  SECTION("inlined, more than the INDEX's place holds") { glyph = bytes({subr(0), callsubr, subr(0), callgsubr, endchar}); }
  Bytes table = cff_table({bytes({endchar}), glyph}, global, local);
  const Bytes before = table;
  CHECK_FALSE(pp::text::flatten_charstrings(table, {false, true}));
  CHECK(table == before);
}

TEST_CASE("a Noto CJK face's flattened glyphs have the very outlines FreeType draws from the original",
          "[text][cff]") {
  // The SC face of Noto Sans CJK, whose 如 cairo 1.16 embedded without its last subroutine.
  const pp::test::NotoFace noto("NotoSansCJK-Regular.ttc", 2);
  FT_Library library = noto.library;
  FT_Face face = noto.face;
  FT_ULong length = noto.cff_length;
  Bytes original(length);
  REQUIRE(FT_Load_Sfnt_Table(face, pp::test::NotoFace::cff, 0, original.data(), &length) == 0);
  std::vector<FT_UInt> glyphs;
  std::vector<bool> used(static_cast<std::size_t>(face->num_glyphs));
  for (const char32_t c : std::u32string(U"我们如何把如果排版、。「」ABCxyz한국어ひらがなカタカナ龍鬱")) {
    glyphs.push_back(FT_Get_Char_Index(face, c));
    REQUIRE(glyphs.back() != 0);
    used[glyphs.back()] = true;
  }
  Bytes flat = original;
  REQUIRE(pp::text::flatten_charstrings(flat, used));

  FT_Face before, after;  // FreeType reads a bare CFF table as a font of its own
  REQUIRE(FT_New_Memory_Face(library, original.data(), static_cast<FT_Long>(original.size()), 0, &before) == 0);
  REQUIRE(FT_New_Memory_Face(library, flat.data(), static_cast<FT_Long>(flat.size()), 0, &after) == 0);
  for (const FT_UInt g : glyphs) {
    INFO("glyph " << g);
    const auto expected = pp::test::glyph_outline(before, g);
    REQUIRE(expected.has_value());
    CHECK(!expected->coordinates.empty());
    CHECK(pp::test::glyph_outline(after, g) == expected);
  }
  const auto unused = pp::test::glyph_outline(after, 1);  // a glyph not drawn is empty
  REQUIRE(unused.has_value());
  CHECK(unused->coordinates.empty());
  FT_Done_Face(after);
  FT_Done_Face(before);

  // A CID-keyed face: its Global Subr INDEX and every Font DICT's Subrs, all in use before, count none now.
  const auto subroutines_of = [](const Bytes& table) {
    const auto read = pp::text::cff_bytes_reader(table);
    const auto top = pp::text::read_cff_top_level(read, table.size());
    REQUIRE(top.has_value());
    auto subrs = pp::text::read_cff_subroutines(read, *top, table.size());
    REQUIRE(subrs.has_value());
    return *subrs;
  };
  const auto was = subroutines_of(original), now = subroutines_of(flat);
  REQUIRE(was.cid_keyed);
  CHECK(was.global.count() > 1000);
  CHECK(now.global.count() == 0);
  REQUIRE(now.local.size() == was.local.size());
  for (std::size_t fd = 0; fd < was.local.size(); ++fd) {
    INFO("Font DICT " << fd);
    REQUIRE(was.local[fd].has_value());
    REQUIRE(now.local[fd].has_value());
    CHECK(now.local[fd]->count() == 0);
  }
}
