// A model::Book to the bytes of an EPUB 3 file (with an EPUB 2 NCX for older readers).
#pragma once

#include "base/diagnostics.hpp"
#include "base/limits.hpp"
#include "model/book.hpp"

#include <string>

namespace pp::epub {

enum class FigureFormat { png, svg };
enum class TableFormat { image, html };

struct EpubOptions {
  FigureFormat figures = FigureFormat::png;  // diagrams and table images as 2x PNG (every reader) or SVG
  // Tables as images drawn by the same renderer as the PDF's (e-readers break wide tables), with their
  // cells in the alt text; or as XHTML tables.
  TableFormat tables = TableFormat::image;
  bool code_line_numbers = false;
  bool highlight = true;  // syntax-highlight code blocks
  unsigned jobs = 0;      // threads for figures and highlighting; 0: one per core
  base::ResourceLimits limits;  // diagram nodes and image pixels apply here
};

// Missing or refused images become warnings in `sink` and placeholders in the book; diagrams that cannot
// be drawn become warnings and stay code listings.
std::string write_epub(const model::Book& book, const EpubOptions& options, base::DiagnosticSink& sink);

// The book's identifier: a name-based UUID, stable across rebuilds of the same title and posts.
std::string book_identifier(const model::Book& book);

}  // namespace pp::epub
