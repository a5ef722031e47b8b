// Pieces of the typesetter that the paginator tests do not reach: table column widths, CJK
// inter-character justification, the image cache, the CJK face chosen for a language.
#include "base/limits.hpp"
#include "figure/table_figure.hpp"
#include "pdf/image_cache.hpp"
#include "pdf/table_layout.hpp"
#include "pdf/text_lines.hpp"
#include "pdf/typeset_context.hpp"
#include "text/font_system.hpp"

#include <catch2/catch.hpp>

#include <pango/pangocairo.h>

#include <filesystem>
#include <numeric>

using namespace pp::pdf;
using pp::figure::fit_columns;

TEST_CASE("table columns keep natural widths when they fit", "[pdf][table]") {
  CHECK(fit_columns({10, 10}, {40, 60}, 200) == std::vector<double>{40, 60});
}

TEST_CASE("table columns share what is left by how much more each wants", "[pdf][table]") {
  const auto w = fit_columns({20, 10, 30}, {120, 10, 230}, 160);
  REQUIRE(w.size() == 3);
  CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(160));
  CHECK(w[1] == Approx(10));            // wants no more than its longest word
  CHECK(w[0] == Approx(20 + 100 * 100.0 / 300));
  CHECK(w[2] == Approx(30 + 200 * 100.0 / 300));
}

TEST_CASE("table columns shrink in proportion when even the longest words do not fit", "[pdf][table]") {
  const auto w = fit_columns({100, 300}, {200, 400}, 200);
  CHECK(w[0] == Approx(50));
  CHECK(w[1] == Approx(150));
}

namespace {

double line_width(PangoLayoutLine* line) {
  int width = 0;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) width += run->glyphs->glyphs[i].geometry.width;
  }
  return width / double(PANGO_SCALE);
}

}  // namespace

TEST_CASE("a CJK line is justified by spreading the missing width between all characters", "[pdf][justify]") {
  const PdfTheme theme;
  const TypesetContext ctx(theme, "zh-Hans");
  auto layout = ctx.layout({FontRole::body, 10, false, false});
  pango_layout_set_text(layout.get(), "中文排版里的 EPUB 与印刷", -1);
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
  const double before = line_width(line);
  spread_line(line, 12, 5);
  CHECK(line_width(line) == Approx(before + 12).margin(0.01));
  // The space is spread: no single gap takes more than its share (+1 Pango unit of rounding).
  std::vector<int> widths;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) widths.push_back(run->glyphs->glyphs[i].geometry.width);
  }
  CHECK(widths.size() > 10);
}

TEST_CASE("a line that would need too much space per gap stays ragged", "[pdf][justify]") {
  const PdfTheme theme;
  const TypesetContext ctx(theme, "ja");
  auto layout = ctx.layout({FontRole::body, 10, false, false});
  pango_layout_set_text(layout.get(), "組版", -1);
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
  const double before = line_width(line);
  spread_line(line, 100, 5);  // one gap, 100 pt: ragged
  CHECK(line_width(line) == Approx(before));
  spread_line(line, -3, 5);   // a line that is already full
  CHECK(line_width(line) == Approx(before));
}

TEST_CASE("the image cache loads a file once and remembers failures", "[pdf][images]") {
  PageImageCache cache(pp::base::ResourceLimits{}.max_image_pixels);
  const std::filesystem::path png = std::filesystem::path(PP_SOURCE_DIR) / "tests/fixtures/images/sample.png";
  const auto first = cache.get(png), second = cache.get(png);
  REQUIRE(std::holds_alternative<std::shared_ptr<const PageImage>>(first));
  CHECK(std::get<std::shared_ptr<const PageImage>>(first) == std::get<std::shared_ptr<const PageImage>>(second));
  const auto gif = cache.get(std::filesystem::path(PP_SOURCE_DIR) / "tests/fixtures/images/sample.gif");
  REQUIRE(std::holds_alternative<std::string>(gif));
  const auto missing = cache.get("/nonexistent/picture.png", "/tmp/post.md", {"/tmp"});
  CHECK(std::holds_alternative<std::string>(missing));
}

TEST_CASE("the image cache lets the least recently used images go past its pixel budget", "[pdf][images]") {
  const std::filesystem::path dir = std::filesystem::path(PP_SOURCE_DIR) / "tests/fixtures/images";
  PageImageCache cache(pp::base::ResourceLimits{}.max_image_pixels, 1);  // smaller than any image: only the newest stays
  const auto png = std::get<std::shared_ptr<const PageImage>>(cache.get(dir / "sample.png"));
  cache.get(dir / "sample.jpg");
  const auto again = std::get<std::shared_ptr<const PageImage>>(cache.get(dir / "sample.png"));
  CHECK(png != again);  // decoded anew: the first copy had been let go
  // The PNG's stream for the PDF outlives its image in the cache (the PDF may have drawn the first copy),
  // once per marker however often the file was loaded.
  const auto streams = cache.pdf_streams();
  REQUIRE(streams.size() == 1);
  CHECK(streams.front()->marker == again->pdf_stream->marker);
}

TEST_CASE("each language names the CJK face with its own glyph forms", "[text]") {
  CHECK(std::string(pp::text::cjk_sans_family("ja")) == "Noto Sans CJK JP");
  CHECK(std::string(pp::text::cjk_sans_family("ko")) == "Noto Sans CJK KR");
  CHECK(std::string(pp::text::cjk_sans_family("zh-Hant")) == "Noto Sans CJK TC");
  CHECK(std::string(pp::text::cjk_sans_family("zh-HK")) == "Noto Sans CJK TC");
  CHECK(std::string(pp::text::cjk_sans_family("zh-Hans")) == "Noto Sans CJK SC");
  CHECK(std::string(pp::text::cjk_sans_family("en")) == "Noto Sans CJK SC");
}
