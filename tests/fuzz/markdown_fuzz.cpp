// A whole post (front matter, Markdown with raw HTML, the tree passes) from bytes, as the CLI parses a file.
#include "model/dump.hpp"
#include "parse/post.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "fuzz.md";
  pp::base::DiagnosticSink sink;
  try {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto doc = pp::parse::parse_post(name, "/fuzz/en/post.md", std::move(bytes), pp::parse::PostOptions{}, sink);
    // Walking the whole tree reaches any node the passes left half-built.
    pp::model::dump(doc.blocks);
  } catch (const pp::base::FatalError&) {
    // parse_post's documented answer to bytes that are no post.
  }
  return 0;
}
