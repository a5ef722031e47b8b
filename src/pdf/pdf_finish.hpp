// What cairo 1.16's PDF output lacks for print readers (/Lang, page labels, a correct Info dictionary with
// "D:" dates, DisplayDocTitle), added as an incremental update (ISO 32000-1 7.5.6) after cairo's bytes, so
// nothing cairo wrote is parsed beyond its trailer, cross-reference table and catalog dictionary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pp::pdf {

struct PageLabelRange {
  int first_page_index = 0;  // 0-based page index where this numbering starts
  enum class Style { roman_lower, decimal, none } style = Style::decimal;
  int start = 1;  // the number the first page of the range shows (>= 1)
};

struct PdfFinish {
  std::string lang;                    // BCP 47, e.g. "ja"; empty leaves /Lang out
  std::vector<PageLabelRange> labels;  // empty keeps whatever cairo wrote (nothing, in practice)
  std::string title, author, subject, keywords, creator, producer;  // UTF-8; empty ones are left out
  std::int64_t created = 0;            // epoch seconds UTC, for /CreationDate and /ModDate; 0 leaves both out
  bool display_doc_title = true;       // viewers show the title rather than the file name
};

// `cairo_pdf` followed by the update: a new catalog (same object number, cairo's entries kept), a new Info
// dictionary, a classic cross-reference section for just those two objects and a trailer pointing back
// (/Prev) at cairo's. Throws std::runtime_error("internal error: ...") when the input is not a PDF with a
// classic cross-reference table, which cairo 1.16 always writes.
std::string finish_pdf(std::string cairo_pdf, const PdfFinish& finish);

}  // namespace pp::pdf
