// FreeType's FT_Load_Sfnt_Table, defined by the executable so that cairo's calls bind here (an
// executable's symbols come before a library's), as media/zlib_default_level.cpp does for zlib. Why:
// text/cff_table_reads.hpp. Only a read of a whole CFF table over 1 MB made by cairo is handled here:
// - while the PDF writer allows it, cut to the table's head. The rest of cairo's buffer is left
//   unwritten: its check reads the header, Name INDEX and Top DICT only;
// - otherwise read from the font file that FreeType has mapped, with pread, the same bytes without
//   faulting the mapping in: only the parts that the glyphs recorded as drawn need (text/glyph_use.hpp)
//   when there is a record, else the whole table. When that cannot be done (a face made from memory, a
//   file replaced since), FreeType reads it.
// Every other call goes on to FreeType's own function, found with dlsym: other callers (HarfBuzz's
// FreeType glue, FreeType itself) are never touched.
//
// Compiled into the postpress executable itself (src/CMakeLists.txt): in a static library nothing would
// pull it in. Tests that link the libraries alone get FreeType's function unchanged.
#include "base/next_definition.hpp"
#include "text/cff_table_reads.hpp"

#include <dlfcn.h>
#include <cstring>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

namespace {

using LoadSfntTable = FT_Error (*)(FT_Face, FT_ULong, FT_Long, FT_Byte*, FT_ULong*);

LoadSfntTable freetype_function() {
  static const auto real = pp::base::next_definition<LoadSfntTable>("FT_Load_Sfnt_Table");
  return real;
}

constexpr FT_ULong cff_tag = FT_MAKE_TAG('C', 'F', 'F', ' ');
constexpr FT_ULong big_table = FT_ULong{1} << 20;  // a Latin CFF font is read whole: it costs nothing

bool called_from_cairo(void* return_address) {
  Dl_info info;
  return dladdr(return_address, &info) != 0 && info.dli_fname && std::strstr(info.dli_fname, "/libcairo.so");
}

}  // namespace

extern "C" FT_Error FT_Load_Sfnt_Table(FT_Face face, FT_ULong tag, FT_Long offset, FT_Byte* buffer, FT_ULong* length) {
  const LoadSfntTable freetype = freetype_function();
  if (tag == cff_tag && buffer && offset == 0 && length && *length > big_table && called_from_cairo(__builtin_return_address(0))) {
    try {  // cairo is C: nothing may unwind into it, so whatever fails here leaves the read to FreeType
      if (pp::text::cff_head_reads_only.on()) {
        const auto read = [&](std::uint64_t at, std::uint8_t* out, std::uint64_t n) {
          FT_ULong count = n;
          return freetype(face, tag, static_cast<FT_Long>(at), out, &count) == 0;
        };
        if (const std::uint64_t head = pp::text::cff_head_length(read, *length); head > 0 && read(0, buffer, head)) return 0;
      } else if (pp::text::read_cff_table_for_subset(face, buffer, *length)) {
        return 0;
      }
    } catch (...) {
    }
  }
  return freetype(face, tag, offset, buffer, length);
}
