// Resource limits: how large an input may be before postpress refuses it or cuts it down. Each has a
// command-line flag to raise it (cli/options.cpp); messages that name a limit name the flag too, so a
// user who hits one knows what to change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pp::base {

struct ResourceLimits {
  // A post, a theme or a diagram file (--max-input-size). Larger files are refused before they are read.
  std::uintmax_t max_input_bytes = 64u << 20;
  // Lists and block quotes nested deeper are flattened into their parent, inline markup deeper is kept as
  // plain text, and raw HTML is kept as text past four times this depth (--max-nesting). The tree's passes
  // recurse once a level, on threads with deep stacks (base/deep_stack.hpp): the cap keeps them far
  // from the end of those.
  int max_nesting = 64;
  static constexpr int max_nesting_cap = 1000;
  // Edges of one flowchart, statements of one sequence diagram (--max-diagram-edges); a diagram may have
  // four nodes and 100 source bytes an edge. The default is Mermaid's own maxEdges. Graphviz's layout time
  // grows much faster than linearly in the edges (dense 500 edges: seconds; 4,000: many minutes), so this
  // is what bounds a diagram's cost.
  std::size_t max_diagram_edges = 500;
  // Pixels of one image, read from its header before any decoding (--max-image-pixels): decoding costs
  // 4 bytes a pixel.
  std::uint64_t max_image_pixels = 100'000'000;
};

// "64 MiB", "900 KiB", "12 bytes": a byte count as a reader would say it.
std::string byte_size_text(std::uintmax_t bytes);

// "100" for 100,000,000 pixels, "2.5" for 2,500,000: megapixels for "the 100-megapixel limit".
std::string megapixel_text(std::uint64_t pixels);

// "64M", "512K", "1G", "1000": a byte count with an optional binary suffix (K, M, G; a trailing "iB" or "B"
// is allowed). nullopt for anything else or an overflow.
std::optional<std::uintmax_t> parse_byte_size(std::string_view text);

// "100M", "40000000": a count with an optional decimal suffix (K = thousand, M = million).
std::optional<std::uint64_t> parse_count(std::string_view text);

}  // namespace pp::base
