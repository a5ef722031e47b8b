// pdf/theme: page sizes, lengths, font lookup per language, and theme settings over the defaults,
// including the shipped styles/print.yaml, which must spell out exactly the defaults.
#include "figure/table_figure.hpp"
#include "pdf/rich_text.hpp"
#include "pdf/theme.hpp"

#include "parse/settings_file.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include <string>
#include <utility>
#include <vector>

using pp::base::DiagnosticSink;
using pp::base::SettingsFile;
using pp::base::SourcePos;
using pp::pdf::FontRole;
using pp::pdf::PdfTheme;
using pp::pdf::Rgb;
using pp::pdf::length_in_points;
using pp::pdf::page_size_named;

namespace {

// Settings as a theme file would give them, the n-th on line n.
SettingsFile settings(const std::vector<std::pair<std::string, std::string>>& pairs) {
  SettingsFile file{"theme.yaml", {}};
  int line = 0;
  for (const auto& [key, value] : pairs) file.settings.push_back({key, value, {++line, 3}});
  return file;
}

void check_page(const char* name, double width, double height) {
  INFO(name);
  const auto size = page_size_named(name);
  REQUIRE(size);
  CHECK(size->width == Approx(width).margin(0.01));
  CHECK(size->height == Approx(height).margin(0.01));
}

// Every field, so that a field a theme file cannot restore shows up by name.
void check_same_theme(const PdfTheme& a, const PdfTheme& b) {
  CHECK(a.page.width == b.page.width);
  CHECK(a.page.height == b.page.height);
  CHECK(a.margin_top == b.margin_top);
  CHECK(a.margin_bottom == b.margin_bottom);
  CHECK(a.margin_inner == b.margin_inner);
  CHECK(a.margin_outer == b.margin_outer);
  CHECK(a.header_gap == b.header_gap);
  CHECK(a.footer_gap == b.footer_gap);
  CHECK(a.body_fonts == b.body_fonts);
  CHECK(a.heading_fonts == b.heading_fonts);
  CHECK(a.mono_fonts == b.mono_fonts);
  CHECK(a.body_size == b.body_size);
  CHECK(a.line_height == b.line_height);
  CHECK(a.cjk_line_height == b.cjk_line_height);
  CHECK(a.paragraph_gap == b.paragraph_gap);
  CHECK(a.justify == b.justify);
  for (int i = 0; i < 6; ++i) {
    INFO("h" << i + 1);
    CHECK(a.heading_size[i] == b.heading_size[i]);
  }
  CHECK(a.heading_gap_before == b.heading_gap_before);
  CHECK(a.heading_gap_after == b.heading_gap_after);
  CHECK(a.code_size == b.code_size);
  CHECK(a.code_line_height == b.code_line_height);
  CHECK(a.code_padding == b.code_padding);
  CHECK(a.small_size == b.small_size);
  CHECK(a.list_indent == b.list_indent);
  CHECK(a.quote_indent == b.quote_indent);
  CHECK(a.image_max_height == b.image_max_height);
  CHECK(a.title_size == b.title_size);
  CHECK(a.text == b.text);
  CHECK(a.muted == b.muted);
  CHECK(a.heading == b.heading);
  CHECK(a.link == b.link);
  CHECK(a.code_text == b.code_text);
  CHECK(a.code_background == b.code_background);
  CHECK(a.code_border == b.code_border);
  CHECK(a.rule == b.rule);
  CHECK(a.quote_bar == b.quote_bar);
  CHECK(a.table_rule == b.table_rule);
  CHECK(a.table_header_background == b.table_header_background);
  for (std::size_t g = 0; g < a.syntax.size(); ++g) CHECK(a.syntax[g] == b.syntax[g]);
}

// A theme with every field changed, so that applying a file that restores the defaults proves the file
// sets every field.
PdfTheme scrambled_theme() {
  PdfTheme t;
  t.page = {612, 792};
  for (double* v : {&t.margin_top, &t.margin_bottom, &t.margin_inner, &t.margin_outer, &t.header_gap, &t.footer_gap,
                    &t.body_size, &t.line_height, &t.cjk_line_height, &t.paragraph_gap, &t.heading_gap_before,
                    &t.heading_gap_after, &t.code_size, &t.code_line_height, &t.code_padding, &t.small_size,
                    &t.list_indent, &t.quote_indent, &t.image_max_height, &t.title_size})
    *v *= 1.1;
  for (double& h : t.heading_size) h += 1;
  for (auto* fonts : {&t.body_fonts, &t.heading_fonts, &t.mono_fonts})
    for (auto& [lang, families] : *fonts) families = "DejaVu Sans";
  t.justify = !t.justify;
  for (Rgb* c : {&t.text, &t.muted, &t.heading, &t.link, &t.code_text, &t.code_background, &t.code_border, &t.rule,
                 &t.quote_bar, &t.table_rule, &t.table_header_background})
    *c = {0.5, 0.25, 0.125};
  for (auto& c : t.syntax) c = {0.5, 0.25, 0.125};
  return t;
}

}  // namespace

