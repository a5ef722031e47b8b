// One post as one XHTML content document.
#pragma once

#include "base/diagnostics.hpp"
#include "epub/chapter_table.hpp"
#include "epub/diagram_images.hpp"
#include "epub/resources.hpp"
#include "epub/table_images.hpp"
#include "highlight/code_blocks.hpp"

#include <string>

namespace pp::epub {

struct ChapterStyle {
  bool show_hero = true;  // false when the title page already shows it (a one-post book)
  const DiagramImages* diagrams = nullptr;  // rendered diagrams; a diagram block without one is a listing
  bool code_line_numbers = false;
  const TableImages* tables = nullptr;  // tables drawn as images; a table without one is an XHTML table
  const highlight::CodeHighlights* highlights = nullptr;  // highlighted code blocks; others stay plain
};

std::string write_chapter(const ChapterEntry& entry, const ChapterTable& table, Resources& resources,
                          const ChapterStyle& style);

// Headings move down so the post's title is the only h1; returns how many levels.
int heading_shift(const std::vector<model::Block>& blocks);

}  // namespace pp::epub
