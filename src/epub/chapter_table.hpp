// Which file each post becomes inside the book, and where a link written in a post lands.
#pragma once

#include "model/book.hpp"
#include "model/book_links.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pp::epub {

struct ChapterEntry {
  const model::Document* doc;
  std::string href;           // "text/c001-slug.xhtml", relative to the publication folder
  std::string file_name;      // "c001-slug.xhtml", relative to other chapters
  std::set<std::string> ids;  // anchors the chapter defines (headings, notes)
};

class ChapterTable {
 public:
  explicit ChapterTable(const model::Book& book);

  const std::vector<ChapterEntry>& entries() const { return entries_; }

  // A link target as written in `from` resolved for the XHTML of `from`'s chapter: an in-book link,
  // an absolute URL, or nullopt when it points at nothing the book holds (the text stays, unlinked).
  std::optional<std::string> resolve_link(const std::string& url, const ChapterEntry& from) const;

  // The chapter for a related post's slug, preferring one in the same language as `from`.
  const ChapterEntry* find_slug(const std::string& slug, const ChapterEntry& from) const;

 private:
  std::size_t index_of(const ChapterEntry& e) const { return static_cast<std::size_t>(&e - entries_.data()); }

  std::vector<ChapterEntry> entries_;
  model::BookLinks links_;
};

// Every heading and note anchor a document's XHTML will carry.
std::set<std::string> anchors_of(const model::Document& doc);

}  // namespace pp::epub
