// A CFF table whose drawn glyphs call no subroutines: their charstrings with every call inlined.
//
// Why: cairo 1.16's CFF subsetter embeds only the subroutines it sees a glyph call, and replaces the others
// with an empty one. To find the calls it walks each charstring, but it forgets to empty its operand count
// at path operators, so at the first hintmask that follows a path it counts too many hints, skips too many
// mask bytes, and can step over a call. The subroutine called there is then embedded empty, and the glyph
// is drawn incomplete or not at all: in Noto Sans CJK SC, 如 (in 如何, 如果) vanished from every PDF.
// A charstring without calls gives that walk nothing to miss, and outlines, hints and widths stay the same.
#pragma once

#include "text/cff_structure.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace pp::text {

// Rewrites the CharStrings INDEX of the CFF table in `table`, in place: each glyph marked in `used` (glyph
// id g is used when g < used.size() and used[g]; glyph 0, .notdef, always is) gets its charstring with
// every subroutine call inlined, and every other glyph an empty one. The INDEX keeps its place and offset
// size, and the bytes after its new end are left as they were. As no charstring calls a subroutine any
// more, the Global Subr INDEX and every Private DICT's Subrs INDEX are emptied (their counts set to 0, in
// place): a subset then carries none of them. Nothing else in the table is written. Of the table, only
// the structures, the used glyphs' charstrings and the subroutines they call are read.
// False, with the table unchanged, when a used charstring cannot be flattened (a subroutine number that is
// not a plain integer, calls nested deeper than the 10 Type 2 allows, an unknown or arithmetic operator,
// no endchar, more than 96 operands held) or the flattened INDEX would not fit in the old one's place.
bool flatten_charstrings(std::span<std::uint8_t> table, const std::vector<bool>& used);

// The same, for a table whose top level the caller has read already (from these bytes or the same file's).
bool flatten_charstrings(std::span<std::uint8_t> table, const CffTopLevel& top, const std::vector<bool>& used);

}  // namespace pp::text
