// Diagnostics: what stages report (into a sink) and the one fatal error type that stops a job.
#pragma once

#include "base/source_pos.hpp"

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace pp::base {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;  // as the user named it; empty for diagnostics about no file
  SourcePos pos;
  std::string message;             // lower case, no final period
  std::vector<std::string> hints;  // printed as indented "hint:" lines

  // "file:line:col: error: message" (the compiler style editors understand)
  std::string format() const;
};

// Collects diagnostics from one or more stages; safe to share between threads.
class DiagnosticSink {
 public:
  void report(Diagnostic d);
  void warning(std::string file, SourcePos pos, std::string message, std::vector<std::string> hints = {});
  void error(std::string file, SourcePos pos, std::string message, std::vector<std::string> hints = {});
  void append(const DiagnosticSink& other);

  std::vector<Diagnostic> diagnostics() const;
  bool has_errors() const;
  bool has_warnings() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> list_;
};

// Thrown when a job cannot produce its output; carries the diagnostic that explains why.
class FatalError : public std::runtime_error {
 public:
  explicit FatalError(Diagnostic d);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

[[noreturn]] void fail(std::string file, SourcePos pos, std::string message,
                       std::vector<std::string> hints = {});

}  // namespace pp::base
