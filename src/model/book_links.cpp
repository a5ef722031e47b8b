#include "model/book_links.hpp"

#include "base/url_policy.hpp"

namespace pp::model {

namespace fs = std::filesystem;

std::string slug_of_link_path(std::string path) {
  while (!path.empty() && path.back() == '/') path.pop_back();
  const auto slash = path.rfind('/');
  std::string last = slash == std::string::npos ? path : path.substr(slash + 1);
  for (const char* ext : {".md", ".mdx", ".markdown", ".html", ".htm", ".xhtml"})
    if (last.ends_with(ext)) last.resize(last.size() - std::char_traits<char>::length(ext));
  if (last == "index" && slash != std::string::npos) return slug_of_link_path(path.substr(0, slash));
  return last;
}

BookLinks::BookLinks(const Book& book) : book_(book) {
  for (std::size_t i = 0; i < book.chapters.size(); ++i) {
    std::error_code ec;
    by_path_[fs::weakly_canonical(fs::absolute(book.chapters[i].source_path, ec), ec)] = i;
  }
}

std::optional<std::size_t> BookLinks::find_slug(const std::string& slug, std::size_t from) const {
  std::optional<std::size_t> any;
  for (std::size_t i = 0; i < book_.chapters.size(); ++i) {
    if (book_.chapters[i].meta.slug != slug) continue;
    if (book_.chapters[i].meta.lang == book_.chapters[from].meta.lang) return i;
    if (!any) any = i;
  }
  return any;
}

LinkTarget BookLinks::resolve(const std::string& url, std::size_t from) const {
  const base::UrlVerdict v = base::check_url(url);
  LinkTarget t;
  if (!v.allowed) return t;
  t.url = v.url;
  if (!v.scheme.empty()) {
    t.kind = LinkTarget::Kind::external;
    return t;
  }
  const auto hash = v.url.find('#');
  const std::string path = v.url.substr(0, hash);
  t.fragment = hash == std::string::npos ? "" : v.url.substr(hash + 1);
  if (path.empty()) {
    t.kind = LinkTarget::Kind::chapter;
    t.chapter = from;
    t.same_chapter = true;
    return t;
  }
  std::optional<std::size_t> target;
  if (path.front() != '/') {
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(fs::absolute(book_.chapters[from].source_path, ec).parent_path() / path, ec);
    if (auto it = by_path_.find(file); it != by_path_.end()) target = it->second;
  }
  if (!target) target = find_slug(slug_of_link_path(path), from);
  if (target) {
    t.kind = LinkTarget::Kind::chapter;
    t.chapter = *target;
    return t;
  }
  if (!book_.base_url.empty() && path.front() == '/') {
    std::string base = book_.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    t.kind = LinkTarget::Kind::external;
    t.url = base + v.url;
  }
  return t;
}

}  // namespace pp::model
