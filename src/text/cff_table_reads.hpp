// Making cairo's reads of a CFF font's whole table cheap.
//
// cairo 1.16's PDF surface reads an OpenType font's whole CFF table twice: once when the font is first used
// on a page, only to see whether its Top DICT names a CID-keyed font, and once when it writes the font
// subset at the end. A Noto CJK face's CFF table is 15 to 24 MB, and the copy lands in freshly allocated
// memory: for a Chinese post's four CJK faces, 14,000 page faults and about 30 ms, a tenth of the run.
// The executable defines FreeType's FT_Load_Sfnt_Table (text/cff_table_reads_override.cpp):
// - while `cff_head_reads_only` is on, it fills only the head of such a read, which is all that first question
//   looks at;
// - otherwise it reads the table from the font file with pread rather than from FreeType's mapping of it,
//   so that the 15-24 MB of each face are not faulted into the process on top of cairo's copy: that was
//   the volume's peak, 190 MB of font file pages at the end of the run.
#pragma once

#include "base/process_switch.hpp"

#include <cstdint>
#include <functional>
#include <optional>

struct FT_FaceRec_;  // FreeType's FT_Face points to one

namespace pp::text {

// On while the PDF writer draws pages; it lets go before cairo writes the font subsets.
inline base::ProcessSwitch cff_head_reads_only;

// Reads `n` bytes at `offset` (of a table, or of a file) into `out`; false if it cannot.
using CffRead = std::function<bool(std::uint64_t offset, std::uint8_t* out, std::uint64_t n)>;

// The length of a CFF table's head: its header, Name INDEX and Top DICT INDEX, which come first. 0 when
// the bytes are not a CFF table's or do not fit in `table_length`.
std::uint64_t cff_head_length(const CffRead& read, std::uint64_t table_length);

// Where table `tag` of face `face_index` lies in an OpenType file or collection (`read` reads the file):
// from the collection header and the face's table directory. nullopt when the file has no such face or
// table, or the table would run past `file_size`.
struct SfntTableExtent {
  std::uint64_t offset, length;
};
std::optional<SfntTableExtent> sfnt_table_extent(const CffRead& read, std::uint64_t file_size, unsigned face_index,
                                                 std::uint32_t tag);

// The whole table `tag`, `length` bytes, read with pread from the file behind the face's memory-mapped
// stream (base/mapped_file.hpp), so that FreeType's mapping of the file is not faulted in. False when the
// face is not a mapped file's or the table is not where its directory says; the caller then asks FreeType.
bool read_table_from_font_file(FT_FaceRec_* face, unsigned long tag, unsigned char* buffer, unsigned long length);

}  // namespace pp::text
