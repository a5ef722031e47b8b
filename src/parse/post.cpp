// Parsing one post: the stages in order, and the language fallbacks.
#include "parse/post.hpp"

#include "base/file_io.hpp"
#include "model/lang.hpp"
#include "parse/front_matter.hpp"
#include "parse/heading_ids.hpp"
#include "parse/line_joining.hpp"
#include "parse/markdown.hpp"
#include "parse/source_text.hpp"

namespace pp::parse {

std::optional<std::string> lang_from_path(const std::filesystem::path& path) {
  for (auto dir = path.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    if (auto lang = model::lang_from_path_segment(dir.filename().string())) return lang;
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

model::Document parse_post(const std::string& name, const std::filesystem::path& path, std::string bytes,
                           const PostOptions& options, base::DiagnosticSink& sink) {
  SourceText src = split_source(name, std::move(bytes));
  if (src.replaced_controls > 0)
    sink.warning(name, src.first_control,
                 std::to_string(src.replaced_controls) + " control character(s) replaced by U+FFFD",
                 {"control characters other than tab and newline cannot appear in EPUB or PDF text"});
  model::Document doc;
  doc.source_name = name;
  doc.source_path = path;
  doc.meta = parse_front_matter(name, src, sink);
  doc.meta.slug = path.stem().string();

  std::optional<std::string> lang;
  if (!doc.meta.lang.empty()) {
    lang = model::normalize_lang(doc.meta.lang);
    if (!lang) {
      sink.warning(name, doc.meta.pos_of("lang"), "'" + doc.meta.lang + "' is not a language tag; ignored",
                   {"use a BCP 47 tag such as en, zh, zh-Hant, ja or ko"});
    }
  }
  if (!lang) lang = lang_from_path(path);
  if (!lang) lang = model::normalize_lang(options.fallback_lang);
  doc.meta.lang = lang.value_or("en");

  if (doc.meta.title.empty()) {
    sink.warning(name, {1, 1}, "post has no title; using its file name '" + doc.meta.slug + "'",
                 {"add 'title: ...' to the front matter"});
    doc.meta.title = doc.meta.slug;
  }

  doc.blocks = parse_markdown(src.body, src.body_line, name, options.limits.max_nesting, sink);
  join_lines(doc.blocks);
  assign_heading_ids(doc.blocks);
  return doc;
}

model::Document load_post(const std::string& name, const std::filesystem::path& path, const PostOptions& options,
                          base::DiagnosticSink& sink) {
  std::string why;
  auto bytes = base::read_file(path, why, options.limits.max_input_bytes);
  if (!bytes) {
    std::vector<std::string> hints;
    if (why.starts_with("file is larger")) hints.push_back("--max-input-size raises the limit");
    base::fail(name, {}, "cannot read post: " + why, std::move(hints));
  }
  return parse_post(name, path, std::move(*bytes), options, sink);
}

}  // namespace pp::parse
