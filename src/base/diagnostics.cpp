// Diagnostics formatting and the thread-safe sink.
#include "base/diagnostics.hpp"

namespace pp::base {

std::string Diagnostic::format() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (pos.known()) out += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column > 0 ? pos.column : 1);
    out += ": ";
  }
  out += severity == Severity::error ? "error: " : "warning: ";
  out += message;
  for (const auto& hint : hints) out += "\n  hint: " + hint;
  return out;
}

void DiagnosticSink::report(Diagnostic d) {
  std::lock_guard lock(mutex_);
  list_.push_back(std::move(d));
}

void DiagnosticSink::warning(std::string file, SourcePos pos, std::string message, std::vector<std::string> hints) {
  report({Severity::warning, std::move(file), pos, std::move(message), std::move(hints)});
}

void DiagnosticSink::error(std::string file, SourcePos pos, std::string message, std::vector<std::string> hints) {
  report({Severity::error, std::move(file), pos, std::move(message), std::move(hints)});
}

void DiagnosticSink::append(const DiagnosticSink& other) {
  auto items = other.diagnostics();
  std::lock_guard lock(mutex_);
  list_.insert(list_.end(), items.begin(), items.end());
}

std::vector<Diagnostic> DiagnosticSink::diagnostics() const {
  std::lock_guard lock(mutex_);
  return list_;
}

bool DiagnosticSink::has_errors() const {
  std::lock_guard lock(mutex_);
  for (const auto& d : list_)
    if (d.severity == Severity::error) return true;
  return false;
}

bool DiagnosticSink::has_warnings() const {
  std::lock_guard lock(mutex_);
  for (const auto& d : list_)
    if (d.severity == Severity::warning) return true;
  return false;
}

FatalError::FatalError(Diagnostic d) : std::runtime_error(d.format()), diagnostic_(std::move(d)) {}

void fail(std::string file, SourcePos pos, std::string message, std::vector<std::string> hints) {
  throw FatalError({Severity::error, std::move(file), pos, std::move(message), std::move(hints)});
}

}  // namespace pp::base
