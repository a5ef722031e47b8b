// The typesetter's unit of vertical layout: a line of a paragraph, a heading, a code line, a table row,
// an image. The paginator only sees heights and keep rules; drawing happens later, where it landed.
#pragma once

#include "pdf/paginator.hpp"

#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

namespace pp::pdf {

class PageLinks;

struct DrawArgs {
  cairo_t* cr = nullptr;
  double x = 0, y = 0;     // the text block's left edge and the item's top, in page points
  double height = 0;       // the height the item was given (less than asked for a shrunk figure)
  bool page_top = false;   // the item opens a page (its gap above was dropped)
  PageLinks* links = nullptr;
};

struct HeadingMark {
  int level = 0;       // 0 for the chapter title, 1-6 for the post's headings by rank
  std::string title;   // plain text, for the outline and the table of contents
  std::string id;      // anchor
};

// What the paginator reads (height, gap_before, keep_with_next, min_height, repeat_header: see Slot),
// plus what only drawing needs.
struct FlowItem : Slot {
  double baseline = 0;  // from the top to the first baseline (where a list marker goes)
  std::vector<std::string> anchors;  // ids that point at this item's top
  std::vector<HeadingMark> headings;
  std::function<void(const DrawArgs&)> draw;
};

}  // namespace pp::pdf
