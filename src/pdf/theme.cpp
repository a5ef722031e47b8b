// The print theme's value syntax (lengths, page sizes, colours) and the keys a theme file may set.
#include "pdf/theme.hpp"

#include "base/ascii.hpp"
#include "figure/css_color.hpp"
#include "model/lang.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace pp::pdf {

namespace {

// Larger than any page or type a press prints, small enough that a typo ("2100mm") is caught.
constexpr double max_length_pt = 10000;
// A text block narrower or shorter than an inch cannot hold a line of a heading or a code line.
constexpr double min_text_block_pt = 72;
// Line heights and gaps are multiples of the text size; ten lines of air is already a typo.
constexpr double max_multiple = 10;

using base::trim_ascii;

// A finite number filling all of `s` (after trimming), or nullopt.
std::optional<double> plain_number(std::string_view s) {
  s = trim_ascii(s);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool ends_in_unit(std::string_view s) {
  s = trim_ascii(s);
  return !s.empty() && std::isalpha(static_cast<unsigned char>(s.back()));
}

// "170mmx240mm": the 'x' that splits the text into two lengths with units ("px" holds an 'x' too).
std::optional<PageSize> custom_page_size(std::string_view s) {
  for (std::size_t x = s.find('x'); x != std::string_view::npos; x = s.find('x', x + 1)) {
    const std::string_view w = s.substr(0, x), h = s.substr(x + 1);
    if (!ends_in_unit(w) || !ends_in_unit(h)) continue;
    const auto width = length_in_points(w), height = length_in_points(h);
    if (width && height && *width > 0 && *height > 0) return PageSize{*width, *height};
  }
  return std::nullopt;
}

// Font keys and lookups share one spelling: "zh-TW" and "zh-hant" are "zh-Hant", but a bare "zh" stays
// "zh" (every Chinese script), where model::normalize_lang would narrow it to "zh-Hans".
std::optional<std::string> font_lang_key(std::string_view tag) {
  if (base::ascii_lower(tag) == "default") return "default";
  auto normal = model::normalize_lang(tag);
  if (!normal) return std::nullopt;
  if (tag.find_first_of("-_") == std::string_view::npos) return base::ascii_lower(tag);
  return normal;
}

// '#rrggbb' or '#rgb', read by the CSS colour parser, which gives exactly rgb_hex's doubles, so
// styles/print.yaml reproduces the defaults bit for bit. Only hex: one spelling per colour in a theme
// file, and no transparency, which print does not have.
std::optional<Rgb> theme_colour(std::string_view s) {
  s = trim_ascii(s);
  if (s.size() != 4 && s.size() != 7) return std::nullopt;
  const auto c = figure::parse_css_color(s);
  if (!c || s[0] != '#') return std::nullopt;
  return Rgb{c->r, c->g, c->b};
}

std::optional<bool> flag(std::string_view s) {
  const std::string v = base::ascii_lower(trim_ascii(s));
  if (v == "true") return true;
  if (v == "false") return false;
  return std::nullopt;
}

// What a numeric key accepts; each kind names itself in the warning ("is not a length").
enum class Kind { length, size, line_height, gap, fraction };

struct NumberKey {
  std::string_view key;
  Kind kind;
  double& (*field)(PdfTheme&);
};

const NumberKey number_keys[] = {
    {"page.margin.top", Kind::length, [](PdfTheme& t) -> double& { return t.margin_top; }},
    {"page.margin.bottom", Kind::length, [](PdfTheme& t) -> double& { return t.margin_bottom; }},
    {"page.margin.inner", Kind::length, [](PdfTheme& t) -> double& { return t.margin_inner; }},
    {"page.margin.outer", Kind::length, [](PdfTheme& t) -> double& { return t.margin_outer; }},
    {"page.header-gap", Kind::length, [](PdfTheme& t) -> double& { return t.header_gap; }},
    {"page.footer-gap", Kind::length, [](PdfTheme& t) -> double& { return t.footer_gap; }},
    {"text.size", Kind::size, [](PdfTheme& t) -> double& { return t.body_size; }},
    {"text.line-height", Kind::line_height, [](PdfTheme& t) -> double& { return t.line_height; }},
    {"text.cjk-line-height", Kind::line_height, [](PdfTheme& t) -> double& { return t.cjk_line_height; }},
    {"text.paragraph-gap", Kind::gap, [](PdfTheme& t) -> double& { return t.paragraph_gap; }},
    {"text.small-size", Kind::size, [](PdfTheme& t) -> double& { return t.small_size; }},
    {"headings.h1", Kind::size, [](PdfTheme& t) -> double& { return t.heading_size[0]; }},
    {"headings.h2", Kind::size, [](PdfTheme& t) -> double& { return t.heading_size[1]; }},
    {"headings.h3", Kind::size, [](PdfTheme& t) -> double& { return t.heading_size[2]; }},
    {"headings.h4", Kind::size, [](PdfTheme& t) -> double& { return t.heading_size[3]; }},
    {"headings.h5", Kind::size, [](PdfTheme& t) -> double& { return t.heading_size[4]; }},
    {"headings.h6", Kind::size, [](PdfTheme& t) -> double& { return t.heading_size[5]; }},
    {"headings.gap-before", Kind::gap, [](PdfTheme& t) -> double& { return t.heading_gap_before; }},
    {"headings.gap-after", Kind::gap, [](PdfTheme& t) -> double& { return t.heading_gap_after; }},
    {"title.size", Kind::size, [](PdfTheme& t) -> double& { return t.title_size; }},
    {"code.size", Kind::size, [](PdfTheme& t) -> double& { return t.code_size; }},
    {"code.line-height", Kind::line_height, [](PdfTheme& t) -> double& { return t.code_line_height; }},
    {"code.padding", Kind::length, [](PdfTheme& t) -> double& { return t.code_padding; }},
    {"lists.indent", Kind::length, [](PdfTheme& t) -> double& { return t.list_indent; }},
    {"quotes.indent", Kind::length, [](PdfTheme& t) -> double& { return t.quote_indent; }},
    {"images.max-height", Kind::fraction, [](PdfTheme& t) -> double& { return t.image_max_height; }},
};

struct ColourKey {
  std::string_view key;
  Rgb& (*field)(PdfTheme&);
};

const ColourKey colour_keys[] = {
    {"colors.text", [](PdfTheme& t) -> Rgb& { return t.text; }},
    {"colors.muted", [](PdfTheme& t) -> Rgb& { return t.muted; }},
    {"colors.heading", [](PdfTheme& t) -> Rgb& { return t.heading; }},
    {"colors.link", [](PdfTheme& t) -> Rgb& { return t.link; }},
    {"colors.code-text", [](PdfTheme& t) -> Rgb& { return t.code_text; }},
    {"colors.code-background", [](PdfTheme& t) -> Rgb& { return t.code_background; }},
    {"colors.code-border", [](PdfTheme& t) -> Rgb& { return t.code_border; }},
    {"colors.rule", [](PdfTheme& t) -> Rgb& { return t.rule; }},
    {"colors.quote-bar", [](PdfTheme& t) -> Rgb& { return t.quote_bar; }},
    {"colors.table-rule", [](PdfTheme& t) -> Rgb& { return t.table_rule; }},
    {"colors.table-header-background", [](PdfTheme& t) -> Rgb& { return t.table_header_background; }},
};

// "syntax.<group>" for every coloured group (highlight::group_name spells them).
Rgb* colour_field(PdfTheme& theme, std::string_view key) {
  for (const auto& k : colour_keys)
    if (k.key == key) return &k.field(theme);
  constexpr std::string_view prefix = "syntax.";
  if (key.substr(0, prefix.size()) != prefix) return nullptr;
  for (std::size_t g = 1; g < highlight::syntax_group_count; ++g)
    if (highlight::group_name(static_cast<highlight::SyntaxGroup>(g)) == key.substr(prefix.size())) return &theme.syntax[g - 1];
  return nullptr;
}

std::vector<std::string> colour_key_names() {
  std::vector<std::string> out;
  for (const auto& k : colour_keys) out.emplace_back(k.key);
  for (std::size_t g = 1; g < highlight::syntax_group_count; ++g)
    out.push_back("syntax." + std::string(highlight::group_name(static_cast<highlight::SyntaxGroup>(g))));
  return out;
}

const std::string_view other_keys[] = {"page.size", "page.width", "page.height", "text.justify"};
const std::string_view font_roles[] = {"body", "heading", "mono"};
const std::string_view common_font_langs[] = {"default", "en", "zh-Hans", "zh-Hant", "ja", "ko"};

std::optional<double> number_of_kind(Kind kind, std::string_view text) {
  std::optional<double> v;
  switch (kind) {
    case Kind::length:
      return length_in_points(text);
    case Kind::size:
      v = length_in_points(text);
      return v && *v > 0 ? v : std::nullopt;
    case Kind::line_height:
      v = plain_number(text);
      return v && *v > 0 && *v <= max_multiple ? v : std::nullopt;
    case Kind::gap:
      v = plain_number(text);
      return v && *v >= 0 && *v <= max_multiple ? v : std::nullopt;
    case Kind::fraction:
      v = plain_number(text);
      return v && *v >= 0.1 && *v <= 1 ? v : std::nullopt;
  }
  return std::nullopt;
}

std::string what_kind_is(Kind kind) {
  switch (kind) {
    case Kind::length: return "a length";
    case Kind::size: return "a positive length";
    case Kind::line_height: return "a positive number";
    case Kind::gap: return "a number of 0 or more";
    case Kind::fraction: return "a fraction from 0.1 to 1";
  }
  return "valid";
}

std::string kind_hint(Kind kind) {
  switch (kind) {
    case Kind::length:
    case Kind::size:
      return "write a length such as 12pt, 4.2mm, 1.5cm, 0.5in or 16px (a bare number is points), at most 10000pt";
    case Kind::line_height:
    case Kind::gap:
      return "write a multiple of the text size without a unit, such as 1.5 (at most 10)";
    case Kind::fraction:
      return "write the share of the text block's height, such as 0.55";
  }
  return {};
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The known key closest to a mistyped one, when it is close enough to be what was meant.
std::vector<std::string> unknown_key_hints(const std::string& key) {
  for (std::string_view role : font_roles)
    if (key == "fonts." + std::string(role))
      return {"fonts are set per language, as in 'fonts." + std::string(role) + ".default' or 'fonts." +
              std::string(role) + ".ja'"};
  std::vector<std::string> candidates;
  for (const auto& k : number_keys) candidates.emplace_back(k.key);
  for (auto& k : colour_key_names()) candidates.push_back(std::move(k));
  for (std::string_view k : other_keys) candidates.emplace_back(k);
  // A font key is only as wrong as its role ("fonts.bdy.ja") or its language ("fonts.body.jp").
  std::string lang;
  if (key.rfind("fonts.", 0) == 0)
    if (const auto dot = key.find('.', 6); dot != std::string::npos) lang = key.substr(dot + 1);
  for (std::string_view role : font_roles) {
    const std::string prefix = "fonts." + std::string(role) + ".";
    for (std::string_view l : common_font_langs) candidates.push_back(prefix + std::string(l));
    if (!lang.empty()) candidates.push_back(prefix + lang);
  }
  const std::string* best = nullptr;
  std::size_t best_distance = 3;
  for (const auto& c : candidates)
    if (const std::size_t d = edit_distance(key, c); d < best_distance && c != key) {
      best = &c;
      best_distance = d;
    }
  if (!best) return {};
  return {"did you mean '" + *best + "'?"};
}

std::string points_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + "pt";
}

// Everything that decides where the text block and the page furniture sit; restored as one.
struct Geometry {
  PageSize page;
  double margin_top, margin_bottom, margin_inner, margin_outer, header_gap, footer_gap;

  static Geometry of(const PdfTheme& t) {
    return {t.page, t.margin_top, t.margin_bottom, t.margin_inner, t.margin_outer, t.header_gap, t.footer_gap};
  }
  void restore(PdfTheme& t) const {
    t.page = page;
    t.margin_top = margin_top;
    t.margin_bottom = margin_bottom;
    t.margin_inner = margin_inner;
    t.margin_outer = margin_outer;
    t.header_gap = header_gap;
    t.footer_gap = footer_gap;
  }
};

// Why the theme's page geometry cannot be typeset, or empty when it can.
std::string geometry_problem(const PdfTheme& t) {
  if (t.text_width() < min_text_block_pt || t.text_height() < min_text_block_pt)
    return "the page margins leave a text block of " + points_text(t.text_width()) + " x " +
           points_text(t.text_height()) + ", less than " + points_text(min_text_block_pt) + " on a side";
  if (t.header_gap > t.margin_top)
    return "page.header-gap (" + points_text(t.header_gap) + ") puts the running head above the page (top margin " +
           points_text(t.margin_top) + ")";
  if (t.footer_gap > t.margin_bottom)
    return "page.footer-gap (" + points_text(t.footer_gap) + ") puts the page number below the page (bottom margin " +
           points_text(t.margin_bottom) + ")";
  return {};
}

class ThemeApplier {
 public:
  ThemeApplier(PdfTheme& theme, const std::string& file, base::DiagnosticSink& sink)
      : theme_(theme), file_(file), sink_(sink) {}

  void apply(const base::Setting& s) {
    if (s.key == "page.size") {
      const auto size = page_size_named(s.value);
      if (!size) return bad_value(s, "a page size", "write A4, A5, B5, Letter, 6x9in, or WIDTHxHEIGHT with units such as 170mmx240mm");
      page_size_ = size;
      geometry_pos_ = s.pos;
    } else if (s.key == "page.width" || s.key == "page.height") {
      auto v = length_in_points(s.value);
      if (!v || *v <= 0) return bad_value(s, "a positive length", kind_hint(Kind::size));
      (s.key == "page.width" ? page_width_ : page_height_) = v;
      geometry_pos_ = s.pos;
    } else if (s.key == "text.justify") {
      if (auto v = flag(s.value)) theme_.justify = *v;
      else bad_value(s, "true or false", {});
    } else if (s.key.rfind("fonts.", 0) == 0) {
      font(s);
    } else if (const NumberKey* k = find_number_key(s.key)) {
      auto v = number_of_kind(k->kind, s.value);
      if (!v) return bad_value(s, what_kind_is(k->kind), kind_hint(k->kind));
      k->field(theme_) = *v;
      if (s.key.rfind("page.", 0) == 0) geometry_pos_ = s.pos;
    } else if (Rgb* field = colour_field(theme_, s.key)) {
      if (auto v = theme_colour(s.value)) *field = *v;
      else bad_value(s, "a colour", "write '#rrggbb' or '#rgb' in quotes: YAML reads an unquoted '#' as a comment");
    } else {
      unknown(s);
    }
  }

  // page.size first, then page.width or page.height over it, wherever each was written: "A4 but 160mm
  // wide" is then one way to say it.
  void finish(const Geometry& before) {
    if (page_size_) theme_.page = *page_size_;
    if (page_width_) theme_.page.width = *page_width_;
    if (page_height_) theme_.page.height = *page_height_;
    if (!geometry_pos_) return;
    if (const std::string problem = geometry_problem(theme_); !problem.empty()) {
      before.restore(theme_);
      sink_.warning(file_, *geometry_pos_, problem + "; the theme's page settings are ignored",
                    {"the text block is the page less its margins: width - inner - outer, height - top - bottom"});
      ok_ = false;
    }
  }

  bool ok() const { return ok_; }

 private:
  static const NumberKey* find_number_key(const std::string& key) {
    for (const auto& k : number_keys)
      if (k.key == key) return &k;
    return nullptr;
  }

  void font(const base::Setting& s) {
    const std::string rest = s.key.substr(6);
    const auto dot = rest.find('.');
    const std::string role = rest.substr(0, dot);
    std::map<std::string, std::string>* fonts = role == "body"      ? &theme_.body_fonts
                                                : role == "heading" ? &theme_.heading_fonts
                                                : role == "mono"    ? &theme_.mono_fonts
                                                                    : nullptr;
    const auto lang = dot == std::string::npos ? std::nullopt : font_lang_key(rest.substr(dot + 1));
    if (!fonts || !lang) return unknown(s);
    const std::string_view families = trim_ascii(s.value);
    const bool printable = std::none_of(families.begin(), families.end(),
                                        [](char c) { return std::iscntrl(static_cast<unsigned char>(c)) != 0; });
    if (families.empty() || !printable)
      return bad_value(s, "a font family list", "write family names separated by commas, such as 'Liberation Serif, Noto Serif CJK JP'");
    (*fonts)[*lang] = std::string(families);
  }

  void bad_value(const base::Setting& s, const std::string& what, const std::string& hint) {
    std::vector<std::string> hints;
    if (!hint.empty()) hints.push_back(hint);
    sink_.warning(file_, s.pos, "theme key '" + s.key + "': '" + s.value + "' is not " + what, std::move(hints));
    ok_ = false;
  }

  void unknown(const base::Setting& s) {
    sink_.warning(file_, s.pos, "unknown theme key '" + s.key + "'", unknown_key_hints(s.key));
    ok_ = false;
  }

  PdfTheme& theme_;
  const std::string& file_;
  base::DiagnosticSink& sink_;
  std::optional<PageSize> page_size_;
  std::optional<double> page_width_, page_height_;
  std::optional<base::SourcePos> geometry_pos_;  // of the last page setting applied
  bool ok_ = true;
};

}  // namespace

std::optional<double> length_in_points(std::string_view text) {
  const std::string s = base::ascii_lower(trim_ascii(text));
  if (s.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || !std::isfinite(value) || std::signbit(value)) return std::nullopt;
  const std::string_view unit = trim_ascii(std::string_view(end, static_cast<std::size_t>(s.data() + s.size() - end)));
  double points_per_unit = 0;
  if (unit.empty() || unit == "pt") points_per_unit = 1;
  else if (unit == "mm") points_per_unit = 72 / 25.4;
  else if (unit == "cm") points_per_unit = 72 / 2.54;
  else if (unit == "in") points_per_unit = 72;
  else if (unit == "px") points_per_unit = 0.75;  // CSS: 96 px to the inch
  else return std::nullopt;
  const double points = value * points_per_unit;
  if (points > max_length_pt) return std::nullopt;
  return points;
}

std::optional<PageSize> page_size_named(std::string_view name) {
  const std::string s = base::ascii_lower(trim_ascii(name));
  if (s == "a4") return PageSize{595.28, 841.89};
  if (s == "a5") return PageSize{419.53, 595.28};
  if (s == "b5") return PageSize{498.90, 708.66};  // ISO B5, 176 x 250 mm (not JIS B5)
  if (s == "letter") return PageSize{612, 792};
  if (s == "6x9in" || s == "6x9") return PageSize{432, 648};  // the common trade paperback
  return custom_page_size(s);
}

std::string PdfTheme::fonts(FontRole role, std::string_view lang) const {
  const auto& map = role == FontRole::body ? body_fonts : role == FontRole::heading ? heading_fonts : mono_fonts;
  if (const auto key = font_lang_key(lang)) {
    if (auto it = map.find(*key); it != map.end()) return it->second;
    if (auto it = map.find(model::primary_lang(*key)); it != map.end()) return it->second;
  }
  if (auto it = map.find("default"); it != map.end()) return it->second;
  // A map built without "default" still needs a face; these are in the font set postpress requires.
  switch (role) {
    case FontRole::body: return "Liberation Serif";
    case FontRole::heading: return "Liberation Sans";
    case FontRole::mono: return "Liberation Mono";
  }
  return "Liberation Serif";
}

bool apply_theme_settings(PdfTheme& theme, const base::SettingsFile& file, base::DiagnosticSink& sink) {
  const Geometry before = Geometry::of(theme);
  ThemeApplier applier(theme, file.name, sink);
  for (const auto& setting : file.settings) applier.apply(setting);
  applier.finish(before);
  return applier.ok();
}

}  // namespace pp::pdf
