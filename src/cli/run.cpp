// Only this file prints. Diagnostics are printed in input order after the job, so output from
// parallel parsing never interleaves.
#include "cli/run.hpp"

#include "base/file_io.hpp"
#include "cli/job_output.hpp"
#include "cli/mermaid_command.hpp"
#include "cli/options.hpp"
#include "epub/epub_writer.hpp"
#include "figure/mermaid/post_diagrams.hpp"
#include "model/dump.hpp"
#include "parse/settings_file.hpp"
#include "pdf/pdf_writer.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <ostream>

namespace pp::cli {

namespace {

constexpr const char* version = "postpress 0.1.0";

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

int convert(Options& o, std::ostream& out, std::ostream& err) {
  for (const auto& in : o.request.inputs)
    if (same_file(in, o.request.output)) {
      err << "postpress: error: the output '" << o.request.output.string() << "' is also an input\n";
      return 2;
    }
  o.request.source_date_epoch = source_date_epoch(err);
  base::DiagnosticSink sink;
  auto posts = build::load_posts(o.request, sink);
  if (sink.has_errors()) {
    print_diagnostics(sink, o.strict, o.quiet, err);
    return 1;
  }
  std::string bytes;
  try {
    model::Book book = build::assemble_book(std::move(posts), o.request);
    if (o.format == Format::pdf) {
      if (!o.theme_file.empty()) pdf::apply_theme_settings(o.pdf.theme, parse::read_settings_file(o.theme_file, sink), sink);
      if (o.page_size) o.pdf.theme.page = *o.page_size;
      bytes = pdf::write_pdf(book, o.pdf, sink);
    } else {
      bytes = epub::write_epub(book, o.epub, sink);
    }
  } catch (const base::FatalError& e) {
    sink.report(e.diagnostic());
  }
  if (print_diagnostics(sink, o.strict, o.quiet, err)) return 1;
  if (const int status = write_output(o.request.output.string(), bytes, out, err); status != 0) return status;
  if (o.verbose && o.request.output != "-") out << "wrote " << o.request.output.string() << " (" << bytes.size() << " bytes)\n";
  return 0;
}

int check_or_dump(const Options& o, std::ostream& out, std::ostream& err) {
  base::DiagnosticSink sink;
  auto posts = build::load_posts(o.request, sink);
  // `check` also parses and lays out every diagram, so a broken one is found before a build.
  if (o.mode == Mode::check)
    for (const auto& doc : posts)
      figure::mermaid::check_diagrams(doc, figure::mermaid::ParseLimits::for_edges(o.request.limits.max_diagram_edges), sink);
  if (o.mode == Mode::dump_tree)
    for (const auto& doc : posts) out << "# " << doc.source_name << " (" << doc.meta.lang << ")\n" << model::dump(doc.blocks);
  return print_diagnostics(sink, o.strict, o.quiet, err) ? 1 : 0;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (!args.empty() && args[0] == "mermaid")
    return run_mermaid(std::vector<std::string>(args.begin() + 1, args.end()), std::cin, out, err);
  Options o;
  try {
    o = parse_options(args);
  } catch (const UsageError& e) {
    err << "postpress: error: " << e.message << "\n" << "try 'postpress --help'\n";
    return 2;
  }
  switch (o.mode) {
    case Mode::help: out << usage_text(); return 0;
    case Mode::version: out << version << '\n'; return 0;
    case Mode::check:
    case Mode::dump_tree: return check_or_dump(o, out, err);
    case Mode::convert: return convert(o, out, err);
  }
  return 2;
}

}  // namespace pp::cli
