// The structures of a CFF table (Adobe Technical Note 5176) that postpress reads: INDEXes and DICTs.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace pp::text {

// Reads `n` bytes at `offset` (of a table, or of a file) into `out`; false if it cannot.
using CffRead = std::function<bool(std::uint64_t offset, std::uint8_t* out, std::uint64_t n)>;

// Reads from bytes in memory (a table, a mapped file), which must outlive the reader.
CffRead cff_bytes_reader(std::span<const std::uint8_t> bytes);

// The end of the INDEX at `pos` (section 5), or 0 when it does not fit in `table_length`.
std::uint64_t cff_index_end(const CffRead& read, std::uint64_t pos, std::uint64_t table_length);

// Where the Name INDEX that follows a CFF table's header ends (section 6): 0 when the bytes do not start
// like a CFF table (version 1, a header of at least 4 bytes) or the INDEX does not fit in `table_length`.
std::uint64_t cff_name_index_end(const CffRead& read, std::uint64_t table_length);

// An INDEX's header and offset array: object i is the bytes [data + offsets[i], data + offsets[i + 1]) of the
// table. An empty INDEX has no offsets.
struct CffIndex {
  std::uint64_t start = 0, end = 0;  // the INDEX's own bytes, header to last object
  std::uint64_t data = 0;            // where the objects' bytes start, less 1: offsets count from 1
  unsigned offset_size = 0;
  std::vector<std::uint64_t> offsets;

  std::size_t count() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::uint64_t begin_of(std::size_t i) const { return data + offsets[i]; }
  std::uint64_t end_of(std::size_t i) const { return data + offsets[i + 1]; }
};

// nullopt when the INDEX does not fit in `table_length` or its offsets do not start at 1 and never fall.
std::optional<CffIndex> read_cff_index(const CffRead& read, std::uint64_t pos, std::uint64_t table_length);

// The integer operands of the last `op` in a DICT (section 4; an escaped operator 12 x is 1200 + x); nullopt
// when the DICT has no such operator, one of its operands is a real, or the DICT is malformed.
std::optional<std::vector<std::int64_t>> cff_dict_operands(const std::vector<std::uint8_t>& dict, unsigned op);

// The operand of `op` in a DICT when it is a single offset inside the table (0 < offset < table_length).
std::optional<std::uint64_t> cff_dict_offset(const std::vector<std::uint8_t>& dict, unsigned op, std::uint64_t table_length);

// What every reader of a CFF table here starts from (sections 2, 8, 9, 14): the first font's Top DICT,
// where the Top DICT INDEX ends (the String INDEX and then the Global Subr INDEX follow), and the
// CharStrings INDEX that the Top DICT names. nullopt when any of them cannot be read or has no entries.
struct CffTopLevel {
  std::vector<std::uint8_t> top_dict;
  std::uint64_t top_index_end = 0;
  CffIndex charstrings;
};
std::optional<CffTopLevel> read_cff_top_level(const CffRead& read, std::uint64_t table_length);

// Whether glyph `g` is among those marked in `used`; glyph 0, .notdef, always is.
inline bool cff_glyph_used(const std::vector<bool>& used, std::size_t g) { return g == 0 || (g < used.size() && used[g]); }

// The subroutines a charstring can call (section 16, TN 5177 section 4.7): the Global Subr INDEX, and the
// Subrs INDEX of each Private DICT, one for a name-keyed font, one per Font DICT of the FDArray, in its
// order, for a CID-keyed one (a Top DICT with ROS). A Private DICT that cannot be read gives nullopt, one
// without Subrs an empty INDEX. nullopt when the Global Subr INDEX or the FDArray cannot be read.
struct CffSubroutines {
  CffIndex global;
  std::vector<std::optional<CffIndex>> local;
  bool cid_keyed = false;
};
std::optional<CffSubroutines> read_cff_subroutines(const CffRead& read, const CffTopLevel& top, std::uint64_t table_length);

}  // namespace pp::text
