// One post's blocks as a column of flow items: paragraphs broken into lines (widows and orphans kept
// off page edges), headings kept with what follows, code split line by line, tables row by row, images,
// diagrams as vectors, and the post's footnotes as endnotes.
#pragma once

#include "base/diagnostics.hpp"
#include "figure/mermaid/render.hpp"
#include "highlight/code_blocks.hpp"
#include "model/book.hpp"
#include "pdf/flow_item.hpp"
#include "pdf/image_cache.hpp"
#include "pdf/typeset_context.hpp"

#include <vector>

namespace pp::pdf {

struct ChapterSetup {
  const model::Document* doc = nullptr;
  const model::Book* book = nullptr;
  base::DiagnosticSink& sink;
  PageImageCache& images;                // shared by every chapter
  bool title_block = true;               // open with the post's title, date and hero image (books)
  const highlight::CodeHighlights* highlights = nullptr;  // null: no highlighting; a lookup waits for its block
  bool code_line_numbers = false;        // number the lines of code blocks in a gutter
  figure::mermaid::ParseLimits diagram_limits;
};

std::vector<FlowItem> layout_chapter(const TypesetContext& ctx, const ChapterSetup& setup);

}  // namespace pp::pdf
