// Heading tree to nav/ncx. Levels may skip (h2 then h4): an entry nests under the nearest shallower one.
#include "epub/navigation.hpp"

#include "epub/chapter_xhtml.hpp"
#include "epub/xhtml_page.hpp"
#include "model/labels.hpp"
#include "model/walk.hpp"

namespace pp::epub {

namespace {

void collect_headings(const std::vector<model::Block>& blocks, std::vector<const model::Block*>& out) {
  model::walk_blocks(blocks, [&](const model::Block& b) {
    if (b.kind == model::BlockKind::heading) out.push_back(&b);
    // Headings inside notes or collapsed <details> are not chapter structure.
    return b.kind != model::BlockKind::footnote_definition && b.kind != model::BlockKind::details;
  });
}

void nav_list(pugi::xml_node parent, const std::vector<NavPoint>& points) {
  auto ol = parent.append_child("ol");
  for (const auto& p : points) {
    auto li = ol.append_child("li");
    auto a = li.append_child("a");
    a.append_attribute("href") = p.href.c_str();
    a.text() = p.label.c_str();
    if (!p.children.empty()) nav_list(li, p.children);
  }
}

void ncx_points(pugi::xml_node parent, const std::vector<NavPoint>& points, int& order) {
  for (const auto& p : points) {
    auto np = parent.append_child("navPoint");
    np.append_attribute("id") = ("np-" + std::to_string(order)).c_str();
    np.append_attribute("playOrder") = order++;
    np.append_child("navLabel").append_child("text").text() = p.label.c_str();
    np.append_child("content").append_attribute("src") = p.href.c_str();
    ncx_points(np, p.children, order);
  }
}

int depth_of(const std::vector<NavPoint>& points) {
  int depth = 0;
  for (const auto& p : points) depth = std::max(depth, 1 + depth_of(p.children));
  return depth;
}

}  // namespace

std::vector<NavPoint> build_toc(const ChapterTable& table) {
  std::vector<NavPoint> toc;
  for (const auto& entry : table.entries()) {
    NavPoint chapter{entry.doc->meta.title, entry.href, {}};
    std::vector<const model::Block*> headings;
    collect_headings(entry.doc->blocks, headings);
    const int shift = heading_shift(entry.doc->blocks);
    // Stack of (level, list to append to); the chapter title is level 1.
    std::vector<std::pair<int, std::vector<NavPoint>*>> open{{1, &chapter.children}};
    for (const auto* h : headings) {
      const int level = std::max(h->level + shift, 2);
      while (open.size() > 1 && open.back().first >= level) open.pop_back();
      std::string label = model::plain_text(h->inlines);
      if (label.empty()) label = h->id;
      open.back().second->push_back({label, entry.href + "#" + h->id, {}});
      open.push_back({level, &open.back().second->back().children});
    }
    toc.push_back(std::move(chapter));
  }
  return toc;
}

std::string write_nav_xhtml(const std::vector<NavPoint>& toc, const NavDocument& info) {
  const model::Labels& labels = model::labels_for(info.lang);
  XhtmlPage page;
  start_page(page, labels.contents, info.lang, "styles/book.css");
  auto nav = page.body.append_child("nav");
  nav.append_attribute("epub:type") = "toc";
  nav.append_attribute("id") = "toc";
  nav.append_attribute("role") = "doc-toc";
  nav.append_child("h1").text() = labels.contents;
  nav_list(nav, toc);

  auto landmarks = page.body.append_child("nav");
  landmarks.append_attribute("epub:type") = "landmarks";
  landmarks.append_attribute("hidden") = "hidden";
  auto ol = landmarks.append_child("ol");
  auto landmark = [&](const char* type, const std::string& href, const char* label) {
    auto a = ol.append_child("li").append_child("a");
    a.append_attribute("epub:type") = type;
    a.append_attribute("href") = href.c_str();
    a.text() = label;
  };
  landmark("titlepage", info.title_page_href, labels.title_page);
  landmark("toc", "nav.xhtml#toc", labels.contents);
  if (!info.first_chapter_href.empty()) landmark("bodymatter", info.first_chapter_href, info.title.c_str());
  return to_bytes(page.doc);
}

std::string write_ncx(const std::vector<NavPoint>& toc, const NavDocument& info) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto ncx = doc.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = info.lang.c_str();
  auto head = ncx.append_child("head");
  auto meta = [&](const char* name, const std::string& content) {
    auto m = head.append_child("meta");
    m.append_attribute("name") = name;
    m.append_attribute("content") = content.c_str();
  };
  meta("dtb:uid", info.identifier);
  meta("dtb:depth", std::to_string(std::max(1, depth_of(toc))));
  meta("dtb:totalPageCount", "0");
  meta("dtb:maxPageNumber", "0");
  ncx.append_child("docTitle").append_child("text").text() = info.title.c_str();
  int order = 1;
  ncx_points(ncx.append_child("navMap"), toc, order);
  return to_bytes(doc);
}

}  // namespace pp::epub
