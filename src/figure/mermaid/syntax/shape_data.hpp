// The `@{ shape: ..., label: ... }` data on nodes (and `@{ curve: ... }` on edge ids), and Mermaid's shape names.
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pp::figure::mermaid::syntax {

struct ShapeName {
  NodeShape shape = NodeShape::rect;
  bool exact = true;  // false: a Mermaid shape we draw as the nearest of ours
};

// Mermaid's shape names and aliases (notes §1.5); nullopt for a name Mermaid does not know either.
std::optional<ShapeName> shape_from_name(std::string_view name);

struct ShapeData {
  std::optional<std::string> shape;  // the name as written
  std::optional<Label> label;
  std::optional<std::string> curve;
  // Offset and message of what was not read. Never an error: a node or edge is drawn without its data.
  std::vector<std::pair<std::size_t, std::string>> warnings;
};

// Reads the body between "@{" and "}": YAML flow pairs on one line, block YAML over several.
ShapeData read_shape_data(std::string_view body, std::size_t body_offset);

}  // namespace pp::figure::mermaid::syntax
