// Preprocessing in Mermaid's order: tag quotes, front matter, directives, comment lines; then config extraction.
#include "figure/mermaid/syntax/preprocess.hpp"

#include "figure/mermaid/syntax/config_tree.hpp"
#include "figure/mermaid/syntax/scan.hpp"

#include <array>

namespace pp::figure::mermaid::syntax {

namespace {

void add_notes(IssueLog& log, const ConfigRead& read) {
  for (const auto& e : read.errors) log.warning(e.offset, "configuration not read: " + e.message);
  for (const auto& w : read.warnings) log.warning(w.offset, w.message);
}

// Inside `<tag ...>`, attribute values in double quotes get single quotes (Mermaid's cleanupText), so that
// `A["<span class="x">hi</span>"]` keeps its label. Same length, so positions do not move.
void single_quote_tag_attributes(SourceText& source) {
  const std::string& s = source.text();
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string::npos) {
    if (i + 1 >= s.size() || !is_word_char(s[i + 1])) {
      ++i;
      continue;
    }
    const std::size_t close = s.find('>', i);
    if (close == std::string::npos) return;
    for (std::size_t k = i; k + 1 < close; ++k) {
      if (s[k] != '=' || s[k + 1] != '"') continue;
      const std::size_t end = s.find('"', k + 2);
      if (end == std::string::npos || end > close) break;
      source.set(k + 1, '\'');
      source.set(end, '\'');
      k = end;
    }
    i = close + 1;
  }
}

// Front matter: the text starts exactly with "---" and a line break; a line of "---" closes it.
void front_matter(SourceText& source, IssueLog& log, ConfigValue& config, DiagramConfig& out) {
  const std::string& s = source.text();
  // Mermaid wants "---" at offset 0; blank lines and indentation before it (common in fenced blocks) are allowed.
  const std::size_t open = skip_spaces(s, 0);
  const std::size_t open_end = line_end(s, open);
  if (trim_ascii(std::string_view(s).substr(open, open_end - open)) != "---") return;
  std::size_t line = open_end + 1;
  std::size_t close = std::string::npos;
  while (line < s.size()) {
    const std::size_t end = line_end(s, line);
    if (trim_ascii(std::string_view(s).substr(line, end - line)) == "---") {
      close = line;
      break;
    }
    line = end + 1;
  }
  if (close == std::string::npos) {
    log.error(open, "front matter is not closed with a line of '---'");
    source.blank(0, s.size());
    return;
  }
  ConfigRead read = read_yaml_config(std::string_view(s).substr(open_end + 1, close - open_end - 1), open_end + 1);
  add_notes(log, read);
  if (read.value) {
    if (const ConfigValue* title = read.value->find("title"); title && title->kind == ConfigValue::Kind::scalar) {
      out.title = title->scalar;
    }
    if (const ConfigValue* c = read.value->find("config"); c && c->kind == ConfigValue::Kind::map) config = *c;
  }
  source.blank(0, line_end(s, close));
}

// Returns the end of the directive that starts at `at` ("%%{"), or npos when it is not closed.
std::size_t directive(SourceText& source, IssueLog& log, std::size_t at, ConfigValue& config) {
  const std::string& s = source.text();
  const std::size_t close = s.find("}%%", at + 3);
  if (close == std::string::npos) return std::string::npos;
  const std::string_view body = std::string_view(s).substr(at + 3, close - at - 3);
  std::size_t k = skip_spaces(body, 0);
  const std::size_t word_start = k;
  while (k < body.size() && is_word_char(body[k])) ++k;
  const std::string word(body.substr(word_start, k - word_start));
  k = skip_spaces(body, k);
  if (k < body.size() && body[k] == ':') ++k;
  if (word == "init" || word == "initialize") {
    ConfigRead read = read_flow_config(body.substr(k), at + 3 + k);
    add_notes(log, read);
    if (read.value && read.value->kind == ConfigValue::Kind::map) config.merge_from(*read.value);
  } else if (word != "wrap") {
    log.warning(at, "directive '" + word + "' ignored");
  }
  return close + 3;
}

void directives(SourceText& source, IssueLog& log, ConfigValue& config) {
  std::size_t i = 0;
  bool unclosed = false;  // once one has no "}%%" after it, none after it has: no need to search again
  while ((i = source.text().find("%%{", i)) != std::string::npos) {
    const std::size_t end = unclosed ? std::string::npos : directive(source, log, i, config);
    if (end == std::string::npos) {
      if (!unclosed) log.error(i, "directive is not closed with '}%%'");
      unclosed = true;
      source.blank(i, line_end(source.text(), i));
      i += 3;
      continue;
    }
    source.blank(i, end);
    i = end;
  }
}

// Whole-line `%%` comments. Mermaid keeps a line of only "%%" (a flowchart then has a node named "%%");
// an author writing it means an empty comment, so it goes too.
void comment_lines(SourceText& source) {
  const std::string& s = source.text();
  std::size_t line = 0;
  while (line < s.size()) {
    const std::size_t end = line_end(s, line);
    const std::size_t first = skip_blanks(s, line);
    if (starts_with_at(s, first, "%%")) source.blank(line, end);
    line = end + 1;
  }
}

std::string scalar_text(const ConfigValue& v) { return v.kind == ConfigValue::Kind::scalar ? v.scalar : ""; }

// `at`: where the configuration was written (the front matter or first directive), for warnings.
void extract(const ConfigValue& config, std::size_t at, IssueLog& log, DiagramConfig& out) {
  if (const ConfigValue* theme = config.find("theme")) {
    out.theme = scalar_text(*theme);
    static constexpr std::array<std::string_view, 5> known{"default", "forest", "dark", "neutral", "base"};
    if (std::find(known.begin(), known.end(), out.theme) == known.end()) {
      log.warning(at, "unknown theme '" + out.theme + "'; the default theme is used");
    }
  }
  if (const ConfigValue* vars = config.find("themeVariables"); vars && vars->kind == ConfigValue::Kind::map) {
    for (std::size_t i = 0; i < vars->keys.size(); ++i) {
      if (vars->values[i].kind == ConfigValue::Kind::scalar)
        out.theme_variables[vars->keys[i]] = vars->values[i].scalar;
    }
  }
  if (const ConfigValue* flow = config.find("flowchart")) {
    if (const ConfigValue* curve = flow->find("curve")) {
      const std::string name = scalar_text(*curve);
      if (is_known_curve(name)) out.curve = name;
      else log.warning(at, "unknown curve '" + name + "'; 'basis' is used");
    }
  }
  if (const ConfigValue* seq = config.find("sequence")) {
    if (const ConfigValue* show = seq->find("showSequenceNumbers")) out.show_sequence_numbers = show->scalar == "true";
  }
  if (const ConfigValue* look = config.find("look"); look && scalar_text(*look) != "classic") {
    log.warning(at, "look '" + scalar_text(*look) + "' is not supported; the classic look is used");
  }
  if (const ConfigValue* layout = config.find("layout"); layout && scalar_text(*layout) != "dagre") {
    log.warning(at, "layout '" + scalar_text(*layout) + "' is not supported; the default layout is used");
  }
}

}  // namespace

bool is_known_curve(std::string_view name) {
  static constexpr std::array<std::string_view, 13> curves{
      "basis",     "bumpX",   "bumpY", "cardinal",  "catmullRom", "linear", "monotoneX",
      "monotoneY", "natural", "step",  "stepAfter", "stepBefore", "rounded"};
  return std::find(curves.begin(), curves.end(), name) != curves.end();
}

DiagramConfig preprocess(SourceText& source, IssueLog& log) {
  DiagramConfig out;
  if (source.text().starts_with("\xEF\xBB\xBF")) source.blank(0, 3);
  single_quote_tag_attributes(source);
  ConfigValue config;
  config.kind = ConfigValue::Kind::map;
  front_matter(source, log, config, out);
  const std::size_t first_directive = source.text().find("%%{");
  const std::size_t config_at = config.keys.empty() && first_directive != std::string::npos ? first_directive : 0;
  directives(source, log, config);  // directive config wins over front matter: merged after it
  comment_lines(source);
  extract(config, config_at, log, out);
  return out;
}

}  // namespace pp::figure::mermaid::syntax
