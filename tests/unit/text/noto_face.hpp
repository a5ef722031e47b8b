// A face of the Noto CJK fonts (fonts-noto-cjk) opened with FreeType, with its CFF table's length: the
// tests that read or rewrite a real CJK face's CFF table start from one.
#pragma once

#include <catch2/catch.hpp>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <string>

namespace pp::test {

struct NotoFace {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  FT_ULong cff_length = 0;
  static constexpr FT_ULong cff = FT_MAKE_TAG('C', 'F', 'F', ' ');
  NotoFace(const char* file, FT_Long index) {
    REQUIRE(FT_Init_FreeType(&library) == 0);
    REQUIRE(FT_New_Face(library, (std::string("/usr/share/fonts/opentype/noto/") + file).c_str(), index, &face) == 0);
    REQUIRE(FT_Load_Sfnt_Table(face, cff, 0, nullptr, &cff_length) == 0);
  }
  ~NotoFace() {
    FT_Done_Face(face);
    FT_Done_FreeType(library);
  }
  NotoFace(const NotoFace&) = delete;
  NotoFace& operator=(const NotoFace&) = delete;
};

}  // namespace pp::test
