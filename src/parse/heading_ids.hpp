// Stable, unique anchors for headings, readable in every script (GitHub's slug rules, CJK kept).
#pragma once

#include "model/document.hpp"

#include <set>
#include <string>

namespace pp::parse {

// "Hello, World!" -> "hello-world"; "中文 标题" -> "中文-标题"; punctuation (ASCII and CJK) dropped.
std::string slugify(std::string_view text);

// Gives every heading without an id one made from its text; repeats get -1, -2, ... A heading that
// already has an id (from raw HTML) keeps it unless it is taken.
void assign_heading_ids(std::vector<model::Block>& blocks);

}  // namespace pp::parse