TEST_CASE("pdf theme: named page sizes in any case", "[pdf_theme]") {
  check_page("A4", 595.28, 841.89);
  check_page("a5", 419.53, 595.28);
  check_page("B5", 498.90, 708.66);
  check_page("Letter", 612, 792);
  check_page("LETTER", 612, 792);
  check_page("6x9in", 432, 648);
  check_page("6X9", 432, 648);
  check_page(" A4 ", 595.28, 841.89);
  // The named sizes are the same doubles as the defaults, so `size: A5` restores the default exactly.
  CHECK(page_size_named("A5")->width == PdfTheme{}.page.width);
  CHECK(page_size_named("A5")->height == PdfTheme{}.page.height);
}

TEST_CASE("pdf theme: custom page sizes with units", "[pdf_theme]") {
  check_page("170mmx240mm", 481.89, 680.31);
  check_page("6inx9in", 432, 648);
  check_page("170mm x 240mm", 481.89, 680.31);
  check_page("600pxx800px", 450, 600);
  check_page("17cmx9in", 481.89, 648);
  check_page("400ptx600pt", 400, 600);
}

TEST_CASE("pdf theme: page sizes that are not sizes", "[pdf_theme]") {
  for (const char* bad : {"", "A3", "B5-JIS", "170x240", "170mmx240", "170mmx", "x240mm", "0mmx240mm", "-170mmx240mm",
                          "170mmx240mm extra", "170emx240em", "5000mmx240mm", "170mmx240mmx300mm"}) {
    INFO(bad);
    CHECK_FALSE(page_size_named(bad));
  }
}

TEST_CASE("pdf theme: lengths in points", "[pdf_theme]") {
  CHECK(length_in_points("12pt") == 12);
  CHECK(length_in_points("12") == 12);
  CHECK(length_in_points("8.2") == 8.2);
  CHECK(*length_in_points("25.4mm") == Approx(72));
  CHECK(*length_in_points("2.54cm") == Approx(72));
  CHECK(length_in_points("0.5in") == 36);
  CHECK(length_in_points("16px") == 12);
  CHECK(length_in_points(" 12 pt ") == 12);
  CHECK(*length_in_points("1.5CM") == Approx(42.52).margin(0.01));
  CHECK(length_in_points("0") == 0);
  CHECK(length_in_points("10000pt") == 10000);
}

TEST_CASE("pdf theme: lengths that are not lengths", "[pdf_theme]") {
  for (const char* bad : {"", " ", "pt", "-1pt", "-0", "nan", "NaNpt", "inf", "12ptx", "12 em", "12pt 3", "1e9",
                          "10001pt", "1,5mm", "+3pt", "0x10"}) {
    INFO(bad);
    CHECK_FALSE(length_in_points(bad));
  }
}

