// Front matter (YAML, Astro content-collection style) to model::Metadata.
#pragma once

#include "base/diagnostics.hpp"
#include "model/document.hpp"
#include "parse/source_text.hpp"

namespace pp::parse {

// Fills every field the YAML gives; unknown fields go to Metadata::extra. Throws base::FatalError for YAML
// that does not parse or is not a mapping; reports recoverable problems (a field of the wrong type, a date
// that is not a date) as warnings into `sink`.
model::Metadata parse_front_matter(const std::string& name, const SourceText& src, base::DiagnosticSink& sink);

}  // namespace pp::parse
