// The record of glyphs drawn, and cairo's font subsets made from the parts of a CJK face's CFF table those
// glyphs need (text/glyph_use.hpp, text/cff_table_reads.hpp). The test binary is linked with the
// executable's own cairo and FreeType entry points (tests/CMakeLists.txt), so cairo's reads here go
// through them as in postpress.
#include "text/cff_table_reads.hpp"
#include "text/font_system.hpp"
#include "text/glyph_use.hpp"
#include "text/recorded_pdf_surface.hpp"

#include "glyph_outlines.hpp"

#include <catch2/catch.hpp>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <malloc.h>
#include <zlib.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace pp;

TEST_CASE("glyphs are recorded per face only while a recording lives, and each recording starts afresh",
          "[text][glyphs]") {
  const text::FaceSource source{"/nowhere/a-test-face.otf", 3};
  text::FaceGlyphs& face = text::face_glyphs(source);
  CHECK(&face == &text::face_glyphs(source));  // one record per face
  const std::vector<unsigned long> some = {5, 7}, more = {9, 70000};
  text::note_glyphs(face, some);  // no recording: not kept
  CHECK_FALSE(text::glyphs_drawn(source).has_value());
  {
    const text::GlyphRecording recording;
    CHECK(text::glyph_recording_on());
    CHECK_FALSE(text::glyphs_drawn(source).has_value());  // nothing drawn from it yet
    text::note_glyphs(face, some);
    {
      const text::GlyphRecording nested;  // a second recording at the same time keeps what the first saw
      text::note_glyphs(face, more);
    }
    const auto drawn = text::glyphs_drawn(source);
    REQUIRE(drawn.has_value());
    CHECK(drawn->size() == 10);  // 70000 is no glyph id: left out
    CHECK(std::count(drawn->begin(), drawn->end(), true) == 3);
    CHECK(((*drawn)[5] && (*drawn)[7] && (*drawn)[9]));
    CHECK_FALSE(text::glyphs_drawn({"/nowhere/a-test-face.otf", 4}).has_value());  // another face of the file
  }
  CHECK_FALSE(text::glyph_recording_on());
  CHECK_FALSE(text::glyphs_drawn(source).has_value());
  {
    const text::GlyphRecording next;
    text::note_glyphs(face, std::vector<unsigned long>{1});
    const auto drawn = text::glyphs_drawn(source);
    REQUIRE(drawn.has_value());
    CHECK(std::count(drawn->begin(), drawn->end(), true) == 1);  // the last recording's glyphs are gone
    text::glyph_recording_incomplete();
    CHECK_FALSE(text::glyphs_drawn(source).has_value());  // a glyph of unknown face: no record is trusted
  }
  const text::GlyphRecording after;
  text::note_glyphs(face, some);
  CHECK(text::glyphs_drawn(source).has_value());  // a new recording is complete again
}

namespace {

// 我们如何把 in Noto Sans CJK SC, one PDF page, written to memory. From these glyphs alone cairo 1.16's
// subsetter embeds 如 without its last subroutine (text/cff_charstrings.hpp).
constexpr char32_t cjk_text[] = U"我们如何把";

class CjkPdf {
 public:
  CjkPdf()
      : surface_(cairo_pdf_surface_create_for_stream(text::append_to_string, &bytes_, 420, 595)),
        cr_(cairo_create(surface_.get())),
        context_(text::FontSystem::for_this_thread().context("zh-Hans", text::FontSystem::Surface::pdf)),
        layout_(pango_layout_new(context_.get())) {
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
    const text::FontDescriptionPtr font(pango_font_description_from_string("Noto Sans CJK SC 11"));
    pango_layout_set_font_description(layout_.get(), font.get());
    pango_layout_set_width(layout_.get(), 360 * PANGO_SCALE);
    pango_layout_set_text(layout_.get(), "我们如何把", -1);
  }

  void draw() {
    cairo_move_to(cr_.get(), 30, 30);
    pango_cairo_show_layout(cr_.get(), layout_.get());
  }