TEST_CASE("pdf theme: fonts by exact tag then primary subtag then default", "[pdf_theme]") {
  const PdfTheme t;
  CHECK(t.fonts(FontRole::body, "zh-Hant") == "Liberation Serif, Noto Serif CJK TC");
  CHECK(t.fonts(FontRole::body, "zh-Hans") == "Liberation Serif, Noto Serif CJK SC");  // no zh-Hans or zh: default
  CHECK(t.fonts(FontRole::heading, "ja-JP") == "Liberation Sans, Noto Sans CJK JP");
  CHECK(t.fonts(FontRole::mono, "ko") == "Liberation Mono, Noto Sans CJK KR");
  CHECK(t.fonts(FontRole::body, "en") == "Liberation Serif, Noto Serif CJK SC");
  CHECK(t.fonts(FontRole::body, "") == "Liberation Serif, Noto Serif CJK SC");
  CHECK(t.fonts(FontRole::body, "not a tag!") == "Liberation Serif, Noto Serif CJK SC");

  PdfTheme custom;
  custom.body_fonts["zh"] = "Chinese Serif";
  CHECK(custom.fonts(FontRole::body, "zh-Hans") == "Chinese Serif");
  CHECK(custom.fonts(FontRole::body, "zh-Hant") == "Liberation Serif, Noto Serif CJK TC");  // the exact tag first

  custom.body_fonts = {{"ja", "Japanese Serif"}};
  custom.heading_fonts.clear();
  custom.mono_fonts.clear();
  CHECK(custom.fonts(FontRole::body, "ja") == "Japanese Serif");
  CHECK(custom.fonts(FontRole::body, "en") == "Liberation Serif");
  CHECK(custom.fonts(FontRole::heading, "en") == "Liberation Sans");
  CHECK(custom.fonts(FontRole::mono, "ja") == "Liberation Mono");
}

TEST_CASE("pdf theme: settings override the defaults", "[pdf_theme]") {
  PdfTheme t;
  DiagnosticSink sink;
  const bool ok = apply_theme_settings(t,
                                       settings({{"page.size", "A4"},
                                                 {"page.margin.top", "20mm"},
                                                 {"page.margin.inner", "1in"},
                                                 {"fonts.body.ja", " Noto Serif CJK JP "},
                                                 {"fonts.heading.zh-tw", "Noto Sans CJK TC"},
                                                 {"fonts.mono.Default", "DejaVu Sans Mono"},
                                                 {"fonts.body.de-ch", "Liberation Serif"},
                                                 {"text.size", "11pt"},
                                                 {"text.line-height", "1.6"},
                                                 {"text.paragraph-gap", "0"},
                                                 {"text.justify", "false"},
                                                 {"headings.h2", "14pt"},
                                                 {"code.padding", "8px"},
                                                 {"images.max-height", "0.7"},
                                                 {"colors.link", "#f00"},
                                                 {"colors.code-background", "#EEEEEE"}}),
                                       sink);
  CHECK(ok);
  CHECK(sink.diagnostics().empty());
  CHECK(t.page.width == 595.28);
  CHECK(t.page.height == 841.89);
  CHECK(t.margin_top == Approx(56.69).margin(0.01));
  CHECK(t.margin_inner == 72);
  CHECK(t.margin_bottom == 62);  // untouched
  CHECK(t.fonts(FontRole::body, "ja") == "Noto Serif CJK JP");
  CHECK(t.heading_fonts.at("zh-Hant") == "Noto Sans CJK TC");
  CHECK(t.fonts(FontRole::mono, "en") == "DejaVu Sans Mono");
  CHECK(t.body_fonts.at("de-CH") == "Liberation Serif");
  CHECK(t.body_size == 11);
  CHECK(t.line_height == 1.6);
  CHECK(t.paragraph_gap == 0);
  CHECK_FALSE(t.justify);
  CHECK(t.heading_size[1] == 14);
  CHECK(t.heading_size[0] == 20);
  CHECK(t.code_padding == 6);  // 8 CSS px
  CHECK(t.image_max_height == 0.7);
  CHECK(t.link == Rgb{1, 0, 0});
  CHECK(t.code_background == pp::pdf::rgb_hex(0xeeeeee));
}

