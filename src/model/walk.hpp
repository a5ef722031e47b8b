// Walking the block tree in document order without recursion (a post may nest thousands of levels).
#pragma once

#include "model/document.hpp"

#include <type_traits>
#include <utility>
#include <vector>

namespace pp::model {

// Calls visit(block) for every block, parents before children, in document order. `visit` returns
// whether to descend into the block's children. Works on const and mutable trees.
template <typename Blocks, typename Visit>
void walk_blocks(Blocks& blocks, Visit&& visit) {
  using List = std::remove_reference_t<Blocks>;
  std::vector<std::pair<List*, std::size_t>> stack{{&blocks, 0}};
  while (!stack.empty()) {
    auto& [list, index] = stack.back();
    if (index >= list->size()) {
      stack.pop_back();
      continue;
    }
    auto& block = (*list)[index++];
    if (visit(block) && !block.children.empty()) stack.push_back({&block.children, 0});
  }
}

}  // namespace pp::model
