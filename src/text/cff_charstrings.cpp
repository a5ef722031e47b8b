#include "text/cff_charstrings.hpp"

#include "base/big_endian.hpp"
#include "text/cff_structure.hpp"

#include <cstring>
#include <optional>
#include <string>

namespace pp::text {

namespace {

// Type 2 Charstring Format (Adobe TN 5177), section 4.7: a subroutine number is biased by its INDEX's size.
std::int64_t subr_bias(std::size_t count) { return count < 1240 ? 107 : count < 33900 ? 1131 : 32768; }

struct Subrs {
  const CffIndex* index = nullptr;
  std::int64_t bias = 0;
};

// Copies one glyph's charstring with its subroutine calls replaced by the subroutines' bytes. The operands
// since the last operator are held back, so that the number a call takes off the stack is dropped with it.
class Flattener {
 public:
  Flattener(std::span<const std::uint8_t> table, Subrs global) : t_(table), global_(global) {}

  // Appends the flattened charstring to `out`; false (with `out` partly written) when it cannot be flattened.
  bool glyph(std::uint64_t begin, std::uint64_t end, Subrs local, std::string& out) {
    local_ = local;
    out_ = &out;
    pending_ = 0;
    stack_ = hints_ = 0;
    ended_ = false;
    return run(begin, end, 0) && ended_;
  }

 private:
  // Type 2 allows 48 operands on the stack; a subroutine may leave some for its caller, so a few more are
  // held back before a charstring counts as broken.
  static constexpr unsigned max_pending = 96;

  struct Operand {
    std::uint64_t at;
    std::int32_t value;
    std::uint8_t length;
    bool integer;  // false for a 16.16 fixed-point number
  };

  bool run(std::uint64_t at, std::uint64_t end, int nesting) {
    while (at < end && !ended_) {
      const std::uint8_t b0 = t_[at];
      if (b0 == 28 || b0 >= 32) {
        const unsigned length = b0 == 28 ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5;
        if (at + length > end || pending_ == max_pending) return false;
        Operand& o = operands_[pending_++];
        o.at = at;
        o.length = static_cast<std::uint8_t>(length);
        o.integer = b0 != 255;
        if (b0 == 28) o.value = static_cast<std::int16_t>(base::load_be16(&t_[at + 1]));
        else if (b0 <= 246) o.value = b0 - 139;
        else if (b0 <= 250) o.value = (b0 - 247) * 256 + t_[at + 1] + 108;
        else if (b0 <= 254) o.value = -(b0 - 251) * 256 - t_[at + 1] - 108;
        ++stack_;
        at += length;
        continue;
      }
      if (b0 == 10 || b0 == 29) {  // callsubr, callgsubr
        const Subrs& subrs = b0 == 10 ? local_ : global_;
        if (pending_ == 0 || !operands_[pending_ - 1].integer || nesting >= 10 || subrs.index == nullptr) return false;
        const std::int64_t n = operands_[--pending_].value + subrs.bias;
        --stack_;
        if (n < 0 || static_cast<std::uint64_t>(n) >= subrs.index->count()) return false;
        const auto i = static_cast<std::size_t>(n);
        if (!run(subrs.index->begin_of(i), subrs.index->end_of(i), nesting + 1)) return false;
        ++at;
        continue;
      }
      if (b0 == 11) return nesting > 0;  // return
      flush();
      if (b0 == 12) {
        // Of the two-byte operators only the flexes (and the obsolete dotsection) may go: the others do
        // arithmetic on the stack, and a subroutine number could then come from it.
        if (at + 1 >= end || !(t_[at + 1] == 0 || (t_[at + 1] >= 34 && t_[at + 1] <= 37))) return false;
        out_->append(reinterpret_cast<const char*>(&t_[at]), 2);
        stack_ = 0;
        at += 2;
        continue;
      }
      if (b0 == 0 || b0 == 2 || b0 == 9 || b0 == 13 || (b0 >= 15 && b0 <= 17)) return false;  // reserved
      out_->push_back(static_cast<char>(b0));
      ++at;
      if (b0 == 1 || b0 == 3 || b0 == 18 || b0 == 23) {  // stem hints: a pair of operands each
        hints_ += stack_ / 2;
      } else if (b0 == 19 || b0 == 20) {  // hintmask, cntrmask: operands left here are vertical stems
        hints_ += stack_ / 2;
        const std::uint64_t mask = (hints_ + 7) / 8;
        if (at + mask > end) return false;
        out_->append(reinterpret_cast<const char*>(&t_[at]), mask);
        at += mask;
      } else if (b0 == 14) {
        ended_ = true;
      }
      stack_ = 0;  // every operator kept here clears the stack
    }
    return true;  // a subroutine may also end without return
  }

