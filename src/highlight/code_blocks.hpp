// Every code block of a book highlighted up front, on all cores: highlighting is the costliest part of
// writing code, and the writers (EPUB chapters, PDF passes) then only look the results up.
#pragma once

#include "highlight/code_highlighter.hpp"
#include "model/book.hpp"

#include <map>

namespace pp::highlight {

using CodeHighlights = std::map<const model::Block*, HighlightedCode>;

// Code blocks (not diagrams) with an info string, in every chapter. Tabs are expanded to 4-column stops
// first when `expand_tabs` (the PDF lays out the expanded text; offsets must match it).
CodeHighlights highlight_code_blocks(const model::Book& book, bool expand_tabs);

// `text` with tabs expanded to 4-column stops and trailing newlines removed, as the PDF sets code.
std::string expand_tabs(const std::string& text);

}  // namespace pp::highlight
