// Markdown (CommonMark + GFM) to the document tree.
#pragma once

#include "base/diagnostics.hpp"
#include "model/document.hpp"

#include <string>
#include <string_view>

namespace pp::parse {

// `first_line` is the file line where `markdown` begins (after front matter), so positions are the file's.
// Containers nested deeper than `max_nesting` are flattened (base::ResourceLimits). Heading ids and CJK line
// joining are applied by parse_post, not here.
std::vector<model::Block> parse_markdown(std::string_view markdown, int first_line, const std::string& file,
                                         int max_nesting, base::DiagnosticSink& sink);

}  // namespace pp::parse
