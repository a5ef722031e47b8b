// The book look's colours, written once: the print theme (pdf/theme.hpp, styles/print.yaml) starts from
// them, and so do the defaults of tables and rich text that the EPUB's table images draw with.
#pragma once

#include "figure/css_color.hpp"

namespace pp::figure::book_colours {

inline constexpr unsigned text = 0x1f1f1f;
inline constexpr unsigned link = 0x1454a6;
inline constexpr unsigned code_text = 0x262626;
inline constexpr unsigned code_background = 0xf4f4f2;
inline constexpr unsigned table_rule = 0x8c8c8c;
inline constexpr unsigned table_header_background = 0xededed;

}  // namespace pp::figure::book_colours
