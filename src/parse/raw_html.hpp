// Raw HTML (what cmark hands over as html_inline / html_block) mapped to tree nodes with gumbo.
//
// A run of sibling cmark nodes that holds raw HTML is re-joined into one HTML string in which every
// non-HTML node stands as a placeholder element; gumbo parses it like a browser would, so a <strong>
// opened in one cmark node and closed three nodes later becomes one strong span around them.
#pragma once

#include "base/diagnostics.hpp"
#include "model/document.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace pp::parse {

// The HTML that stands for placeholder `index` in a joined string.
std::string html_placeholder(std::size_t index);

struct HtmlContext {
  const std::string& file;
  base::SourcePos pos;  // where the run starts, for diagnostics
  base::DiagnosticSink& sink;
  int max_depth = 256;  // elements nested deeper are cut off: it bounds our recursion
  // The HTML's line k is the file's line pos.line + k - 1 (block HTML is built so), and diagnostics can
  // point at each element's own line; otherwise they all point at `pos`.
  bool line_aligned = false;
};

// True for an opening or closing tag whose name is no HTML element (`<string>`, `</foo>`, `<T>`):
// such text is the author's prose, not markup.
bool is_unknown_html_tag(std::string_view tag);

// Inline run: placeholders resolve to inlines.
model::Inlines map_inline_html(std::string_view html, const std::function<model::Inline(std::size_t)>& slot,
                               const HtmlContext& ctx);

// Block run: placeholders resolve to blocks.
std::vector<model::Block> map_block_html(std::string_view html, const std::function<model::Block(std::size_t)>& slot,
                                         const HtmlContext& ctx);

}  // namespace pp::parse