  // Where the layout's Han glyphs come from.
  text::FaceSource face() {
    PangoLayoutIter* iter = pango_layout_get_iter(layout_.get());
    PangoFont* font = pango_layout_iter_get_run_readonly(iter)->item->analysis.font;
    pango_layout_iter_free(iter);
    cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    FT_Face ft = cairo_ft_scaled_font_lock_face(scaled);
    auto source = text::source_of(ft);
    cairo_ft_scaled_font_unlock_face(scaled);
    REQUIRE(source.has_value());
    return *source;
  }

  std::string finish() {
    cairo_show_page(cr_.get());
    cairo_surface_finish(surface_.get());
    REQUIRE(cairo_surface_status(surface_.get()) == CAIRO_STATUS_SUCCESS);
    return bytes_;
  }

 private:
  std::string bytes_;  // first: the surface writes into it until it is destroyed
  text::SurfacePtr surface_;
  text::CairoPtr cr_;
  text::GObjectPtr<PangoContext> context_;
  text::GObjectPtr<PangoLayout> layout_;
};

// The CJK font program cairo embedded in `pdf` (the only CIDFontType0C stream), inflated.
std::string embedded_cff(const std::string& pdf) {
  const std::size_t type = pdf.find("/Subtype /CIDFontType0C");
  REQUIRE(type != std::string::npos);
  REQUIRE(pdf.find("/Subtype /CIDFontType0C", type + 1) == std::string::npos);
  const std::size_t begin = pdf.find("stream\n", type) + 7, end = pdf.find("endstream", begin);
  REQUIRE(end != std::string::npos);
  std::string out(8 << 20, '\0');
  uLongf length = static_cast<uLongf>(out.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(pdf.data() + begin),
                     static_cast<uLong>(end - begin)) == Z_OK);
  out.resize(length);
  return out;
}

// For each character of cjk_text: whether the embedded subset draws it as the face itself does. cairo
// numbers a subset's glyphs in the order they were first shown, after .notdef.
std::vector<bool> drawn_as_the_face_does(const std::string& pdf, const text::FaceSource& source) {
  FT_Library library;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  FT_Face original, subset;
  REQUIRE(FT_New_Face(library, source.file.c_str(), source.face_index, &original) == 0);
  const std::string cff = embedded_cff(pdf);
  REQUIRE(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(cff.data()), static_cast<FT_Long>(cff.size()), 0,
                             &subset) == 0);
  std::vector<bool> same;
  std::vector<FT_UInt> seen;
  for (const char32_t c : std::u32string(cjk_text)) {
    const FT_UInt g = FT_Get_Char_Index(original, c);
    const auto at = std::find(seen.begin(), seen.end(), g);
    const auto index = static_cast<FT_UInt>(at - seen.begin()) + 1;
    if (at == seen.end()) seen.push_back(g);
    const auto expected = test::glyph_outline(original, g);
    REQUIRE(expected.has_value());
    same.push_back(test::glyph_outline(subset, index) == expected);
  }
  FT_Done_Face(subset);
  FT_Done_Face(original);
  FT_Done_FreeType(library);
  return same;
}

// cairo's buffer for a CFF table comes from malloc, which may hand back the memory of an earlier such
// buffer (freed into the heap, say by a PDF another test wrote), a whole table's bytes still in it;
// whatever a partial read then leaves out would still be there, and a missing glyph would go unseen.
// While one of these lives, glibc fills every block it hands out from the heap with a byte no table has
// there; blocks it maps afresh are zeros anyway. AddressSanitizer's allocator refuses mallopt, but
// already maps big blocks afresh and keeps freed ones in quarantine.
struct FreshAllocations {
  FreshAllocations() { set(0xA5); }
  ~FreshAllocations() { set(0); }
  FreshAllocations(const FreshAllocations&) = delete;
  FreshAllocations& operator=(const FreshAllocations&) = delete;

