// The PDF writer's part in embedding CJK fonts cheaply: it records the glyphs it draws, so that cairo's
// final read of each CJK face's CFF table takes only their parts (text/glyph_use.hpp). The test binary is
// linked with the executable's cairo and FreeType entry points, as postpress is.
#include "pdf/pdf_writer.hpp"
#include "text/cff_table_reads.hpp"
#include "text/glyph_use.hpp"
#include "text/held_faces.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the PDF writer records the glyphs it draws, and cairo reads only their parts of a CJK face",
          "[pdf][glyphs]") {
  pp::model::Book book;
  book.title = "排版";
  book.lang = "zh-Hans";
  book.chapters.push_back(pp::test::parse_text("---\ntitle: 排版\nlang: zh-Hans\n---\n\n中文排版的标点规则。\n"));
  pp::base::DiagnosticSink sink;
  const auto before = pp::text::sparse_cff_reads();
  const std::string pdf = pp::pdf::write_pdf(book, pp::pdf::PdfOptions{}, sink);
  const auto after = pp::text::sparse_cff_reads();
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(after.tables > before.tables);  // without the writer's recording, every table is read whole
  CHECK(after.bytes_left - before.bytes_left > 10'000'000);
  CHECK(after.flattened - before.flattened == after.tables - before.tables);  // and given no subroutine calls
}

TEST_CASE("the PDF writer holds a single post's faces open, and not a book's", "[pdf][held_faces]") {
  // Pango keeps the fonts it made on this thread, and only a font made while a hold lives is seen: a body
  // size no other test uses makes the writer's fonts new.
  const auto post = [](const char* title) {
    return pp::test::parse_text(std::string("---\ntitle: ") + title + "\nlang: zh-Hans\n---\n\n中文排版，**粗体** and Latin.\n");
  };
  pp::base::DiagnosticSink sink;
  pp::model::Book single;
  single.lang = "zh-Hans";
  single.chapters.push_back(post("一篇"));
  pp::pdf::PdfOptions options;
  options.theme.body_size = 10.37;
  const auto before = pp::text::held_face_locks();
  CHECK(pp::pdf::write_pdf(single, options, sink).starts_with("%PDF-"));
  CHECK(pp::text::held_face_locks() - before >= 2);  // the body's CJK and Latin faces at least
  CHECK(pp::text::held_face_count() == 0);           // let go with the writer

  pp::model::Book book;
  book.title = "两篇";
  book.lang = "zh-Hans";
  book.chapters.push_back(post("第一篇"));
  book.chapters.push_back(post("第二篇"));
  options.theme.body_size = 10.41;
  const auto before_book = pp::text::held_face_locks();
  CHECK(pp::pdf::write_pdf(book, options, sink).starts_with("%PDF-"));
  CHECK(pp::text::held_face_locks() == before_book);
}

TEST_CASE("the PDF writer warns when a CJK face could not be flattened, and only then", "[pdf][glyphs]") {
  pp::model::Book book;
  book.lang = "zh-Hans";
  book.chapters.push_back(pp::test::parse_text("---\ntitle: 如何\nlang: zh-Hans\n---\n\n我们如何把文字排好。\n"));
  {
    pp::base::DiagnosticSink sink;
    const auto before = pp::text::sparse_cff_reads();
    CHECK(pp::pdf::write_pdf(book, pp::pdf::PdfOptions{}, sink).starts_with("%PDF-"));
    CHECK(pp::text::sparse_cff_reads().unflattened == before.unflattened);
    CHECK_FALSE(sink.has_warnings());
  }
  // A glyph drawn from a face nobody can tell, during the writer's recording, makes the record
  // untrustworthy: the CJK tables are read whole, unflattened, and the writer says so.
  pp::base::DiagnosticSink sink;
  const pp::text::GlyphRecording outer;
  pp::text::glyph_recording_incomplete();
  CHECK(pp::pdf::write_pdf(book, pp::pdf::PdfOptions{}, sink).starts_with("%PDF-"));
  CHECK(sink.has_warnings());
}
