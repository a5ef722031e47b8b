// Soft line breaks: a space between Latin words, nothing between CJK characters.
#pragma once

#include "model/document.hpp"

namespace pp::parse {

// Authors hard-wrap Chinese and Japanese source; a soft break between two such characters (or next to
// CJK punctuation) is removed. Korean keeps the space: it separates words. Adjacent text runs are merged.
void join_lines(std::vector<model::Block>& blocks);

// The same rule for one inline sequence (exposed for tests).
void join_lines(model::Inlines& inlines);

}  // namespace pp::parse
