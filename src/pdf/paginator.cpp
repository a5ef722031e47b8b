#include "pdf/paginator.hpp"

namespace pp::pdf {

namespace {

constexpr double slack = 0.01;  // points: rounding in summed heights must not push a line over

}  // namespace

std::vector<PagePlan> paginate(const std::vector<Slot>& slots, double page_height) {
  std::vector<PagePlan> pages;
  PagePlan page;
  double y = 0;
  std::size_t i = 0;
  // A repeated table header only ever opens a page; the placements after it are the page's own.
  auto first_own = [&]() -> std::size_t { return !page.placements.empty() && page.placements[0].repeated ? 1 : 0; };
  auto open_page = [&] {
    pages.push_back(std::move(page));
    page = PagePlan{};
    y = 0;
    // A continued table repeats its header row first.
    if (i < slots.size() && slots[i].repeat_header >= 0 && static_cast<std::size_t>(slots[i].repeat_header) < i) {
      const auto h = static_cast<std::size_t>(slots[i].repeat_header);
      page.placements.push_back({h, 0, slots[h].height, true});
      y = slots[h].height;
    }
  };
  while (i < slots.size()) {
    const Slot& s = slots[i];
    const bool empty = page.placements.size() == first_own();
    const double gap = page.placements.empty() ? 0 : s.gap_before;
    if (empty || y + gap + s.height <= page_height + slack) {
      if (empty && y + gap + s.height > page_height + slack) page.overfull = s.height > page_height + slack;
      page.placements.push_back({i, y + gap, s.height, false});
      y += gap + s.height;
      ++i;
      continue;
    }
    if (s.min_height > 0 && y + gap + s.min_height <= page_height + slack) {
      const double room = page_height - y - gap;
      page.placements.push_back({i, y + gap, room, false});
      y = page_height;
      ++i;
      continue;
    }
    // `s` does not fit. Pull back the chain of items that must stay with it, unless that empties the page.
    std::size_t keep = page.placements.size();
    while (keep > 0 && !page.placements[keep - 1].repeated && slots[page.placements[keep - 1].item].keep_with_next) --keep;
    if (keep < page.placements.size() && keep > first_own()) {
      i = page.placements[keep].item;
      page.placements.resize(keep);
    }
    open_page();
  }
  if (!page.placements.empty()) pages.push_back(std::move(page));
  return pages;
}

}  // namespace pp::pdf
