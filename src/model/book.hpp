// A book: posts in reading order plus the book's own metadata.
#pragma once

#include "model/document.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pp::model {

struct Book {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string lang;         // the book's main language (BCP 47)
  std::string description;
  std::vector<Document> chapters;
  std::int64_t modified = 0;  // seconds since the epoch: SOURCE_DATE_EPOCH or the newest post date
  std::optional<Date> date;   // publication date shown and stored (the newest pubDate)
  std::vector<std::filesystem::path> resource_roots;  // where images may be read from
  std::string base_url;       // when set, relative links to pages outside the book resolve against it
};

}  // namespace pp::model