  static void set(int byte) {
    const bool glibc_took_it = mallopt(M_PERTURB, byte) == 1;
#if defined(__SANITIZE_ADDRESS__)
    static_cast<void>(glibc_took_it);
#else
    REQUIRE(glibc_took_it);
#endif
  }
};

}  // namespace

TEST_CASE("a PDF drawn while recording embeds every drawn CJK glyph whole, from a fifth or less of the face's CFF table",
          "[text][glyphs][cff]") {
  const FreshAllocations fresh;
  std::string whole;
  text::FaceSource face;
  const auto before_whole = text::sparse_cff_reads();
  {
    CjkPdf pdf;  // no recording: cairo reads the whole table and subsets it alone
    pdf.draw();
    face = pdf.face();
    whole = pdf.finish();
  }
  const auto before = text::sparse_cff_reads();
  CHECK(before.unflattened > before_whole.unflattened);  // the whole read is counted: the writer would warn
  std::string sparse;
  {
    const text::GlyphRecording recording;
    CjkPdf pdf;
    pdf.draw();
    sparse = pdf.finish();
  }
  const auto after = text::sparse_cff_reads();
  // cairo reads the table twice here (its check for a CID-keyed font, outside the PDF writer's head-only
  // scope, then the subsetting), both times through the partial read.
  CHECK(after.tables > before.tables);
  CHECK(after.flattened - before.flattened == after.tables - before.tables);
  CHECK(after.unflattened == before.unflattened);
  CHECK(after.bytes_left - before.bytes_left > 10'000'000);
  CHECK((after.bytes_read - before.bytes_read) * 5 < after.bytes_left - before.bytes_left);
  // Every glyph as the face draws it; cairo alone loses 如, the third, whose last subroutine it embeds empty.
  CHECK(drawn_as_the_face_does(sparse, face) == std::vector<bool>{true, true, true, true, true});
  CHECK(drawn_as_the_face_does(whole, face) == std::vector<bool>{true, true, false, true, true});
}

TEST_CASE("cairo's toy text call while recording makes the record untrustworthy", "[text][glyphs]") {
  // cairo_show_text makes its glyphs inside cairo, out of sight of the record (text/glyph_use_override.cpp).
  const text::FaceSource source{"/nowhere/a-toy-text-face.otf", 0};
  const text::GlyphRecording recording;
  text::note_glyphs(text::face_glyphs(source), std::vector<unsigned long>{3});
  REQUIRE(text::glyphs_drawn(source).has_value());
  const text::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20));
  const text::CairoPtr cr(cairo_create(surface.get()));
  cairo_show_text(cr.get(), "");  // nothing shown: nothing hidden
  CHECK(text::glyphs_drawn(source).has_value());
  cairo_move_to(cr.get(), 2, 15);
  cairo_show_text(cr.get(), "A");
  CHECK_FALSE(text::glyphs_drawn(source).has_value());
}

TEST_CASE("a RecordedPdfSurface records the glyphs drawn from its making until it is gone", "[text][glyphs]") {
  REQUIRE_FALSE(text::glyph_recording_on());
  std::string out;
  {
    const text::RecordedPdfSurface surface(out, 100, 100);
    CHECK(text::glyph_recording_on());
    surface.finish();  // the fonts are written while it still records
    CHECK(text::glyph_recording_on());
  }
  CHECK_FALSE(text::glyph_recording_on());
  CHECK(out.starts_with("%PDF-"));
}

TEST_CASE("a record missing glyphs that were drawn would change the embedded font", "[text][glyphs][cff]") {
  // The control for the test above: cairo embeds from what the read left, so a record that is not a
  // superset of the glyphs drawn shows in the output.
  const FreshAllocations fresh;
  std::string whole, short_record;
  {
    CjkPdf pdf;
    pdf.draw();
    whole = pdf.finish();
  }
  {
    CjkPdf pdf;
    pdf.draw();  // before the recording: its glyphs are not noted
    const text::GlyphRecording recording;
    text::note_glyphs(text::face_glyphs(pdf.face()), std::vector<unsigned long>{1});
    short_record = pdf.finish();
  }
  CHECK(short_record != whole);
}
