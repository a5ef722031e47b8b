// What every command does at its end: print the diagnostics, read SOURCE_DATE_EPOCH, write the output
// file (atomically) or standard output. Shared by the book commands and `postpress mermaid`.
#pragma once

#include "base/diagnostics.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace pp::cli {

// Prints diagnostics in order; returns true when they stop the job (errors, or warnings when `strict`).
// `quiet` keeps warnings out of the output.
bool print_diagnostics(const base::DiagnosticSink& sink, bool strict, bool quiet, std::ostream& err);

// SOURCE_DATE_EPOCH when set, with a warning when it is not a number of seconds.
std::optional<std::int64_t> source_date_epoch(std::ostream& err);

// `bytes` to `path` (written atomically), or to `out` when path is "-". Returns the exit status.
int write_output(const std::string& path, const std::string& bytes, std::ostream& out, std::ostream& err);

}  // namespace pp::cli
