// Breaking a column of items into pages: greedy filling with keep-with-next chains (widows, orphans,
// headings that must not end a page) and table header rows repeated on continued pages.
#pragma once

#include <cstddef>
#include <vector>

namespace pp::pdf {

struct Slot {
  double height = 0;
  double gap_before = 0;         // dropped when the item opens a page
  bool keep_with_next = false;   // no page break between this item and the next
  int repeat_header = -1;        // index of a table header row to repeat when this item opens a page
  double min_height = 0;  // > 0: a figure that may shrink to this to finish a page rather than leave a hole
};

struct Placement {
  std::size_t item = 0;
  double y = 0;              // top of the item, from the top of the text block
  double height = 0;         // as placed (less than the slot's for a shrunk figure)
  bool repeated = false;     // a table header drawn again on a continued page
};

struct PagePlan {
  std::vector<Placement> placements;
  bool overfull = false;  // an item taller than the page was placed alone and will be clipped
};

std::vector<PagePlan> paginate(const std::vector<Slot>& slots, double page_height);

}  // namespace pp::pdf
