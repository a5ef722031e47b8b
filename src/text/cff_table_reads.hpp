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
//   the volume's peak, 190 MB of font file pages at the end of the run;
// - and when the PDF writer has recorded which glyphs of the face it drew (text/glyph_use.hpp), it reads
//   all of the table but the charstrings of the other glyphs. cairo's subsetter parses the table's
//   structures and follows only the charstrings of the glyphs it embeds, so the bytes left out are never
//   looked at: a Chinese post draws about a thousand of a face's 65,000 glyphs, and most of the 15-24 MB
//   are never copied, nor the pages of cairo's buffer that would hold them touched.
#pragma once

#include "base/process_switch.hpp"
#include "text/cff_structure.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

struct FT_FaceRec_;  // FreeType's FT_Face points to one

namespace pp::text {

// On while the PDF writer draws pages; it lets go before cairo writes the font subsets.
inline base::ProcessSwitch cff_head_reads_only;

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

// A run of bytes in a table.
struct ByteRange {
  std::uint64_t offset, length;
  bool operator==(const ByteRange&) const = default;
};

// The parts of a CFF table that cairo's subsetter reads when it embeds the glyphs marked in `used` (see
// cff_glyph_used): the whole table but the charstrings of the other glyphs, found through the CharStrings
// INDEX that the Top DICT names (read_cff_top_level). In order; neighbours less than `merge_gap` bytes
// apart are joined, since one read of a short gap is cheaper than two.
std::vector<ByteRange> cff_ranges_for_glyphs(const CffTopLevel& top, std::uint64_t table_length,
                                             const std::vector<bool>& used, std::uint64_t merge_gap = 1024);

// cairo's final read of a CFF table, filled only where cff_ranges_for_glyphs says, for the glyphs the PDF
// writer recorded for this face (text/glyph_use.hpp); the rest of `buffer` is left unwritten. Then the
// drawn glyphs' charstrings are flattened (text/cff_charstrings.hpp), so that cairo's subsetter, which can
// miss a subroutine call, has none to miss; when a charstring cannot be flattened the table is left as
// read. False, with nothing promised of `buffer`, when no complete record exists for the face or the file
// cannot be read that way; the caller then reads the whole table.
bool read_cff_table_for_drawn_glyphs(FT_FaceRec_* face, unsigned char* buffer, unsigned long length);

// cairo's final read of a big CFF table, as the executable's FT_Load_Sfnt_Table answers it: for the drawn
// glyphs, flattened, when it can be (read_cff_table_for_drawn_glyphs); else the whole table from the file
// (read_table_from_font_file). False when neither worked: FreeType then reads it. Every read that does not
// end flattened is counted (SparseCffReads::unflattened): cairo's subsetter may then drop a subroutine.
bool read_cff_table_for_subset(FT_FaceRec_* face, unsigned char* buffer, unsigned long length);

// What cairo's final CFF reads have done in this process: `tables` read for the drawn glyphs, of which
// `flattened` were flattened; `unflattened` final reads of any kind left unflattened (whole tables
// included); for tests, and for the PDF writer's warning.
struct SparseCffReads {
  std::uint64_t tables = 0, flattened = 0, bytes_read = 0, bytes_left = 0, unflattened = 0;
};
SparseCffReads sparse_cff_reads();

}  // namespace pp::text
