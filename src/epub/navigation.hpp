// The book's table of contents, built once and written twice: nav.xhtml (EPUB 3) and toc.ncx (EPUB 2).
#pragma once

#include "epub/chapter_table.hpp"

#include <string>
#include <vector>

namespace pp::epub {

struct NavPoint {
  std::string label;
  std::string href;  // relative to the publication folder
  std::vector<NavPoint> children;
};

// One entry per chapter (its title) holding the chapter's headings, nested by level.
std::vector<NavPoint> build_toc(const ChapterTable& table);

struct NavDocument {
  std::string title;
  std::string lang;
  std::string identifier;
  std::string title_page_href;   // "text/title.xhtml"
  std::string first_chapter_href;
};

std::string write_nav_xhtml(const std::vector<NavPoint>& toc, const NavDocument& info);
std::string write_ncx(const std::vector<NavPoint>& toc, const NavDocument& info);

}  // namespace pp::epub
