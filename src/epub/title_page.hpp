// The book's title page: cover image (for a one-post book, the hero image), title, subtitle, author, date.
#pragma once

#include "model/book.hpp"

#include <optional>
#include <string>

namespace pp::epub {

// `cover_href` is relative to the publication folder, or empty.
std::string write_title_page(const model::Book& book, const std::string& cover_href);

}  // namespace pp::epub
