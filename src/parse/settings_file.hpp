// Settings files (a print theme, for one): YAML mappings flattened to dotted keys with the position of
// each value, so the stage that understands the keys reports a bad one at its line without seeing YAML.
#pragma once

#include "base/diagnostics.hpp"
#include "base/settings.hpp"

#include <filesystem>
#include <string>

namespace pp::parse {

// `page: {margin: {top: 20mm}}` gives the setting "page.margin.top" = "20mm" at the value's line and
// column. A sequence or a null value is a warning in `sink` and is skipped. Throws base::FatalError for
// YAML that does not parse or a top level that is not a mapping; an empty file has no settings.
base::SettingsFile parse_settings_file(const std::string& name, const std::string& yaml_text,
                                       base::DiagnosticSink& sink);

// Reads `path` and parses it as above (diagnostics name the path as given). Throws base::FatalError when
// the file cannot be read.
base::SettingsFile read_settings_file(const std::filesystem::path& path, base::DiagnosticSink& sink);

}  // namespace pp::parse
