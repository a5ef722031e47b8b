// Hand-written option parsing: few options, and exact messages for each mistake.
#include "cli/options.hpp"

#include "base/limits.hpp"
#include "cli/option_arg.hpp"

#include <cstdlib>

namespace pp::cli {

const char* usage_text() {
  return "usage: postpress [options] POST.md... -o OUTPUT.epub|OUTPUT.pdf\n"
         "       postpress check POST.md...\n"
         "       postpress mermaid IN.mmd -o OUT.svg|png|pdf   (see postpress mermaid --help)\n"
         "\n"
         "Turns Markdown blog posts (YAML front matter, GFM) into an EPUB 3 book or a typeset PDF:\n"
         "one post, or several posts as chapters in the order given.\n"
         "\n"
         "options:\n"
         "  -o, --output FILE        the book to write; the format comes from its extension (.epub,\n"
         "                           .pdf); - writes to standard output (with --to)\n"
         "      --to FORMAT          epub or pdf (overrides the extension)\n"
         "      --title TEXT         book title (default: the post's title; required for several posts)\n"
         "      --author TEXT        book author (default: the posts' authors)\n"
         "      --lang TAG           book language, and the language of posts that name none\n"
         "                           (default: the first post's; posts: front matter 'lang', then a\n"
         "                           folder named en/zh/zh-hant/ja/ko in their path, then this, then en)\n"
         "      --sort input|date    chapter order: as given (default) or by pubDate, oldest first\n"
         "      --figures png|svg    diagrams and table images in the EPUB as 2x PNG (default) or SVG\n"
         "      --tables image|html  tables in the EPUB as images that every reader shows alike (default;\n"
         "                           the alt text holds the cells) or as XHTML tables\n"
         "      --code-line-numbers  number the lines of code blocks (EPUB and PDF)\n"
         "      --no-highlight       leave code uncoloured (default: syntax highlighting from the fence's\n"
         "                           language, with KSyntaxHighlighting's definitions)\n"
         "PDF:\n"
         "      --print              print edition: mirrored margins, chapters open on right-hand pages\n"
         "      --page-size SIZE     A4, A5, B5, Letter, 6x9in or WIDTHxHEIGHT (170mmx240mm); default A5\n"
         "      --theme FILE         a YAML theme over the built-in one (see styles/print.yaml)\n"
         "      --toc, --no-toc      table of contents (default: on for several posts)\n"
         "      --resource-path DIR  also allow images from DIR (repeatable); by default images must\n"
         "                           lie inside the post's project folder\n"
         "      --base-url URL       make site-absolute links (/blog/x/) to posts outside the book absolute\n"
         "      --strict             treat warnings as errors (no output is written)\n"
         "      --dump-tree          print each post's document tree instead of writing a book\n"
         "  -j, --jobs N             threads for parsing, figures and highlighting (default: one per core)\n"
         "limits (each refuses or cuts down larger input with a message naming the flag):\n"
         "      --max-input-size SIZE    a post's size (default 64M; K, M, G suffixes)\n"
         "      --max-nesting N          lists and quotes nested deeper are flattened (default 64, at most 1000)\n"
         "      --max-diagram-edges N    edges of one diagram (default 500, as Mermaid); four nodes an edge\n"
         "      --max-image-pixels N     pixels of one image, from its header (default 100M)\n"
         "  -q, --quiet              print errors only\n"
         "  -v, --verbose            say what was written\n"
         "  -h, --help               this text\n"
         "      --version            the version\n"
         "\n"
         "environment: SOURCE_DATE_EPOCH fixes the book's modification time (otherwise the newest\n"
         "pubDate/updatedDate), so the same input always gives the same bytes.\n"
         "exit status: 0 done, 1 input errors, 2 usage errors\n";
}

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  std::size_t i = 0;
  if (!args.empty() && args[0] == "check") {
    o.mode = Mode::check;
    i = 1;
  }
  auto value = [&](const std::string& name) -> std::string {
    if (i + 1 >= args.size()) throw UsageError{"option '" + name + "' needs a value"};
    return args[++i];
  };
  bool only_files = false;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_files || a == "-" || a.empty() || a[0] != '-') {
      o.request.inputs.push_back(a);
      continue;
    }
    const OptionArg arg = split_option(a);
    const std::string& name = arg.name;
    auto take = [&]() { return arg.inline_value ? *arg.inline_value : value(name); };
    // Switches: true, unless a value was given to one.
    auto on = [&]() {
      if (const std::string problem = switch_value_problem(arg); !problem.empty()) throw UsageError{problem};
      return true;
    };
    if (name == "--") only_files = on();
    else if (name == "-o" || name == "--output") o.request.output = take();
    else if (name == "--to") {
      const std::string f = take();
      if (f == "epub") o.format = Format::epub;
      else if (f == "pdf") o.format = Format::pdf;
      else throw UsageError{"unknown output format '" + f + "' (expected epub or pdf)"};
    } else if (name == "--title") o.request.title = take();
    else if (name == "--author") o.request.author = take();
    else if (name == "--lang") o.request.lang = take();
    else if (name == "--sort") {
      const std::string s = take();
      if (s == "input") o.request.order = build::ChapterOrder::input;
      else if (s == "date") o.request.order = build::ChapterOrder::date;
      else throw UsageError{"unknown --sort order '" + s + "' (expected input or date)"};
    } else if (name == "--figures") {
      const std::string f = take();
      if (f == "png") o.epub.figures = epub::FigureFormat::png;
      else if (f == "svg") o.epub.figures = epub::FigureFormat::svg;
      else throw UsageError{"unknown --figures format '" + f + "' (expected png or svg)"};
    } else if (name == "--print") o.pdf.print = on();
    else if (name == "--tables") {
      const std::string t = take();
      if (t == "image") o.epub.tables = epub::TableFormat::image;
      else if (t == "html") o.epub.tables = epub::TableFormat::html;
      else throw UsageError{"unknown --tables format '" + t + "' (expected image or html)"};
    } else if (name == "--no-highlight") {
      o.epub.highlight = o.pdf.highlight = !on();
    } else if (name == "--code-line-numbers") {
      o.epub.code_line_numbers = o.pdf.code_line_numbers = on();
    } else if (name == "--toc") o.pdf.toc = on();
    else if (name == "--no-toc") o.pdf.toc = !on();
    else if (name == "--theme") o.theme_file = take();
    else if (name == "--page-size") {
      const std::string size = take();
      o.page_size = pdf::page_size_named(size);
      if (!o.page_size)
        throw UsageError{"unknown page size '" + size + "' (expected A4, A5, B5, Letter, 6x9in or WIDTHxHEIGHT such as 170mmx240mm)"};
    } else if (name == "--resource-path") o.request.resource_paths.emplace_back(take());
    else if (name == "--base-url") o.request.base_url = take();
    else if (name == "-j" || name == "--jobs") {
      const std::string n = take();
      char* end = nullptr;
      const long jobs = std::strtol(n.c_str(), &end, 10);
      if (n.empty() || *end || jobs < 1 || jobs > 256) throw UsageError{"--jobs needs a number from 1 to 256, not '" + n + "'"};
      o.request.jobs = o.epub.jobs = o.pdf.jobs = static_cast<unsigned>(jobs);
    } else if (name == "--max-input-size") {
      const std::string n = take();
      const auto bytes = base::parse_byte_size(n);
      if (!bytes) throw UsageError{"--max-input-size needs a size such as 64M, 512K or 1G, not '" + n + "'"};
      o.request.limits.max_input_bytes = *bytes;
    } else if (name == "--max-nesting") {
      const std::string n = take();
      const auto depth = base::parse_count(n);
      if (!depth || *depth > base::ResourceLimits::max_nesting_cap)
        throw UsageError{"--max-nesting needs a number from 1 to " + std::to_string(base::ResourceLimits::max_nesting_cap) +
                         ", not '" + n + "'"};
      o.request.limits.max_nesting = static_cast<int>(*depth);
    } else if (name == "--max-diagram-edges") {
      std::string problem;
      const auto edges = diagram_edges_value(take(), problem);
      if (!edges) throw UsageError{problem};
      o.request.limits.max_diagram_edges = *edges;
    } else if (name == "--max-image-pixels") {
      const std::string n = take();
      const auto pixels = base::parse_count(n);
      if (!pixels) throw UsageError{"--max-image-pixels needs a pixel count such as 100M or 40000000, not '" + n + "'"};
      o.request.limits.max_image_pixels = *pixels;
    } else if (name == "--strict") o.strict = on();
    else if (name == "--dump-tree" && on()) o.mode = Mode::dump_tree;
    else if (name == "-q" || name == "--quiet") o.quiet = on();
    else if (name == "-v" || name == "--verbose") o.verbose = on();
    else if ((name == "-h" || name == "--help") && on()) o.mode = Mode::help;
    else if (name == "--version" && on()) o.mode = Mode::version;
    else throw UsageError{"unknown option '" + a + "'"};
  }
  o.epub.limits = o.pdf.limits = o.request.limits;
  if (o.mode == Mode::help || o.mode == Mode::version) return o;
  if (o.request.inputs.empty()) throw UsageError{"no input posts given"};
  for (const auto& in : o.request.inputs)
    if (in == "-") throw UsageError{"reading a post from standard input is not supported; name the file"};
  if (o.mode != Mode::convert) return o;
  if (o.request.output.empty()) throw UsageError{"no output file given (use -o FILE.epub)"};
  if (o.request.inputs.size() > 1 && o.request.title.empty())
    throw UsageError{"a book of " + std::to_string(o.request.inputs.size()) + " posts needs a title (use --title \"...\")"};
  if (!o.format && o.request.output == "-") throw UsageError{"writing to standard output needs --to epub or --to pdf"};
  if (!o.format) {
    const std::string ext = o.request.output.extension().string();
    if (ext == ".epub") o.format = Format::epub;
    else if (ext == ".pdf") o.format = Format::pdf;
    else throw UsageError{"cannot tell the format of '" + o.request.output.string() + "' (use .epub, .pdf or --to)"};
  }
  return o;
}

}  // namespace pp::cli
