// Lenient readers for Mermaid's diagram configuration (front-matter YAML, %%{init}%% JSON), depth-capped.
#include "figure/mermaid/syntax/config_tree.hpp"

#include "figure/css_color.hpp"
#include "figure/mermaid/syntax/scan.hpp"

namespace pp::figure::mermaid::syntax {

namespace {

constexpr int max_depth = 32;

ConfigValue make_scalar(std::string s) {
  ConfigValue v;
  v.scalar = std::move(s);
  return v;
}

void set_key(ConfigValue& map, std::string key, ConfigValue value) {
  for (std::size_t i = 0; i < map.keys.size(); ++i) {
    if (map.keys[i] == key) {
      map.values[i] = std::move(value);
      return;
    }
  }
  map.keys.push_back(std::move(key));
  map.values.push_back(std::move(value));
}

// A quoted string at s[i] ('"' or '\''); advances i past the closing quote. Handles the usual backslash escapes
// in double quotes and '' in single quotes (YAML), which is all diagrams use.
std::optional<std::string> read_quoted(std::string_view s, std::size_t& i) {
  const char q = s[i++];
  std::string out;
  while (i < s.size()) {
    const char c = s[i];
    if (c == q) {
      if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      ++i;
      return out;
    }
    if (c == '\\' && q == '"' && i + 1 < s.size()) {
      const char e = s[i + 1];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  return std::nullopt;
}

class FlowReader {
 public:
  FlowReader(std::string_view s, std::size_t base, ConfigRead& out) : s_(s), base_(base), out_(out) {}

  std::optional<ConfigValue> value(int depth) {
    skip();
    if (depth > max_depth) return fail("configuration is nested too deeply");
    if (i_ >= s_.size()) return fail("expected a value");
    const char c = s_[i_];
    if (c == '{') return map(depth);
    if (c == '[') return list(depth);
    if (c == '"' || c == '\'') {
      const std::size_t at = i_;
      if (auto q = read_quoted(s_, i_)) return make_scalar(std::move(*q));
      i_ = at;
      return fail("unclosed string");
    }
    if (c == ',' || c == '}' || c == ']') return fail("expected a value");  // also ends `[a }` loops
    return bare(",}]");
  }

  std::size_t pos() const { return i_; }
  void skip() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }

 private:
  std::optional<ConfigValue> fail(const char* message) {
    out_.errors.push_back(ConfigNote{base_ + i_, message});
    return std::nullopt;
  }

  ConfigValue bare(std::string_view stops) {
    const std::size_t start = i_;
    while (i_ < s_.size() && stops.find(s_[i_]) == std::string_view::npos) ++i_;
    return make_scalar(std::string(trim_ascii(s_.substr(start, i_ - start))));
  }

  std::optional<std::string> key() {
    skip();
    if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) return read_quoted(s_, i_);
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ':' && s_[i_] != '}' && s_[i_] != ',') ++i_;
    if (i_ == start) return std::nullopt;
    return std::string(trim_ascii(s_.substr(start, i_ - start)));
  }

  std::optional<ConfigValue> map(int depth) {
    ConfigValue m;
    m.kind = ConfigValue::Kind::map;
    ++i_;  // '{'
    while (true) {
      skip();
      if (i_ >= s_.size()) return fail("expected '}' to close the mapping");
      if (s_[i_] == '}') {
        ++i_;
        return m;
      }
      auto k = key();
      skip();
      if (!k || i_ >= s_.size() || s_[i_] != ':') return fail("expected 'key: value' in the mapping");
      ++i_;
      auto v = value(depth + 1);
      if (!v) return std::nullopt;
      set_key(m, std::move(*k), std::move(*v));
      skip();
      if (i_ < s_.size() && s_[i_] == ',') ++i_;
    }
  }

  std::optional<ConfigValue> list(int depth) {
    ConfigValue l;
    l.kind = ConfigValue::Kind::list;
    ++i_;  // '['
    while (true) {
      skip();
      if (i_ >= s_.size()) return fail("expected ']' to close the list");
      if (s_[i_] == ']') {
        ++i_;
        return l;
      }
      auto v = value(depth + 1);
      if (!v) return std::nullopt;
      l.values.push_back(std::move(*v));
      skip();
      if (i_ < s_.size() && s_[i_] == ',') ++i_;
    }
  }

