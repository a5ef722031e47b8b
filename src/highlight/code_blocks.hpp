// Every code block of a book highlighted up front, on all cores: highlighting is the costliest part of
// writing code, and the writers (EPUB chapters, PDF passes) then only look the results up.
#pragma once

#include "highlight/code_highlighter.hpp"
#include "model/book.hpp"

#include <map>

namespace pp::highlight {

using CodeHighlights = std::map<const model::Block*, HighlightedCode>;

// How a writer shows a code block's text, which the highlighter's offsets count in: as written (XHTML
// keeps tabs) or with tabs expanded to 4-column stops (the PDF sets them as spaces). Either way without
// trailing newlines.
enum class CodeText { as_written, tabs_expanded };

std::string shown_code(const std::string& source, CodeText form);

// Code blocks (not diagrams) with an info string, in every chapter, highlighted in `form`.
CodeHighlights highlight_code_blocks(const model::Book& book, CodeText form, unsigned jobs = 0);

// The block's highlighting, or null when it has none (no language, or not highlighted at all).
const HighlightedCode* find_highlight(const CodeHighlights* highlights, const model::Block& block);

}  // namespace pp::highlight
