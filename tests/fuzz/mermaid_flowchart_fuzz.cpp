// parse_diagram on flowchart text; it promises never to throw, so any exception is a finding.
#include "figure/mermaid/diagram.hpp"
#include "steered_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pp::figure::mermaid::parse_diagram(pp::fuzz::steered_source(data, size, "graph TD\n"));
  return 0;
}