  std::string_view s_;
  std::size_t base_;
  ConfigRead& out_;
  std::size_t i_ = 0;
};

struct YamlLine {
  std::size_t offset;  // of the content, after the indentation
  int indent;
  std::string_view content;  // without indentation and trailing spaces
};

class YamlReader {
 public:
  YamlReader(std::string_view s, std::size_t base, ConfigRead& out) : base_(base), out_(out) {
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string_view::npos) end = s.size();
      const std::string_view line = s.substr(start, end - start);
      std::size_t k = 0;
      while (k < line.size() && line[k] == ' ') ++k;
      const std::string_view content = trim_ascii(line.substr(k));
      if (!content.empty() && content[0] != '#') {
        lines_.push_back(YamlLine{start + k, static_cast<int>(k), content});
      }
      start = end + 1;
    }
  }

  ConfigValue document() {
    if (lines_.empty()) return ConfigValue{ConfigValue::Kind::map, {}, {}, {}};
    return block(lines_[0].indent, 0);
  }

 private:
  // The mapping (or list) whose entries sit at exactly `indent`, starting at line_.
  ConfigValue block(int indent, int depth) {
    ConfigValue out;
    const bool is_list = lines_[line_].content.starts_with("- ") || lines_[line_].content == "-";
    out.kind = is_list ? ConfigValue::Kind::list : ConfigValue::Kind::map;
    while (line_ < lines_.size() && lines_[line_].indent >= indent) {
      const YamlLine& l = lines_[line_];
      if (l.indent > indent) {
        warn(l.offset, "unexpected indentation in the front matter; line ignored");
        ++line_;
        continue;
      }
      if (is_list) list_item(out, l, depth);
      else map_entry(out, l, depth);
    }
    return out;
  }

  void list_item(ConfigValue& out, const YamlLine& l, int depth) {
    ++line_;
    const std::string_view rest = trim_ascii(l.content.substr(1));
    out.values.push_back(scalar_or_nested(rest, l.offset + (l.content.size() - rest.size()), l.indent, depth));
  }

  void map_entry(ConfigValue& out, const YamlLine& l, int depth) {
    ++line_;
    std::size_t colon = std::string_view::npos;
    std::string key;
    if (l.content[0] == '"' || l.content[0] == '\'') {
      std::size_t k = 0;
      auto q = read_quoted(l.content, k);
      if (q && k < l.content.size() && l.content[k] == ':') {
        key = *q;
        colon = k;
      }
    } else {
      // A key ends at the first ": " (or a ':' ending the line); "http://x" stays a scalar.
      for (std::size_t k = 0; k < l.content.size(); ++k) {
        if (l.content[k] == ':' && (k + 1 == l.content.size() || is_blank(l.content[k + 1]))) {
          colon = k;
          break;
        }
      }
      if (colon != std::string_view::npos) key = std::string(trim_ascii(l.content.substr(0, colon)));
    }
    if (colon == std::string_view::npos || key.empty()) {
      error(l.offset, "expected 'key: value' in the front matter");
      return;
    }
    const std::string_view rest = trim_ascii(l.content.substr(colon + 1));
    const std::size_t rest_offset = l.offset + (l.content.size() - rest.size());
    set_key(out, std::move(key), scalar_or_nested(rest, rest_offset, l.indent, depth));
  }

  ConfigValue scalar_or_nested(std::string_view rest, std::size_t offset, int indent, int depth) {
    if (rest.empty()) {
      if (line_ < lines_.size() && lines_[line_].indent > indent) {
        if (depth >= max_depth) {
          error(lines_[line_].offset, "front matter is nested too deeply");
          skip_deeper(indent);
          return ConfigValue{};
        }
        return block(lines_[line_].indent, depth + 1);
      }
      return ConfigValue{};
    }
    if (rest == "|" || rest == ">" || rest == "|-" || rest == ">-" || rest == "|+" || rest == ">+") {
      return block_scalar(indent, rest[0] == '|' ? '\n' : ' ');
    }
    if (rest[0] == '{' || rest[0] == '[') {
      ConfigRead sub = read_flow_config(rest, offset);
      for (auto& e : sub.errors) out_.errors.push_back(std::move(e));
      return sub.value ? std::move(*sub.value) : ConfigValue{};
    }
    if (rest[0] == '"' || rest[0] == '\'') return quoted_scalar(rest, offset);
    return make_scalar(bare_scalar(rest, offset));
  }

  // A quoted scalar, which may run over the following lines (their indentation is dropped).
  ConfigValue quoted_scalar(std::string_view rest, std::size_t offset) {
    std::string joined(rest);
    for (int extra = 0; extra <= 100; ++extra) {  // bounded: every try re-reads the string
      std::size_t k = 0;
      if (auto q = read_quoted(joined, k)) return make_scalar(std::move(*q));
      if (line_ >= lines_.size()) break;
      joined += '\n';
      joined += lines_[line_++].content;
    }
    error(offset, "unclosed string in the front matter");
    return ConfigValue{};
  }

  // A bare scalar up to a " #" comment. `key: #f9f` is a comment to YAML (so Mermaid sees null), but an author
  // writing a colour there means the colour: keep it, and say so.
  std::string bare_scalar(std::string_view rest, std::size_t offset) {
    if (rest[0] == '#') {
      const std::string_view word = rest.substr(0, rest.find_first_of(" \t"));
      if (parse_css_color(word)) {  // the word starts with '#': a hex colour
        warn(offset, "YAML reads " + std::string(word) + " as a comment (mermaid ignores it); quote the colour");
        return std::string(word);
      }
      return std::string();
    }
    const std::size_t hash = rest.find(" #");
    return std::string(trim_ascii(rest.substr(0, hash)));
  }

  ConfigValue block_scalar(int indent, char joiner) {
    std::string text;
    while (line_ < lines_.size() && lines_[line_].indent > indent) {
      if (!text.empty()) text += joiner;
      text += lines_[line_].content;
      ++line_;
    }
    return make_scalar(std::move(text));
  }

  void skip_deeper(int indent) {
    while (line_ < lines_.size() && lines_[line_].indent > indent) ++line_;
  }

  void warn(std::size_t offset, std::string message) {
    out_.warnings.push_back(ConfigNote{base_ + offset, std::move(message)});
  }
  void error(std::size_t offset, std::string message) {
    out_.errors.push_back(ConfigNote{base_ + offset, std::move(message)});
  }

  std::size_t base_;
  ConfigRead& out_;
  std::vector<YamlLine> lines_;
  std::size_t line_ = 0;
};

}  // namespace

