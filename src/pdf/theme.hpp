// The print theme: page geometry, fonts per language, sizes, colours and spacing. Lengths are in PDF
// points (1/72 in). The defaults below are the ones styles/print.yaml spells out (a test keeps the two
// equal); `--theme FILE` overrides any subset of that file's keys.
#pragma once

#include "base/diagnostics.hpp"
#include "base/settings.hpp"
#include "figure/book_colours.hpp"
#include "highlight/code_highlighter.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pp::pdf {

struct Rgb {
  double r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// 0xrrggbb as a theme file writes it ('#rrggbb'): the defaults are spelled this way so that reading
// styles/print.yaml gives exactly the same doubles (n / 255.0 both times).
constexpr Rgb rgb_hex(unsigned rrggbb) {
  return {static_cast<double>((rrggbb >> 16) & 0xffu) / 255.0, static_cast<double>((rrggbb >> 8) & 0xffu) / 255.0,
          static_cast<double>(rrggbb & 0xffu) / 255.0};
}

struct PageSize {
  double width = 0, height = 0;  // points
};

// A4, A5, B5 (ISO), Letter, 6x9in (also "6x9"), or "WIDTHxHEIGHT" with units ("170mmx240mm").
std::optional<PageSize> page_size_named(std::string_view name);

// "12pt", "4.2mm", "1.5cm", "0.5in", "16px" (CSS px: 0.75 pt) or a bare number of points.
std::optional<double> length_in_points(std::string_view text);

enum class FontRole { body, heading, mono };

struct PdfTheme {
  PageSize page{419.53, 595.28};  // A5
  double margin_top = 56, margin_bottom = 62, margin_inner = 54, margin_outer = 46;
  double header_gap = 22;  // running head baseline, above the text block's top
  double footer_gap = 30;  // page number baseline, below the text block's bottom

  // Font families per role and language (BCP 47 primary tag or zh-Hans/zh-Hant; "default" for the
  // rest): a Pango family list such as "Liberation Serif, Noto Serif CJK JP".
  std::map<std::string, std::string> body_fonts{
      {"default", "Liberation Serif, Noto Serif CJK SC"}, {"zh-Hant", "Liberation Serif, Noto Serif CJK TC"},
      {"ja", "Liberation Serif, Noto Serif CJK JP"},      {"ko", "Liberation Serif, Noto Serif CJK KR"}};
  std::map<std::string, std::string> heading_fonts{
      {"default", "Liberation Sans, Noto Sans CJK SC"}, {"zh-Hant", "Liberation Sans, Noto Sans CJK TC"},
      {"ja", "Liberation Sans, Noto Sans CJK JP"},      {"ko", "Liberation Sans, Noto Sans CJK KR"}};
  std::map<std::string, std::string> mono_fonts{
      {"default", "Liberation Mono, Noto Sans CJK SC"}, {"zh-Hant", "Liberation Mono, Noto Sans CJK TC"},
      {"ja", "Liberation Mono, Noto Sans CJK JP"},      {"ko", "Liberation Mono, Noto Sans CJK KR"}};

  double body_size = 10;          // points
  double line_height = 1.5;       // baseline to baseline, as a multiple of the body size (Latin)
  double cjk_line_height = 1.75;  // the same for zh, ja, ko (Han text needs more air)
  double paragraph_gap = 0.6;     // between paragraphs, as a multiple of the body size
  bool justify = true;
  double heading_size[6] = {20, 15, 12.5, 11, 10, 10};
  double heading_gap_before = 1.4, heading_gap_after = 0.6;  // multiples of the body size
  double code_size = 8.2;
  double code_line_height = 1.4;
  double code_padding = 6;
  double small_size = 8;  // running heads, page numbers, footnotes
  double list_indent = 18;
  double quote_indent = 14;
  double image_max_height = 0.55;  // fraction of the text block's height
  double title_size = 26;

  Rgb text = rgb_hex(figure::book_colours::text), muted = rgb_hex(0x6b6b6b), heading = rgb_hex(0x141414),
      link = rgb_hex(figure::book_colours::link);
  Rgb code_text = rgb_hex(figure::book_colours::code_text), code_background = rgb_hex(figure::book_colours::code_background),
      code_border = rgb_hex(0xdbdbd6);
  Rgb rule = rgb_hex(0xbfbfbf), quote_bar = rgb_hex(0xc7c7c7);
  Rgb table_rule = rgb_hex(figure::book_colours::table_rule),
      table_header_background = rgb_hex(figure::book_colours::table_header_background);
  // Syntax colours for the groups after `plain` (which is code_text), in highlight::SyntaxGroup order.
  // Keywords are also bold and comments italic, so that a greyscale print still tells them apart.
  std::array<Rgb, highlight::syntax_group_count - 1> syntax{
      rgb_hex(0x1c3f94), rgb_hex(0x6a2c91), rgb_hex(0x0d5e63), rgb_hex(0x2b6a12), rgb_hex(0x9a4300),
      rgb_hex(0x696969), rgb_hex(0x7c4d00), rgb_hex(0x8c1d55), rgb_hex(0xb3001b)};

  // The family list for `role` in `lang`: the exact tag, then its primary subtag, then "default".
  std::string fonts(FontRole role, std::string_view lang) const;
  double text_width() const { return page.width - margin_inner - margin_outer; }
  double text_height() const { return page.height - margin_top - margin_bottom; }
  const Rgb& syntax_colour(highlight::SyntaxGroup group) const {
    return group == highlight::SyntaxGroup::plain ? code_text : syntax[static_cast<std::size_t>(group) - 1];
  }
};

// Applies settings (styles/print.yaml's keys, any subset) over `theme`. Unknown keys and bad values are
// warnings at their line, and the setting is ignored. page.size applies before page.width/page.height,
// wherever they are written. When the result leaves a text block under 72pt on a side, or puts the
// running head or page number off the page, the page geometry (size, margins, gaps) stays as it was,
// with a warning. Returns false when something was ignored.
bool apply_theme_settings(PdfTheme& theme, const base::SettingsFile& file, base::DiagnosticSink& sink);

}  // namespace pp::pdf
