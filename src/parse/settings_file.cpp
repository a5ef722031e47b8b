// yaml-cpp stays inside parse/: settings leave this file as dotted keys and positions.
#include "parse/settings_file.hpp"

#include "base/file_io.hpp"
#include "base/line_index.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <string_view>
#include <vector>

namespace pp::parse {

namespace {

// An alias may point at a mapping full of aliases ("billion laughs"), so every node walked counts
// against a budget no real settings file comes near.
constexpr int max_nodes_walked = 20000;
// Real settings nest three or four levels; the limit keeps the walk (and its key strings) small even for
// an alias that refers to a mapping containing itself.
constexpr int max_depth = 16;
// A theme is a page of text; anything much larger is not a settings file.
constexpr std::uintmax_t max_file_bytes = 1u << 20;

// Diagnostics are lower case without a final period; yaml-cpp's and strerror's texts are not always.
std::string as_message(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

base::SourcePos position(const YAML::Mark& m) {
  if (m.line < 0) return {};
  return {m.line + 1, m.column + 1};
}

class Flattener {
 public:
  Flattener(const std::string& name, const std::string& text, base::DiagnosticSink& sink, base::SettingsFile& out)
      : name_(name), lines_(text), sink_(sink), out_(out) {}

  void mapping(const YAML::Node& map, const std::string& prefix, int depth) {
    for (const auto& kv : map) {
      count(kv.first);
      if (!kv.first.IsScalar()) {
        sink_.warning(name_, position(kv.first.Mark()), "a settings key must be text; ignored");
        continue;
      }
      const std::string key = prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar();
      value(kv.first, kv.second, key, depth);
    }
  }

 private:
  void value(const YAML::Node& key_node, const YAML::Node& node, const std::string& key, int depth) {
    count(node);
    if (node.IsScalar()) {
      out_.settings.push_back({key, node.Scalar(), position(node.Mark())});
    } else if (node.IsMap()) {
      if (depth >= max_depth) {
        sink_.warning(name_, position(node.Mark()),
                      "setting '" + key + "' nests deeper than " + std::to_string(max_depth) + " levels; ignored");
        return;
      }
      mapping(node, key, depth + 1);
    } else if (node.IsSequence()) {
      sink_.warning(name_, position(node.Mark()), "setting '" + key + "' is a list, not a single value; ignored");
    } else {
      // yaml-cpp marks a missing value at the token after it, so the key's position is the honest one.
      const base::SourcePos pos = position(key_node.Mark());
      std::vector<std::string> hints;
      if (comment_after_key(pos))
        hints.push_back("YAML reads an unquoted '#' as the start of a comment: quote the value, as in '#1f1f1f'");
      sink_.warning(name_, pos, "setting '" + key + "' has no value; ignored", std::move(hints));
    }
  }

  void count(const YAML::Node& node) {
    if (++walked_ > max_nodes_walked)
      base::fail(name_, position(node.Mark()),
                 "settings file is too large (over " + std::to_string(max_nodes_walked) +
                     " values once aliases are expanded)");
  }

  // Whether the key's line has a '#' after the key, the usual reason `color: #fff` reads as no value.
  bool comment_after_key(base::SourcePos pos) const {
    if (!pos.known()) return false;
    const std::string_view line = lines_.line(pos.line);
    const std::size_t colon = line.find(':', static_cast<std::size_t>(pos.column - 1));
    return colon != std::string_view::npos && line.find('#', colon) != std::string_view::npos;
  }

  const std::string& name_;
  const base::LineIndex lines_;  // indexed once, for the hints of any number of warnings
  base::DiagnosticSink& sink_;
  base::SettingsFile& out_;
  int walked_ = 0;
};

}  // namespace

base::SettingsFile parse_settings_file(const std::string& name, const std::string& yaml_text,
                                       base::DiagnosticSink& sink) {
  base::SettingsFile file;
  file.name = name;
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::ParserException& e) {
    base::fail(name, position(e.mark), "invalid YAML: " + as_message(e.msg));
  } catch (const YAML::Exception& e) {
    base::fail(name, {}, "invalid YAML: " + as_message(e.msg));
  }
  if (root.IsNull()) return file;  // empty, or only comments
  if (!root.IsMap())
    base::fail(name, position(root.Mark()), "a settings file must be a mapping of keys to values (key: value)");
  try {
    Flattener(name, yaml_text, sink, file).mapping(root, "", 1);
  } catch (const YAML::Exception& e) {
    base::fail(name, position(e.mark), "unreadable settings file: " + as_message(e.msg));
  }
  return file;
}

base::SettingsFile read_settings_file(const std::filesystem::path& path, base::DiagnosticSink& sink) {
  std::string why;
  auto text = base::read_file(path, why, max_file_bytes);
  if (!text) base::fail(path.string(), {}, "cannot read settings file: " + as_message(why));
  return parse_settings_file(path.string(), *text, sink);
}

}  // namespace pp::parse