const ConfigValue* ConfigValue::find(std::string_view key) const {
  if (kind != Kind::map) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &values[i];
  }
  return nullptr;
}

void ConfigValue::merge_from(const ConfigValue& other, int depth) {
  if (kind != Kind::map || other.kind != Kind::map || depth > max_depth) {
    *this = other;
    return;
  }
  for (std::size_t i = 0; i < other.keys.size(); ++i) {
    bool merged = false;
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (keys[j] == other.keys[i]) {
        values[j].merge_from(other.values[i], depth + 1);
        merged = true;
        break;
      }
    }
    if (!merged) {
      keys.push_back(other.keys[i]);
      values.push_back(other.values[i]);
    }
  }
}

ConfigRead read_flow_config(std::string_view text, std::size_t base_offset) {
  ConfigRead out;
  FlowReader reader(text, base_offset, out);
  out.value = reader.value(0);
  reader.skip();
  if (out.value && reader.pos() < text.size()) {
    out.warnings.push_back(ConfigNote{base_offset + reader.pos(), "text after the configuration value ignored"});
  }
  return out;
}

ConfigRead read_yaml_config(std::string_view text, std::size_t base_offset) {
  ConfigRead out;
  YamlReader reader(text, base_offset, out);
  out.value = reader.document();
  return out;
}

}  // namespace pp::figure::mermaid::syntax
