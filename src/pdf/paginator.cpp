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
  // Items placed on the current page that are not repeated headers: only those can be pulled back.
  auto own_items = [&] {
    std::size_t n = 0;
    for (const auto& p : page.placements) n += !p.repeated;
    return n;
  };
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
    const bool empty = own_items() == 0;
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
    std::size_t remaining_own = 0;
    for (std::size_t k = 0; k < keep; ++k) remaining_own += !page.placements[k].repeated;
    if (keep < page.placements.size() && remaining_own > 0) {
      i = page.placements[keep].item;
      page.placements.resize(keep);
    }
    open_page();
  }
  if (!page.placements.empty()) pages.push_back(std::move(page));
  return pages;
}

}  // namespace pp::pdf
