// The mermaid subcommand: options, reading the source (a file or standard input), diagnostics, output.
#include "cli/mermaid_command.hpp"

#include "cli/job_output.hpp"
#include "cli/option_arg.hpp"

#include "base/file_io.hpp"
#include "base/limits.hpp"
#include "figure/mermaid/render.hpp"
#include "model/lang.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <istream>
#include <iterator>
#include <ostream>
#include <thread>

namespace pp::cli {

namespace {

constexpr const char* usage =
    "usage: postpress mermaid IN.mmd|- -o OUT.svg|OUT.png|OUT.pdf|- [options]\n"
    "\n"
    "Draws one Mermaid flowchart or sequence diagram in Mermaid's default look, without a browser.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE   the image; its extension picks the format; - writes to standard output (with --to)\n"
    "      --to FORMAT     svg, png or pdf\n"
    "      --lang TAG      language of the labels, for CJK glyph forms (en, zh-Hans, zh-Hant, ja, ko; default en)\n"
    "      --scale N       PNG pixels per CSS pixel (default 2)\n"
    "      --max-diagram-edges N  refuse larger diagrams (default 500, Mermaid's maxEdges; four nodes an edge)\n"
    "  -q, --quiet         print errors only\n";

struct MermaidOptions {
  std::string input, output, lang = "en";
  std::optional<figure::ImageFormat> format;
  double scale = 2;
  std::size_t max_edges = base::ResourceLimits{}.max_diagram_edges;
  bool quiet = false;
};

std::optional<figure::ImageFormat> format_named(const std::string& s) {
  if (s == "svg") return figure::ImageFormat::svg;
  if (s == "png") return figure::ImageFormat::png;
  if (s == "pdf") return figure::ImageFormat::pdf;
  return std::nullopt;
}

// Returns an error message, or empty when the options are complete.
std::string parse(const std::vector<std::string>& args, MermaidOptions& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    // --opt=value as well as --opt value, as the main command takes them.
    const OptionArg arg = split_option(args[i]);
    const std::string& a = arg.name;
    auto value = [&]() -> std::optional<std::string> {
      if (arg.inline_value) return arg.inline_value;
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "-o" || a == "--output" || a == "--to" || a == "--lang" || a == "--scale" || a == "--max-diagram-edges") {
      auto v = value();
      if (!v) return "option '" + a + "' needs a value";
      if (a == "-o" || a == "--output") o.output = *v;
      else if (a == "--lang") o.lang = *v;
      else if (a == "--to") {
        o.format = format_named(*v);
        if (!o.format) return "unknown image format '" + *v + "' (expected svg, png or pdf)";
      } else if (a == "--max-diagram-edges") {
        std::string problem;
        const auto edges = diagram_edges_value(*v, problem);
        if (!edges) return problem;
        o.max_edges = *edges;
      } else {
        char* end = nullptr;
        o.scale = std::strtod(v->c_str(), &end);
        if (*end || !(o.scale >= 0.25 && o.scale <= 8)) return "--scale needs a number from 0.25 to 8, not '" + *v + "'";
      }
    } else if (a == "-q" || a == "--quiet") {
      if (std::string problem = switch_value_problem(arg); !problem.empty()) return problem;
      o.quiet = true;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return "unknown option '" + a + "'";
    } else if (o.input.empty()) {
      o.input = a;
    } else {
      return "one diagram at a time: '" + a + "' is a second input";
    }
  }
  if (o.input.empty()) return "no input diagram given (a .mmd file, or - for standard input)";
  if (o.output.empty()) return "no output file given (use -o FILE.svg, .png or .pdf)";
  if (!o.format) {
    const std::string ext = std::filesystem::path(o.output).extension().string();
    o.format = ext.size() > 1 ? format_named(ext.substr(1)) : std::nullopt;
    if (!o.format) return "cannot tell the format of '" + o.output + "' (use .svg, .png, .pdf or --to)";
  }
  if (!model::normalize_lang(o.lang)) return "'" + o.lang + "' is not a language tag";
  return {};
}

}  // namespace

int run_mermaid(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (!args.empty() && (args[0] == "-h" || args[0] == "--help")) {
    out << usage;
    return 0;
  }
  MermaidOptions o;
  if (const std::string problem = parse(args, o); !problem.empty()) {
    err << "postpress: error: " << problem << "\ntry 'postpress mermaid --help'\n";
    return 2;
  }
  const std::string name = o.input == "-" ? "<stdin>" : o.input;
  const auto limits = figure::mermaid::ParseLimits::for_edges(o.max_edges);
  // Files and standard input are read up to one limit, with one message past it. Below it, a diagram over
  // the parser's own size limit is read whole, so the parser's refusal gives its real size.
  const std::size_t read_limit = std::max<std::size_t>(limits.max_source_bytes + 1, 1u << 20);
  std::string why;
  std::optional<std::string> source;
  if (o.input == "-") {
    source.emplace();
    for (std::istreambuf_iterator<char> it(in), end; it != end && source; ++it) {
      if (source->size() == read_limit) {
        why = "file is larger than the " + base::byte_size_text(read_limit) + " limit";
        source.reset();
      } else {
        source->push_back(*it);
      }
    }
  } else {
    source = base::read_file(o.input, why, read_limit);
  }
  if (!source) {
    err << "postpress: " << name << ": error: cannot read diagram: " << why << '\n';
    return 1;
  }
  const auto result = figure::mermaid::prepare_diagram(*source, *model::normalize_lang(o.lang), limits);
  base::DiagnosticSink sink;
  for (const auto& w : result.warnings) sink.warning(name, w.pos, w.message);
  for (const auto& e : result.errors) sink.error(name, e.pos, e.message);

  figure::ImageRequest request;
  request.format = *o.format;
  request.png_scale = o.scale;
  request.pdf_timestamp = source_date_epoch(err).value_or(0);
  request.encode_on_second_thread = std::thread::hardware_concurrency() > 1;  // one figure: draw and encode at once
  std::string bytes;
  if (result.diagram) {
    const auto& diagram = *result.diagram;
    if (request.format == figure::ImageFormat::png) {
      const double fitted = figure::fitted_png_scale(diagram.width(), diagram.height(), request.png_scale);
      if (fitted < request.png_scale) {
        char scaled[160];
        std::snprintf(scaled, sizeof scaled, "the diagram is %ld x %ld px; drawn at scale %g to stay within PNG limits (%.0f px a side, %.0f megapixels)",
                      static_cast<long>(diagram.width()), static_cast<long>(diagram.height()), fitted,
                      figure::max_png_side, figure::max_png_pixels / 1e6);
        sink.warning(name, {}, scaled, {"--to svg keeps every detail"});
      }
    }
    bytes = diagram.render(request);
  }
  if (print_diagnostics(sink, false, o.quiet, err) || !result.diagram) return 1;
  return write_output(o.output, bytes, out, err);
}

}  // namespace pp::cli
