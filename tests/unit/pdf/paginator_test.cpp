// The paginator's rules: greedy filling, gaps dropped at a page top, keep-with-next chains (orphans,
// widows, headings), repeated table headers, figures that shrink, items taller than a page.
#include "pdf/paginator.hpp"

#include <catch2/catch.hpp>

#include <vector>

using pp::pdf::paginate;
using pp::pdf::PagePlan;
using pp::pdf::Slot;

namespace {

std::vector<std::vector<std::size_t>> items_per_page(const std::vector<PagePlan>& pages) {
  std::vector<std::vector<std::size_t>> out;
  for (const auto& p : pages) {
    out.emplace_back();
    for (const auto& placement : p.placements) out.back().push_back(placement.item);
  }
  return out;
}

std::vector<Slot> lines(int n, double height = 10) { return std::vector<Slot>(static_cast<std::size_t>(n), Slot{height, 0, false, -1, 0}); }

}  // namespace

TEST_CASE("paginator fills pages greedily and drops the gap at a page top", "[pdf][paginator]") {
  auto slots = lines(7);
  slots[3].gap_before = 5;
  const auto pages = paginate(slots, 35);
  REQUIRE(items_per_page(pages) == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3, 4, 5}, {6}});
  CHECK(pages[1].placements[0].y == 0);  // the gap of item 3 is not applied at the top of page 2
  CHECK(pages[0].placements[2].y == 20);
}

TEST_CASE("paginator keeps the first two lines of a paragraph together (no orphan)", "[pdf][paginator]") {
  auto slots = lines(6);  // two lines of text, then a four-line paragraph starting at item 2
  slots[2].keep_with_next = true;  // orphan rule: line 1 stays with line 2
  slots[4].keep_with_next = true;  // widow rule: the last two lines stay together
  const auto pages = paginate(slots, 30);
  // Item 2 would fit alone at the foot of page 1; it moves so the paragraph does not leave one line behind.
  REQUIRE(items_per_page(pages) == std::vector<std::vector<std::size_t>>{{0, 1}, {2, 3}, {4, 5}});
}

TEST_CASE("paginator never leaves a single last line at the top of a page (no widow)", "[pdf][paginator]") {
  auto slots = lines(5);
  slots[0].keep_with_next = true;
  slots[3].keep_with_next = true;
  const auto pages = paginate(slots, 40);
  REQUIRE(items_per_page(pages) == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3, 4}});
}

TEST_CASE("paginator keeps a heading with what follows it", "[pdf][paginator]") {
  auto slots = lines(5);
  slots[2] = Slot{20, 5, true, -1, 0};  // a heading
  slots[3].keep_with_next = true;       // first line of the next paragraph
  const auto pages = paginate(slots, 55);
  REQUIRE(items_per_page(pages) == std::vector<std::vector<std::size_t>>{{0, 1}, {2, 3, 4}});
}

TEST_CASE("paginator breaks a chain that is longer than a page rather than loop", "[pdf][paginator]") {
  auto slots = lines(8);
  for (auto& s : slots) s.keep_with_next = true;
  const auto pages = paginate(slots, 30);
  REQUIRE(pages.size() == 3);
  std::size_t placed = 0;
  for (const auto& p : pages) placed += p.placements.size();
  CHECK(placed == 8);
}

TEST_CASE("paginator repeats a table's header row on every page the table continues on", "[pdf][paginator]") {
  std::vector<Slot> slots = lines(1);  // a line of text before the table
  slots.push_back(Slot{12, 4, true, -1, 0});  // header (item 1)
  for (int r = 0; r < 6; ++r) slots.push_back(Slot{10, 0, false, 1, 0});
  const auto pages = paginate(slots, 45);
  REQUIRE(pages.size() >= 2);
  for (std::size_t p = 1; p < pages.size(); ++p) {
    REQUIRE(pages[p].placements.size() >= 2);
    CHECK(pages[p].placements[0].item == 1);
    CHECK(pages[p].placements[0].repeated);
    CHECK(pages[p].placements[1].y == 12);
  }
  // Every body row appears exactly once.
  std::vector<int> seen(slots.size(), 0);
  for (const auto& p : pages)
    for (const auto& pl : p.placements)
      if (!pl.repeated) ++seen[pl.item];
  for (int count : seen) CHECK(count == 1);
}

TEST_CASE("paginator never leaves a table header alone at a page foot", "[pdf][paginator]") {
  std::vector<Slot> slots = lines(3);
  slots.push_back(Slot{10, 0, true, -1, 0});  // header
  slots.push_back(Slot{10, 0, false, 3, 0});
  const auto pages = paginate(slots, 40);
  REQUIRE(items_per_page(pages) == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3, 4}});
}

TEST_CASE("paginator shrinks a figure to finish a page when it may", "[pdf][paginator]") {
  std::vector<Slot> slots = lines(2);
  slots.push_back(Slot{80, 0, false, -1, 56});  // may shrink to 70%
  const auto shrunk = paginate(slots, 80);
  REQUIRE(shrunk.size() == 1);
  CHECK(shrunk[0].placements[2].height == Approx(60));
  slots[2].min_height = 0;
  const auto moved = paginate(slots, 80);
  REQUIRE(items_per_page(moved) == std::vector<std::vector<std::size_t>>{{0, 1}, {2}});
  CHECK(moved[1].placements[0].height == 80);
}

TEST_CASE("paginator places an item taller than the page alone and marks the page overfull", "[pdf][paginator]") {
  std::vector<Slot> slots = lines(1);
  slots.push_back(Slot{500, 0, false, -1, 0});
  slots.push_back(Slot{10, 0, false, -1, 0});
  const auto pages = paginate(slots, 100);
  REQUIRE(items_per_page(pages) == std::vector<std::vector<std::size_t>>{{0}, {1}, {2}});
  CHECK(pages[1].overfull);
  CHECK_FALSE(pages[0].overfull);
}

TEST_CASE("paginator handles no items and a huge number of lines", "[pdf][paginator]") {
  CHECK(paginate({}, 100).empty());
  const auto pages = paginate(lines(100000), 500);
  CHECK(pages.size() == 2000);
}
