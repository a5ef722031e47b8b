// A model::Book to the bytes of an EPUB 3 file (with an EPUB 2 NCX for older readers).
#pragma once

#include "base/diagnostics.hpp"
#include "model/book.hpp"

#include <string>

namespace pp::epub {

// Missing or refused images become warnings in `sink` and placeholders in the book.
std::string write_epub(const model::Book& book, base::DiagnosticSink& sink);

// The book's identifier: a name-based UUID, stable across rebuilds of the same title and posts.
std::string book_identifier(const model::Book& book);

}  // namespace pp::epub
