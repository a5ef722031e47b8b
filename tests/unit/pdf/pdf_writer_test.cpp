// The PDF writer's part in embedding CJK fonts cheaply: it records the glyphs it draws, so that cairo's
// final read of each CJK face's CFF table takes only their parts (text/glyph_use.hpp). The test binary is
// linked with the executable's cairo and FreeType entry points, as postpress is.
#include "pdf/pdf_writer.hpp"
#include "text/cff_table_reads.hpp"

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
