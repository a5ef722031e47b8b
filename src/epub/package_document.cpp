// The OPF. Accessibility metadata follows EPUB Accessibility 1.1 and claims only what the book does:
// alternativeText only when every image has alt text.
#include "epub/package_document.hpp"

#include "base/civil_time.hpp"
#include "epub/xhtml_page.hpp"
#include "model/walk.hpp"

#include <set>

namespace pp::epub {

namespace {

bool every_image_has_alt(const std::vector<model::Block>& blocks) {
  std::vector<const model::Inlines*> inline_stack;
  model::walk_blocks(blocks, [&](const model::Block& b) {
    inline_stack.push_back(&b.inlines);
    for (const auto& cell : b.table.header) inline_stack.push_back(&cell);
    for (const auto& row : b.table.rows)
      for (const auto& cell : row) inline_stack.push_back(&cell);
    return true;
  });
  while (!inline_stack.empty()) {
    const auto* list = inline_stack.back();
    inline_stack.pop_back();
    for (const auto& in : *list) {
      if (in.kind == model::InlineKind::image && model::plain_text(in.children).empty()) return false;
      if (!in.children.empty()) inline_stack.push_back(&in.children);
    }
  }
  return true;
}

}  // namespace

std::string write_package_document(const model::Book& book, const ChapterTable& chapters, const Resources& resources,
                                   const PackageInfo& info) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto package = doc.append_child("package");
  package.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
  package.append_attribute("version") = "3.0";
  package.append_attribute("unique-identifier") = "pub-id";
  package.append_attribute("xml:lang") = book.lang.c_str();

  auto metadata = package.append_child("metadata");
  metadata.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  auto dc = [&](const char* name, const std::string& value) {
    auto n = metadata.append_child(name);
    n.text() = value.c_str();
    return n;
  };
  dc("dc:identifier", info.identifier).append_attribute("id") = "pub-id";
  dc("dc:title", book.title).append_attribute("id") = "title";
  if (!book.author.empty()) dc("dc:creator", book.author).append_attribute("id") = "creator";
  std::set<std::string> languages{book.lang};
  dc("dc:language", book.lang);
  for (const auto& entry : chapters.entries())
    if (languages.insert(entry.doc->meta.lang).second) dc("dc:language", entry.doc->meta.lang);
  if (book.date) dc("dc:date", book.date->iso_date());
  if (!book.description.empty()) dc("dc:description", book.description);
  std::set<std::string> seen_tags;
  for (const auto& entry : chapters.entries())
    for (const auto& tag : entry.doc->meta.tags)
      if (seen_tags.insert(tag).second) dc("dc:subject", tag);
  auto meta = [&](const char* property, const std::string& value) {
    auto m = metadata.append_child("meta");
    m.append_attribute("property") = property;
    m.text() = value.c_str();
  };
  meta("dcterms:modified", base::iso8601_utc(book.modified));

  const bool has_images = !resources.items().empty();
  bool all_alt = true;
  for (const auto& entry : chapters.entries()) all_alt = all_alt && every_image_has_alt(entry.doc->blocks);
  meta("schema:accessMode", "textual");
  if (has_images) meta("schema:accessMode", "visual");
  meta("schema:accessModeSufficient", has_images && !all_alt ? "textual,visual" : "textual");
  meta("schema:accessibilityFeature", "structuralNavigation");
  meta("schema:accessibilityFeature", "tableOfContents");
  meta("schema:accessibilityFeature", "readingOrder");
  if (has_images && all_alt) meta("schema:accessibilityFeature", "alternativeText");
  meta("schema:accessibilityHazard", "none");
  meta("schema:accessibilitySummary",
       std::string("Reflowable text with a navigable table of contents and headings in reading order") +
           (has_images ? (all_alt ? "; every image has a text alternative." : "; some images lack a text alternative.")
                       : "."));
  std::string cover_id;
  for (const auto& item : resources.items())
    if (item.cover) cover_id = item.id;
  if (!cover_id.empty()) {
    // EPUB 2 readers find the cover through this; EPUB 3 through the manifest property.
    auto m = metadata.append_child("meta");
    m.append_attribute("name") = "cover";
    m.append_attribute("content") = cover_id.c_str();
  }

  auto manifest = package.append_child("manifest");
  auto item = [&](const std::string& id, const std::string& href, const char* type, const char* properties = nullptr) {
    auto i = manifest.append_child("item");
    i.append_attribute("id") = id.c_str();
    i.append_attribute("href") = href.c_str();
    i.append_attribute("media-type") = type;
    if (properties) i.append_attribute("properties") = properties;
  };
  item("nav", "nav.xhtml", "application/xhtml+xml", "nav");
  item("ncx", "toc.ncx", "application/x-dtbncx+xml");
  item("css", info.css_href, "text/css");
  item("titlepage", info.title_page_href, "application/xhtml+xml");
  for (const auto& entry : chapters.entries())
    item(entry.file_name.substr(0, entry.file_name.size() - 6), entry.href, "application/xhtml+xml");
  for (const auto& image : resources.items())
    item(image.id, image.href, image.mime.c_str(), image.cover ? "cover-image" : nullptr);

  auto spine = package.append_child("spine");
  spine.append_attribute("toc") = "ncx";
  auto itemref = [&](const std::string& idref) { spine.append_child("itemref").append_attribute("idref") = idref.c_str(); };
  itemref("titlepage");
  itemref("nav");
  for (const auto& entry : chapters.entries()) itemref(entry.file_name.substr(0, entry.file_name.size() - 6));
  return to_bytes(doc);
}

}  // namespace pp::epub
