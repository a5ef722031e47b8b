// The structures of a CFF table (Adobe Technical Note 5176) that postpress reads: INDEXes and DICTs.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace pp::text {

// Reads `n` bytes at `offset` (of a table, or of a file) into `out`; false if it cannot.
using CffRead = std::function<bool(std::uint64_t offset, std::uint8_t* out, std::uint64_t n)>;

// The end of the INDEX at `pos` (section 5), or 0 when it does not fit in `table_length`.
std::uint64_t cff_index_end(const CffRead& read, std::uint64_t pos, std::uint64_t table_length);

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

}  // namespace pp::text
