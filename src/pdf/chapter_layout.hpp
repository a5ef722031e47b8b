// One post's blocks as a column of flow items: paragraphs broken into lines (widows and orphans kept
// off page edges), headings kept with what follows, code split line by line, tables row by row, images,
// diagrams as vectors, and the post's footnotes as endnotes.
#pragma once

#include "base/diagnostics.hpp"
#include "model/book.hpp"
#include "pdf/flow_item.hpp"
#include "pdf/image_cache.hpp"
#include "pdf/typeset_context.hpp"

#include <vector>

namespace pp::pdf {

struct ChapterSetup {
  const model::Document* doc = nullptr;
  const model::Book* book = nullptr;
  base::DiagnosticSink* sink = nullptr;  // null: do not report (the drawing pass repeats the layout pass)
  PageImageCache* images = nullptr;      // shared by every chapter and both passes
  bool title_block = true;               // open with the post's title, date and hero image (books)
};

std::vector<FlowItem> layout_chapter(const TypesetContext& ctx, const ChapterSetup& setup);

}  // namespace pp::pdf
