// Checks a post's bytes (encoding, binary content) and splits off the YAML front matter.
#pragma once

#include "base/source_pos.hpp"

#include <string>
#include <string_view>

namespace pp::parse {

struct SourceText {
  std::string text;             // the whole file as UTF-8, BOM removed, CRLF/CR folded to LF
  std::string_view front_matter;  // YAML between the --- fences (view into text); empty if none
  int front_matter_line = 0;      // line of the first YAML line
  std::string_view body;          // Markdown after the closing fence (view into text)
  int body_line = 1;              // line where body starts
  int replaced_controls = 0;      // control characters XML cannot carry, replaced by U+FFFD
  base::SourcePos first_control;  // where the first one was
};

// Throws base::FatalError with a file:line:col diagnostic for binary data, invalid UTF-8, UTF-16/32
// text, or a front matter block that is never closed.
SourceText split_source(const std::string& name, std::string bytes);

}  // namespace pp::parse
