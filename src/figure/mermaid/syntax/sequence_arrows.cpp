// The table of sequence arrows, longest first so `-->>` is never read as `-->` followed by '>'.
#include "figure/mermaid/syntax/sequence_arrows.hpp"

#include "figure/mermaid/syntax/scan.hpp"

#include <array>

namespace pp::figure::mermaid::syntax {

namespace {

struct ArrowForm {
  std::string_view text;
  Arrow arrow;
  bool reversed;
  bool half;
};

using A = Arrow;

constexpr std::array<ArrowForm, 26> forms{{
    {"<<-->>", A::dotted_both, false, false},
    {"<<->>", A::solid_both, false, false},
    {"-->>", A::dotted_arrow, false, false},
    {"--|\\", A::dotted_arrow, false, true},
    {"--|/", A::dotted_arrow, false, true},
    {"--\\\\", A::dotted_open_arrow, false, true},
    {"--//", A::dotted_open_arrow, false, true},
    {"/|--", A::dotted_arrow, true, true},
    {"\\|--", A::dotted_arrow, true, true},
    {"//--", A::dotted_open_arrow, true, true},
    {"\\\\--", A::dotted_open_arrow, true, true},
    {"->>", A::solid_arrow, false, false},
    {"-->", A::dotted_line, false, false},
    {"--x", A::dotted_cross, false, false},
    {"--)", A::dotted_open_arrow, false, false},
    {"-|\\", A::solid_arrow, false, true},
    {"-|/", A::solid_arrow, false, true},
    {"-\\\\", A::solid_open_arrow, false, true},
    {"-//", A::solid_open_arrow, false, true},
    {"/|-", A::solid_arrow, true, true},
    {"\\|-", A::solid_arrow, true, true},
    {"//-", A::solid_open_arrow, true, true},
    {"\\\\-", A::solid_open_arrow, true, true},
    {"->", A::solid_line, false, false},
    {"-x", A::solid_cross, false, false},
    {"-)", A::solid_open_arrow, false, false},
}};

}  // namespace

std::optional<ArrowMatch> match_arrow(std::string_view s, std::size_t k) {
  for (const ArrowForm& f : forms) {
    if (starts_with_at(s, k, f.text)) return ArrowMatch{f.text.size(), f.arrow, f.reversed, f.half};
  }
  return std::nullopt;
}

}  // namespace pp::figure::mermaid::syntax
