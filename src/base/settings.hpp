// A settings file flattened to dotted keys ("page.margin.top" = "20mm"), each with where it was written,
// so the stage that understands the keys can report a bad one at its line.
#pragma once

#include "base/source_pos.hpp"

#include <string>
#include <vector>

namespace pp::base {

struct Setting {
  std::string key;    // dotted path of mapping keys; sequences are not used by settings files
  std::string value;  // the scalar as written (quotes removed)
  SourcePos pos;      // of the value
};

struct SettingsFile {
  std::string name;  // for diagnostics
  std::vector<Setting> settings;
};

}  // namespace pp::base
