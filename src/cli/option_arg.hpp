// What both commands' option parsers share: "--name=value" splitting, and the values they both take.
#pragma once

#include "base/limits.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pp::cli {

// "--name=value" is the name and its value; anything else is a name alone (the value may follow).
struct OptionArg {
  std::string name;
  std::optional<std::string> inline_value;
};

inline OptionArg split_option(const std::string& arg) {
  const std::size_t eq = arg.starts_with("--") ? arg.find('=') : std::string::npos;
  if (eq == std::string::npos) return {arg, std::nullopt};
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

// A switch given a value ("--strict=no") is a mistake, never silently the switch.
inline std::string switch_value_problem(const OptionArg& arg) {
  return arg.inline_value ? "option '" + arg.name + "' takes no value" : std::string{};
}

// --max-diagram-edges: Graphviz would take days past 100,000, and the cap keeps the derived byte limit
// far from overflow. nullopt, with `problem` set, for anything else.
inline std::optional<std::size_t> diagram_edges_value(std::string_view text, std::string& problem) {
  const auto edges = base::parse_count(text);
  if (edges && *edges <= 100'000) return static_cast<std::size_t>(*edges);
  problem = "--max-diagram-edges needs a number from 1 to 100000, not '" + std::string(text) + "'";
  return std::nullopt;
}

}  // namespace pp::cli
