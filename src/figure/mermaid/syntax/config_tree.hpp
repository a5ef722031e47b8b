// A tiny reader for the configuration Mermaid takes from a diagram: front-matter YAML and %%{init}%% JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pp::figure::mermaid::syntax {

struct ConfigValue {
  enum class Kind { scalar, map, list };
  Kind kind = Kind::scalar;
  std::string scalar;
  std::vector<std::string> keys;    // map keys, parallel to values
  std::vector<ConfigValue> values;  // map values, or list items

  const ConfigValue* find(std::string_view key) const;
  // Deep merge: maps combine key by key, anything else from `other` replaces this value.
  void merge_from(const ConfigValue& other, int depth = 0);
};

struct ConfigNote {
  std::size_t offset = 0;  // into the text handed to the reader, plus its base offset
  std::string message;
};

struct ConfigRead {
  std::optional<ConfigValue> value;  // nullopt when the text could not be read at all
  std::vector<ConfigNote> errors;
  std::vector<ConfigNote> warnings;
};

// JSON as Mermaid directives hold it, read leniently: single or double quotes, unquoted keys, bare scalars.
ConfigRead read_flow_config(std::string_view text, std::size_t base_offset);

// Block YAML as front matter holds it: mappings nested by indentation, `- ` lists, flow values, quoted and bare
// scalars, `#` comments, `|` and `>` block scalars. No anchors, tags or multi-document streams.
ConfigRead read_yaml_config(std::string_view text, std::size_t base_offset);

}  // namespace pp::figure::mermaid::syntax
