// Chapter naming and link resolution.
#include "epub/chapter_table.hpp"

#include "base/file_names.hpp"
#include "model/walk.hpp"

#include <cstdio>

namespace pp::epub {

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

ChapterTable::ChapterTable(const model::Book& book) : links_(book) {
  for (std::size_t i = 0; i < book.chapters.size(); ++i) {
    const auto& doc = book.chapters[i];
    char number[32];
    std::snprintf(number, sizeof number, "c%03zu", i + 1);
    const std::string slug = base::ascii_file_stem(doc.meta.slug);
    ChapterEntry e{&doc, "", std::string(number) + (slug.empty() ? "" : "-" + slug) + ".xhtml", anchors_of(doc)};
    e.href = "text/" + e.file_name;
    entries_.push_back(std::move(e));
  }
}

const ChapterEntry* ChapterTable::find_slug(const std::string& slug, const ChapterEntry& from) const {
  const auto found = links_.find_slug(slug, index_of(from));
  return found ? &entries_[*found] : nullptr;
}

std::optional<std::string> ChapterTable::resolve_link(const std::string& url, const ChapterEntry& from) const {
  const model::LinkTarget t = links_.resolve(url, index_of(from));
  switch (t.kind) {
    case model::LinkTarget::Kind::none: return std::nullopt;
    case model::LinkTarget::Kind::external: return t.url;
    case model::LinkTarget::Kind::chapter: break;
  }
  const ChapterEntry& target = entries_[t.chapter];
  const bool defined = !t.fragment.empty() && target.ids.count(t.fragment);
  if (t.same_chapter) {
    if (t.fragment.empty() || defined) return t.url;
    return std::nullopt;
  }
  return target.file_name + (defined ? "#" + t.fragment : "");
}

}  // namespace pp::epub
