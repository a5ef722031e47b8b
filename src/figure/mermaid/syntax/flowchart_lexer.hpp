// Flowchart tokens read straight from the text: node ids, shape brackets, links, pipe labels.
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pp::figure::mermaid::syntax {

// End of the node id starting at s[i] (== i when there is none). Mermaid's NODE_STRING characters plus
// any non-ASCII letter; '-' and '=' only where they do not start a link; ':' unless it starts ":::".
std::size_t scan_node_id(std::string_view s, std::size_t i);

struct DirectionToken {
  Direction direction = Direction::top_bottom;
  std::size_t end = 0;
  std::string word;         // as Mermaid spells it: "LR"
  bool lower_case = false;  // written "lr" or "Lr": Mermaid rejects it; we read it, with a warning
};

// The direction word at s[i]: TB, TD, BT, LR or RL in any letter case; in a diagram header (`header`) also
// v, ^, < and >. nullopt when the word there is none of these.
std::optional<DirectionToken> scan_direction(std::string_view s, std::size_t i, bool header);

// A token that was recognised but is malformed: where, and what was expected.
struct TokenError {
  std::size_t at = 0;
  std::string message;
};

struct ShapeToken {
  NodeShape shape = NodeShape::rect;
  std::size_t content_begin = 0;  // raw label text, quotes included
  std::size_t content_end = 0;
  std::size_t end = 0;            // after the closing bracket
};

// The bracket form at s[i] right after an id; nullopt when s[i] opens no shape.
std::optional<ShapeToken> scan_shape(std::string_view s, std::size_t i, std::optional<TokenError>& error);

// `@{ ... }` at s[i]: the body between the braces; nullopt when s[i] is not "@{".
struct BraceBody {
  std::size_t body_begin = 0;
  std::size_t body_end = 0;
  std::size_t end = 0;
};
std::optional<BraceBody> scan_shape_data(std::string_view s, std::size_t i, std::optional<TokenError>& error);

struct LinkToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  LineStyle line = LineStyle::solid;
  Head start = Head::none;
  Head end_head = Head::arrow;
  int length = 1;
  std::optional<std::pair<std::size_t, std::size_t>> text;  // raw label of `-- text -->` or `-->|text|`
  // `A---oB`: read as an open link to "oB"; Mermaid reads a circle head and node "B". The parser decides.
  bool ambiguous_head = false;
  Head alternative_head = Head::none;
  int alternative_length = 1;
};

// The link starting at s[i] (after any blanks), with its inline or pipe label; nullopt when no link starts there.
std::optional<LinkToken> scan_link(std::string_view s, std::size_t i, std::optional<TokenError>& error);

}  // namespace pp::figure::mermaid::syntax
