// Chapter naming and link resolution.
#include "epub/chapter_table.hpp"

#include "base/file_names.hpp"
#include "base/url_policy.hpp"
#include "model/walk.hpp"

#include <cstdio>

namespace pp::epub {

namespace fs = std::filesystem;

namespace {

// "../zh/post.md#x" -> "post"; "/blog/post/" -> "post"
std::string slug_of_link_path(std::string path) {
  while (!path.empty() && path.back() == '/') path.pop_back();
  const auto slash = path.rfind('/');
  std::string last = slash == std::string::npos ? path : path.substr(slash + 1);
  for (const char* ext : {".md", ".mdx", ".markdown", ".html", ".htm", ".xhtml"})
    if (last.ends_with(ext)) last.resize(last.size() - std::char_traits<char>::length(ext));
  if (last == "index" && slash != std::string::npos) return slug_of_link_path(path.substr(0, slash));
  return last;
}

}  // namespace

std::set<std::string> anchors_of(const model::Document& doc) {
  std::set<std::string> ids;
  int notes = 0;
  model::walk_blocks(doc.blocks, [&](const model::Block& b) {
    if (b.kind == model::BlockKind::heading) ids.insert(b.id);
    if (b.kind == model::BlockKind::footnote_definition) ids.insert("pp-fn-" + std::to_string(++notes));
    return true;
  });
  return ids;
}

ChapterTable::ChapterTable(const model::Book& book) : base_url_(book.base_url) {
  for (std::size_t i = 0; i < book.chapters.size(); ++i) {
    const auto& doc = book.chapters[i];
    char number[32];
    std::snprintf(number, sizeof number, "c%03zu", i + 1);
    const std::string slug = base::ascii_file_stem(doc.meta.slug);
    ChapterEntry e{&doc, "", std::string(number) + (slug.empty() ? "" : "-" + slug) + ".xhtml", anchors_of(doc)};
    e.href = "text/" + e.file_name;
    std::error_code ec;
    by_path_[fs::weakly_canonical(fs::absolute(doc.source_path, ec), ec)] = entries_.size();
    entries_.push_back(std::move(e));
  }
}

const ChapterEntry* ChapterTable::find_slug(const std::string& slug, const ChapterEntry& from) const {
  const ChapterEntry* any = nullptr;
  for (const auto& e : entries_) {
    if (e.doc->meta.slug != slug) continue;
    if (e.doc->meta.lang == from.doc->meta.lang) return &e;
    if (!any) any = &e;
  }
  return any;
}

std::optional<std::string> ChapterTable::resolve_link(const std::string& url, const ChapterEntry& from) const {
  const base::UrlVerdict v = base::check_url(url);
  if (!v.allowed) return std::nullopt;
  if (!v.scheme.empty()) return v.url;
  const auto hash = v.url.find('#');
  const std::string path = v.url.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : v.url.substr(hash + 1);
  if (path.empty()) {
    if (fragment.empty() || from.ids.count(fragment)) return v.url;
    return std::nullopt;
  }
  // A link to another post: by file first (exact), then by slug (Astro-style /blog/slug/ URLs).
  const ChapterEntry* target = nullptr;
  if (path.front() != '/') {
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(fs::absolute(from.doc->source_path, ec).parent_path() / path, ec);
    if (auto it = by_path_.find(file); it != by_path_.end()) target = &entries_[it->second];
  }
  if (!target) target = find_slug(slug_of_link_path(path), from);
  if (target) {
    std::string href = target->file_name;
    if (!fragment.empty() && target->ids.count(fragment)) href += "#" + fragment;
    return href;
  }
  if (!base_url_.empty() && path.front() == '/') {
    std::string base = base_url_;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + v.url;
  }
  return std::nullopt;
}

}  // namespace pp::epub
