// Cutting cairo's reads of a CFF font's table short while only its head is wanted.
//
// cairo 1.16's PDF surface reads an OpenType font's whole CFF table twice: once when the font is first used
// on a page, only to see whether its Top DICT names a CID-keyed font, and once when it writes the font
// subset at the end. A Noto CJK face's CFF table is 15 to 24 MB, and the copy lands in freshly allocated
// memory: for a Chinese post's four CJK faces, 14,000 page faults and about 30 ms, a tenth of the run.
// The executable defines FreeType's FT_Load_Sfnt_Table (text/cff_table_reads_override.cpp); while a
// CffHeadReadsOnly lives, it fills only the head of such a read, which is all that first question looks at.
#pragma once

#include <cstdint>
#include <functional>

namespace pp::text {

// The PDF writer holds one while it draws pages, and lets it go before cairo writes the font subsets.
class CffHeadReadsOnly {
 public:
  CffHeadReadsOnly();
  ~CffHeadReadsOnly();
  CffHeadReadsOnly(const CffHeadReadsOnly&) = delete;
  CffHeadReadsOnly& operator=(const CffHeadReadsOnly&) = delete;
};

bool cff_head_reads_only();

// Reads `n` bytes of the table at `offset` into `out`; false if it cannot.
using CffRead = std::function<bool(std::uint64_t offset, std::uint8_t* out, std::uint64_t n)>;

// The length of a CFF table's head: its header, Name INDEX and Top DICT INDEX, which come first. 0 when
// the bytes are not a CFF table's or do not fit in `table_length`.
std::uint64_t cff_head_length(const CffRead& read, std::uint64_t table_length);

}  // namespace pp::text