  // Writes the operands held back; those next to each other in the table in one piece.
  void flush() {
    for (unsigned k = 0; k < pending_;) {
      const std::uint64_t from = operands_[k].at;
      std::uint64_t to = from + operands_[k].length;
      for (++k; k < pending_ && operands_[k].at == to; ++k) to += operands_[k].length;
      out_->append(reinterpret_cast<const char*>(&t_[from]), to - from);
    }
    pending_ = 0;
  }

  std::span<const std::uint8_t> t_;
  Subrs global_, local_;
  std::string* out_ = nullptr;
  Operand operands_[max_pending];
  unsigned pending_ = 0;
  std::uint64_t stack_ = 0, hints_ = 0;
  bool ended_ = false;
};

// Each glyph's Font DICT, from the FDSelect at `at` (section 19, formats 0 and 3); nullopt when it is
// neither or runs off the table.
std::optional<std::vector<std::uint8_t>> font_dict_of_glyphs(std::span<const std::uint8_t> table, std::uint64_t at,
                                                             std::uint64_t glyphs) {
  const std::uint64_t length = table.size();
  std::vector<std::uint8_t> fd_of(glyphs);
  if (table[at] == 0) {
    if (at + 1 + glyphs > length) return std::nullopt;
    std::memcpy(fd_of.data(), &table[at + 1], glyphs);
    return fd_of;
  }
  if (table[at] != 3 || at + 3 > length) return std::nullopt;
  const std::uint64_t ranges = base::load_be16(&table[at + 1]);
  if (at + 3 + ranges * 3 + 2 > length) return std::nullopt;
  for (std::uint64_t r = 0; r < ranges; ++r) {
    const std::uint64_t first = base::load_be16(&table[at + 3 + r * 3]), next = base::load_be16(&table[at + 6 + r * 3]);
    for (std::uint64_t g = first; g < next && g < glyphs; ++g) fd_of[g] = table[at + 5 + r * 3];
  }
  return fd_of;
}

}  // namespace

bool flatten_charstrings(std::span<std::uint8_t> table, const std::vector<bool>& used) {
  const auto top = read_cff_top_level(cff_bytes_reader(table), table.size());
  return top && flatten_charstrings(table, *top, used);
}

bool flatten_charstrings(std::span<std::uint8_t> table, const CffTopLevel& top, const std::vector<bool>& used) {
  const std::uint64_t length = table.size();
  const auto subrs = read_cff_subroutines(cff_bytes_reader(table), top, length);
  if (!subrs) return false;
  const CffIndex& charstrings = top.charstrings;
  const std::uint64_t count = charstrings.count();
  // CID-keyed: each glyph's FDSelect entry picks a Font DICT, and so its local subroutines.
  std::vector<std::uint8_t> fd_of(count, 0);
  if (subrs->cid_keyed) {
    const auto fdselect_at = cff_dict_offset(top.top_dict, 1237, length);
    auto selected = fdselect_at ? font_dict_of_glyphs(table, *fdselect_at, count) : std::nullopt;
    if (!selected) return false;
    fd_of = std::move(*selected);
  }

  Flattener flattener(table, {&subrs->global, subr_bias(subrs->global.count())});
  std::string data;  // the new charstrings, one after another
  data.reserve(std::uint64_t{64} << 10);
  std::vector<std::uint64_t> ends(count);  // where each glyph's new charstring ends in `data`
  for (std::size_t g = 0; g < count; ++g) {
    if (cff_glyph_used(used, g)) {
      if (fd_of[g] >= subrs->local.size() || !subrs->local[fd_of[g]]) return false;
      const CffIndex& local = *subrs->local[fd_of[g]];
      if (!flattener.glyph(charstrings.begin_of(g), charstrings.end_of(g), {&local, subr_bias(local.count())}, data))
        return false;
    }
    ends[g] = data.size();
  }

  // The new INDEX, written over the old one: count, the same offset size, offsets, then the charstrings.
  const unsigned off_size = charstrings.offset_size;
  if (off_size < 4 && data.size() + 1 >= (std::uint64_t{1} << (8 * off_size))) return false;
  if (3 + (count + 1) * off_size + data.size() > charstrings.end - charstrings.start) return false;
  std::uint8_t* out = table.data() + charstrings.start + 3;
  const auto put_offset = [&](std::uint64_t offset) {
    for (unsigned b = 0; b < off_size; ++b) *out++ = static_cast<std::uint8_t>(offset >> (8 * (off_size - 1 - b)));
  };
  put_offset(1);
  for (std::size_t g = 0; g < count; ++g) put_offset(1 + ends[g]);
  std::memcpy(out, data.data(), data.size());

  // No charstring calls a subroutine any more: the subroutine INDEXes are emptied (a count of 0 where each
  // starts), so that cairo neither parses nor embeds tens of thousands of them, each cut to a lone return.
  const auto empty_index = [&](const CffIndex& index) {
    if (index.count() == 0) return;
    table[index.start] = 0;
    table[index.start + 1] = 0;
  };
  empty_index(subrs->global);
  for (const auto& local : subrs->local)
    if (local) empty_index(*local);
  return true;
}

}  // namespace pp::text
