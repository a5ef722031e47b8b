// Flowchart layout is a function of the diagram alone: the same source gives the same geometry however the
// heap happens to be laid out. Graphviz's default object IDs were the addresses of interned names, and dot
// walks a graph's clusters in ID order, so a cluster's place once followed where malloc put its name
// (about 1 CLI run in 10 drew a cluster 1 px off). Between layouts these tests reorder malloc's free lists
// for small blocks, so a layout that depends on addresses would get different ones each round.
#include "figure/mermaid/flow_layout.hpp"
#include "mermaid_test_support.hpp"
#include "../test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace pp::figure;
using namespace pp::figure::mermaid;

namespace {

volatile unsigned char heap_sink;

// Frees a batch of small blocks in a random order: malloc's per-size free lists hand them out again last
// freed first, so the next small allocations (Graphviz's interned strings among them) get addresses in a
// shuffled order.
void shuffle_small_blocks(std::mt19937& rng) {
  for (std::size_t size : {24, 40, 48, 56, 72, 88, 104, 120}) {
    std::vector<unsigned char*> blocks(32);
    for (auto& b : blocks) {
      b = static_cast<unsigned char*>(std::malloc(size));
      b[0] = static_cast<unsigned char>(size);
    }
    std::shuffle(blocks.begin(), blocks.end(), rng);
    for (auto* b : blocks) {
      heap_sink = b[0];
      std::free(b);
    }
  }
}

// Every coordinate of a laid-out flowchart, in a fixed order.
std::vector<double> geometry(const FlowLayout& l) {
  std::vector<double> out{l.width, l.height};
  auto box = [&](const Box& b) { out.insert(out.end(), {b.x, b.y, b.width, b.height}); };
  for (const auto& c : l.clusters) box(c.box);
  for (const auto& n : l.nodes) box(n.box);
  for (const auto& e : l.edges) {
    for (const auto& p : e.path) out.insert(out.end(), {p.x, p.y});
    box(e.label_box);
  }
  return out;
}

}  // namespace

TEST_CASE("mermaid: flowchart layout with clusters does not depend on heap addresses", "[mermaid][layout][determinism]") {
  // Five clusters, labelled edges between them (one of them flat), the diagram the bug was seen on.
  const Flowchart chart = pp::test::mermaid::flow(pp::test::fixture("mermaid/flow-td-big-architecture.mmd"));
  std::mt19937 rng(20240601);
  std::vector<double> first;
  for (int round = 0; round < 16; ++round) {
    shuffle_small_blocks(rng);
    const FlowLayoutResult r = layout_flowchart(chart, "en");
    REQUIRE(r.layout);
    const auto g = geometry(*r.layout);
    if (round == 0) {
      first = g;
      continue;
    }
    INFO("round " << round);
    REQUIRE(g.size() == first.size());
    const auto diff = std::mismatch(g.begin(), g.end(), first.begin());
    INFO("coordinate " << (diff.first - g.begin()) << " of " << g.size());
    CHECK(diff.first == g.end());
  }
}
