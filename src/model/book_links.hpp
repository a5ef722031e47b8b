// Where a link written in a post leads, the same for every output: a chapter of the book (with the
// fragment as written), a URL outside the book, or nowhere. Each writer turns a chapter target into its
// own kind of reference (an XHTML href, a PDF page and position).
#pragma once

#include "model/book.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace pp::model {

struct LinkTarget {
  enum class Kind { none, external, chapter } kind = Kind::none;
  std::string url;           // the link cleaned of surrounding space; for external, the URL to open
  std::size_t chapter = 0;   // chapter: index into Book::chapters
  std::string fragment;      // chapter: what follows '#', possibly empty
  bool same_chapter = false; // the link was only a fragment ("#id")
};

class BookLinks {
 public:
  explicit BookLinks(const Book& book);

  // `url` as written in chapter `from`. Unsafe URLs (javascript:, data:, ...) lead nowhere. Another post
  // is found by file first (a relative path), then by slug (Astro-style /blog/slug/ URLs), preferring the
  // same language. A site-absolute path no chapter matches leads to --base-url + path when one is set.
  LinkTarget resolve(const std::string& url, std::size_t from) const;

  // The chapter whose post has `slug`, preferring one in the language of chapter `from`.
  std::optional<std::size_t> find_slug(const std::string& slug, std::size_t from) const;

 private:
  const Book& book_;
  std::map<std::filesystem::path, std::size_t> by_path_;
};

// "../zh/post.md#x" -> "post"; "/blog/post/" -> "post"
std::string slug_of_link_path(std::string path);

}  // namespace pp::model
