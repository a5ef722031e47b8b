// Where a thing came from in an input file: 1-based line and column (column counts bytes, as cmark does).
#pragma once

namespace pp::base {

struct SourcePos {
  int line = 0;  // 0 means "unknown"
  int column = 0;

  bool known() const { return line > 0; }
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

}  // namespace pp::base
