#include "cli/job_output.hpp"

#include "base/file_io.hpp"

#include <cstdlib>
#include <ostream>

namespace pp::cli {

bool print_diagnostics(const base::DiagnosticSink& sink, bool strict, bool quiet, std::ostream& err) {
  bool stop = false;
  for (auto d : sink.diagnostics()) {
    if (d.severity == base::Severity::warning && strict) d.severity = base::Severity::error;
    if (d.severity == base::Severity::error) stop = true;
    else if (quiet) continue;
    err << "postpress: " << d.format() << '\n';
  }
  return stop;
}

std::optional<std::int64_t> source_date_epoch(std::ostream& err) {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  const long long seconds = std::strtoll(value, &end, 10);
  if (*end || seconds < 0) {
    err << "postpress: warning: SOURCE_DATE_EPOCH='" << value << "' is not a number of seconds; ignored\n";
    return std::nullopt;
  }
  return seconds;
}

int write_output(const std::string& path, const std::string& bytes, std::ostream& out, std::ostream& err) {
  if (path == "-") {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    return out ? 0 : 1;
  }
  if (auto problem = base::write_file_atomically(path, bytes)) {
    err << "postpress: error: " << *problem << '\n';
    return 1;
  }
  return 0;
}

}  // namespace pp::cli
