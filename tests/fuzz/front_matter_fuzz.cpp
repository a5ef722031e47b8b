// Post bytes through the encoding checks and the YAML front matter parser, without the Markdown stage, so
// every run goes to the YAML path.
#include "parse/front_matter.hpp"
#include "parse/source_text.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "fuzz.md";
  pp::base::DiagnosticSink sink;
  try {
    const auto src = pp::parse::split_source(name, std::string(reinterpret_cast<const char*>(data), size));
    pp::parse::parse_front_matter(name, src, sink);
  } catch (const pp::base::FatalError&) {
    // Both stages answer bytes that are no post this way, by contract.
  }
  for (const auto& d : sink.diagnostics()) d.format();
  return 0;
}
