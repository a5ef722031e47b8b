// A book as a typeset PDF: title page, table of contents with the pages headings really land on, every
// post as a chapter (on a right-hand page in print mode), running heads, page numbers, outline, links.
#pragma once

#include "base/diagnostics.hpp"
#include "base/limits.hpp"
#include "model/book.hpp"
#include "pdf/theme.hpp"

#include <optional>
#include <string>

namespace pp::pdf {

struct PdfOptions {
  PdfTheme theme;
  bool print = false;           // mirrored margins, chapters open on right-hand pages
  std::optional<bool> toc;      // default: on for books of several posts, off for one post
  bool code_line_numbers = false;
  bool highlight = true;  // syntax-highlight code blocks
  unsigned jobs = 0;      // threads for highlighting (typesetting itself runs on one: docs/pdf.md)
  base::ResourceLimits limits;  // diagram nodes and image pixels apply here
};

// The PDF's bytes. Problems that leave something out (a missing image) are warnings in `sink`.
std::string write_pdf(const model::Book& book, const PdfOptions& options, base::DiagnosticSink& sink);

}  // namespace pp::pdf