TEST_CASE("pdf theme: page width and height apply over page size wherever they are written", "[pdf_theme]") {
  PdfTheme t;
  DiagnosticSink sink;
  CHECK(apply_theme_settings(t, settings({{"page.width", "160mm"}, {"page.size", "A4"}}), sink));
  CHECK(t.page.width == Approx(453.54).margin(0.01));
  CHECK(t.page.height == 841.89);
  CHECK(apply_theme_settings(t, settings({{"page.height", "8in"}}), sink));
  CHECK(t.page.width == Approx(453.54).margin(0.01));
  CHECK(t.page.height == 576);
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("pdf theme: unknown keys are warned about with the nearest known key", "[pdf_theme]") {
  PdfTheme t;
  DiagnosticSink sink;
  CHECK_FALSE(apply_theme_settings(t,
                                   settings({{"page.margin.tpo", "20mm"},
                                             {"fonts.bdy.ja", "X"},
                                             {"colours.text", "#000"},
                                             {"frobnicate", "1"},
                                             {"fonts.body", "X"},
                                             {"fonts.body.not_a_tag!", "X"}}),
                                   sink));
  const auto d = sink.diagnostics();
  REQUIRE(d.size() == 6);
  CHECK(d[0].format() ==
        "theme.yaml:1:3: warning: unknown theme key 'page.margin.tpo'\n  hint: did you mean 'page.margin.top'?");
  CHECK(d[1].message == "unknown theme key 'fonts.bdy.ja'");
  CHECK(d[1].hints == std::vector<std::string>{"did you mean 'fonts.body.ja'?"});
  CHECK(d[2].hints == std::vector<std::string>{"did you mean 'colors.text'?"});
  CHECK(d[3].message == "unknown theme key 'frobnicate'");
  CHECK(d[3].hints.empty());
  CHECK(d[4].pos == SourcePos{5, 3});
  REQUIRE(d[4].hints.size() == 1);
  CHECK(d[4].hints[0].find("'fonts.body.default'") != std::string::npos);
  CHECK(d[5].message == "unknown theme key 'fonts.body.not_a_tag!'");
  check_same_theme(t, PdfTheme{});
}

TEST_CASE("pdf theme: bad values are warned about and ignored", "[pdf_theme]") {
  PdfTheme t;
  DiagnosticSink sink;
  CHECK_FALSE(apply_theme_settings(t,
                                   settings({{"page.margin.top", "abc"},
                                             {"text.size", "0"},
                                             {"text.line-height", "1.5em"},
                                             {"text.paragraph-gap", "-1"},
                                             {"images.max-height", "2"},
                                             {"text.justify", "yes"},
                                             {"colors.text", "red"},
                                             {"page.size", "A3"},
                                             {"page.width", "0mm"},
                                             {"fonts.body.default", "  "},
                                             {"code.padding", "-2pt"}}),
                                   sink));
  std::vector<std::string> messages;
  for (const auto& d : sink.diagnostics()) messages.push_back(std::to_string(d.pos.line) + ": " + d.message);
  CHECK(messages == std::vector<std::string>{
                        "1: theme key 'page.margin.top': 'abc' is not a length",
                        "2: theme key 'text.size': '0' is not a positive length",
                        "3: theme key 'text.line-height': '1.5em' is not a positive number",
                        "4: theme key 'text.paragraph-gap': '-1' is not a number of 0 or more",
                        "5: theme key 'images.max-height': '2' is not a fraction from 0.1 to 1",
                        "6: theme key 'text.justify': 'yes' is not true or false",
                        "7: theme key 'colors.text': 'red' is not a colour",
                        "8: theme key 'page.size': 'A3' is not a page size",
                        "9: theme key 'page.width': '0mm' is not a positive length",
                        "10: theme key 'fonts.body.default': '  ' is not a font family list",
                        "11: theme key 'code.padding': '-2pt' is not a length",
                    });
  for (const auto& d : sink.diagnostics()) CHECK(d.severity == pp::base::Severity::warning);
  check_same_theme(t, PdfTheme{});
}

TEST_CASE("pdf theme: margins that leave no text block restore the page geometry", "[pdf_theme]") {
  PdfTheme t;
  DiagnosticSink sink;
  CHECK_FALSE(apply_theme_settings(t,
                                   settings({{"page.size", "A4"},
                                             {"page.margin.inner", "300pt"},
                                             {"page.margin.outer", "250pt"},
                                             {"text.size", "11pt"}}),
                                   sink));
  const auto d = sink.diagnostics();
  REQUIRE(d.size() == 1);
  CHECK(d[0].pos == SourcePos{3, 3});  // the last page setting
  CHECK(d[0].message ==
        "the page margins leave a text block of 45.28pt x 723.89pt, less than 72pt on a side; the theme's page "
        "settings are ignored");
  CHECK(t.page.width == 419.53);  // the size went back with the margins: they were chosen together
  CHECK(t.margin_inner == 54);
  CHECK(t.margin_outer == 46);
  CHECK(t.body_size == 11);  // the rest of the file still applies

  DiagnosticSink gaps;
  PdfTheme g;
  CHECK_FALSE(apply_theme_settings(g, settings({{"page.margin.top", "20pt"}, {"page.header-gap", "22pt"}}), gaps));
  REQUIRE(gaps.diagnostics().size() == 1);
  CHECK(gaps.diagnostics()[0].message.find("running head above the page") != std::string::npos);
  CHECK(g.margin_top == 56);
}

TEST_CASE("pdf theme: styles/print.yaml spells out exactly the defaults", "[pdf_theme]") {
  DiagnosticSink sink;
  const SettingsFile file = pp::parse::read_settings_file(PP_SOURCE_DIR "/styles/print.yaml", sink);
  CHECK(file.settings.size() > 50);

  PdfTheme from_default;
  CHECK(apply_theme_settings(from_default, file, sink));
  for (const auto& d : sink.diagnostics()) FAIL_CHECK(d.format());
  check_same_theme(from_default, PdfTheme{});

  // Starting from a theme with every field changed proves the file sets every field, not just that it
  // leaves the defaults alone.
  PdfTheme from_scrambled = scrambled_theme();
  CHECK(apply_theme_settings(from_scrambled, file, sink));
  CHECK(sink.diagnostics().empty());
  check_same_theme(from_scrambled, PdfTheme{});
}

namespace {

double luminance(const Rgb& c) {
  auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

}  // namespace

TEST_CASE("pdf theme: every syntax colour reads on the code background, in colour and in greyscale", "[pdf_theme]") {
  const PdfTheme t;
  const double background = luminance(t.code_background);
  for (int g = 0; g < pp::highlight::syntax_group_count; ++g) {
    const auto group = static_cast<pp::highlight::SyntaxGroup>(g);
    INFO("group " << pp::highlight::group_name(group));
    // WCAG's contrast ratio depends on luminance only, so it holds just as well once printed in grey.
    CHECK((background + 0.05) / (luminance(t.syntax_colour(group)) + 0.05) >= 4.5);
  }
}

TEST_CASE("pdf theme: the shared table and rich-text defaults are the print theme's colours", "[pdf_theme]") {
  // EPUB table images use these defaults; the PDF passes its theme. Both must start from the same look.
  const PdfTheme t;
  const pp::figure::TableLook look;
  CHECK(look.text == to_color(t.text));
  CHECK(look.rule == to_color(t.table_rule));
  CHECK(look.header_background == to_color(t.table_header_background));
  const pp::figure::RichTextStyle rich;
  CHECK(rich.link == to_color(t.link));
  CHECK(rich.code_text == to_color(t.code_text));
  CHECK(rich.code_background == to_color(t.code_background));
}
