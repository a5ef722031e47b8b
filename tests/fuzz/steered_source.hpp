// The Mermaid parser targets' input: an odd first byte puts a header before the rest, so the fuzzer reaches
// the statements of one diagram type without having to find its header first; an even one passes the rest
// as written, so front matter, %%{init}%% directives and the header itself are fuzzed too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pp::fuzz {

inline std::string steered_source(const std::uint8_t* data, std::size_t size, std::string_view header) {
  if (size == 0) return {};
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  return (data[0] & 1) ? std::string(header).append(rest) : std::string(rest);
}

}  // namespace pp::fuzz
