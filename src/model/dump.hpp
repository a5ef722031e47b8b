// A stable, indented text view of a document tree, for tests and `postpress --dump-tree`.
#pragma once

#include "model/document.hpp"

#include <string>

namespace pp::model {

std::string dump(const std::vector<Block>& blocks);
std::string dump(const Inlines& inlines);

}  // namespace pp::model
