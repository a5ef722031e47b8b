// The only place that talks to KSyntaxHighlighting (and Qt): everything else sees byte ranges.
#include "highlight/code_highlighter.hpp"

#include "base/ascii.hpp"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QString>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace pp::highlight {

namespace {

namespace ksh = KSyntaxHighlighting;

// A line this long is data (minified JSON, a base64 blob), not something a reader reads token by token;
// some definitions' regular expressions also get slow on it. It stays plain, and so does a block this big.
constexpr int max_line_utf16 = 5000;
constexpr std::size_t max_block_bytes = 1 << 20;

// The names people write after ``` that are not a definition's name or a file extension it claims.
const std::map<std::string, std::string, std::less<>>& aliases() {
  static const std::map<std::string, std::string, std::less<>> table{
      {"sh", "Bash"},          {"shell", "Bash"},       {"zsh", "Zsh"},
      {"py", "Python"},        {"python3", "Python"},   {"js", "JavaScript"},
      {"node", "JavaScript"},  {"ts", "TypeScript"},    {"tsx", "TypeScript React (TSX)"},
      {"jsx", "JavaScript React (JSX)"}, {"yml", "YAML"}, {"rs", "Rust"},
      {"golang", "Go"},        {"c++", "C++"},          {"cpp", "C++"},
      {"cxx", "C++"},          {"cs", "C#"},            {"csharp", "C#"},
      {"docker", "Dockerfile"}, {"md", "Markdown"},     {"kt", "Kotlin"},
      {"ps1", "PowerShell"},   {"ps", "PowerShell"},    {"pwsh", "PowerShell"},
      {"rb", "Ruby"},          {"objc", "Objective-C"}, {"tf", "HCL"},
      {"hcl", "HCL"},          {"terraform", "HCL"},    {"proto", "Protobuf"},
      {"html", "HTML"},        {"xhtml", "HTML"},       {"vue", "HTML"},
      {"svg", "XML"},          {"plist", "XML"},        {"jsonc", "JSON"},
      {"json5", "JSON"},       {"ini", "INI Files"},    {"conf", "INI Files"},
      {"env", "Bash"},         {"makefile", "Makefile"}, {"make", "Makefile"},
      {"cmake", "CMake"},      {"nginx", "Nginx Configuration"}, {"patch", "Diff"},
  };
  return table;
}

bool plain_info(std::string_view lowered) {
  for (std::string_view p : {"", "text", "txt", "plain", "plaintext", "none", "output", "console", "log",
                              "shell-session", "terminal"})
    if (lowered == p) return true;
  return false;
}

// One per thread: a Repository and its loaded definitions are not meant to be shared across threads.
class Definitions {
 public:
  static Definitions& for_this_thread() {
    thread_local Definitions instance;
    return instance;
  }

  ksh::Definition find(std::string_view info) {
    const std::string key = base::ascii_lower(info);
    if (plain_info(key)) return {};
    if (auto it = found_.find(key); it != found_.end()) return it->second;
    ksh::Definition def = lookup(info, key);
    found_.emplace(key, def);
    return def;
  }

 private:
  Definitions() {
    for (const auto& def : repo_.definitions()) by_name_.emplace(base::ascii_lower(def.name().toStdString()), def);
  }

  ksh::Definition lookup(std::string_view info, const std::string& key) {
    if (auto it = aliases().find(key); it != aliases().end()) {
      if (auto d = by_name_.find(base::ascii_lower(it->second)); d != by_name_.end()) return d->second;
    }
    if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    // A file extension ("toml", "scss") or a file name ("Dockerfile", "CMakeLists.txt").
    const QString name = QString::fromUtf8(info.data(), static_cast<int>(info.size()));
    if (auto d = repo_.definitionForFileName(QStringLiteral("file.") + name.toLower()); d.isValid()) return d;
    if (auto d = repo_.definitionForFileName(name); d.isValid()) return d;
    return {};
  }

  ksh::Repository repo_;
  std::map<std::string, ksh::Definition> by_name_;
  std::map<std::string, ksh::Definition> found_;
};

class TokenCollector : public ksh::AbstractHighlighter {
 public:
  explicit TokenCollector(const ksh::Definition& def) { setDefinition(def); }

  std::vector<Token> run(std::string_view text) {
    ksh::State state;
    std::size_t line_start = 0;
    while (line_start <= text.size()) {
      std::size_t end = text.find('\n', line_start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(line_start, end - line_start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const QString q = QString::fromUtf8(line.data(), static_cast<int>(line.size()));
      if (q.size() <= max_line_utf16) {
        map_offsets(line, q.size());
        base_ = static_cast<std::uint32_t>(line_start);
        state = highlightLine(QStringView(q), state);
      }
      if (end == text.size()) break;
      line_start = end + 1;
    }
    return std::move(tokens_);
  }

 protected:
  void applyFormat(int offset, int length, const ksh::Format& format) override {
    if (length <= 0 || !format.isValid()) return;
    const auto style = static_cast<TokenStyle>(std::clamp(static_cast<int>(format.textStyle()), 0, token_style_count - 1));
    if (style == TokenStyle::normal) return;
    const auto last = static_cast<int>(utf8_at_.size()) - 1;
    const std::uint32_t start = base_ + utf8_at_[static_cast<std::size_t>(std::clamp(offset, 0, last))];
    const std::uint32_t end = base_ + utf8_at_[static_cast<std::size_t>(std::clamp(offset + length, 0, last))];
    if (end <= start) return;
    if (!tokens_.empty() && tokens_.back().style == style && tokens_.back().end == start) tokens_.back().end = end;
    else tokens_.push_back(Token{start, end, style});
  }

 private:
  // utf8_at_[i]: the byte offset in `line` of UTF-16 unit i (i == size: the line's length).
  void map_offsets(std::string_view line, int utf16_size) {
    utf8_at_.assign(static_cast<std::size_t>(utf16_size) + 1, static_cast<std::uint32_t>(line.size()));
    std::size_t unit = 0;
    for (std::size_t b = 0; b < line.size() && unit < utf8_at_.size();) {
      const auto lead = static_cast<unsigned char>(line[b]);
      const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      utf8_at_[unit++] = static_cast<std::uint32_t>(b);
      if (bytes == 4 && unit < utf8_at_.size()) utf8_at_[unit++] = static_cast<std::uint32_t>(b);  // surrogate pair
      b += bytes;
    }
  }

  std::vector<std::uint32_t> utf8_at_;
  std::uint32_t base_ = 0;
  std::vector<Token> tokens_;
};

constexpr std::array<std::string_view, token_style_count> pandoc_classes{
    "", "kw", "fu", "va", "cf", "op", "bu", "ex", "pp", "at", "ch", "sc", "st", "vs", "ss", "im",
    "dt", "dv", "bn", "fl", "cn", "co", "do", "an", "cv", "re", "in", "wa", "al", "ot", "er"};

constexpr std::array<std::string_view, token_style_count> style_names{
    "normal", "keyword", "function", "variable", "control-flow", "operator", "built-in", "extension",
    "preprocessor", "attribute", "char", "special-char", "string", "verbatim-string", "special-string",
    "import", "data-type", "dec-val", "base-n", "float", "constant", "comment", "documentation",
    "annotation", "comment-var", "region-marker", "information", "warning", "alert", "others", "error"};

}  // namespace

std::string language_for(std::string_view info) {
  const auto def = Definitions::for_this_thread().find(info);
  return def.isValid() ? def.name().toStdString() : std::string();
}

HighlightedCode highlight(std::string_view text, std::string_view info) {
  HighlightedCode out;
  if (info.empty() || text.size() > max_block_bytes) return out;
  const auto def = Definitions::for_this_thread().find(info);
  if (!def.isValid()) return out;
  out.language = def.name().toStdString();
  TokenCollector collector(def);
  out.tokens = collector.run(text);
  return out;
}

std::string_view css_class(TokenStyle style) { return pandoc_classes[static_cast<std::size_t>(style)]; }

SyntaxGroup group_of(TokenStyle style) {
  using S = TokenStyle;
  using G = SyntaxGroup;
  switch (style) {
    case S::keyword: case S::control_flow: case S::import: return G::keyword;
    case S::data_type: case S::built_in: case S::extension: return G::type;
    case S::function: return G::function;
    case S::string: case S::verbatim_string: case S::special_string: case S::char_: case S::special_char:
      return G::string;
    case S::dec_val: case S::base_n: case S::float_: case S::constant: return G::number;
    case S::comment: case S::documentation: case S::comment_var: case S::region_marker: return G::comment;
    case S::preprocessor: case S::attribute: case S::annotation: return G::preprocessor;
    case S::variable: return G::variable;
    case S::alert: case S::warning: case S::error: case S::information: return G::alert;
    case S::normal: case S::operator_: case S::others: break;
  }
  return G::plain;
}

std::string_view group_name(SyntaxGroup group) {
  static constexpr std::array<std::string_view, syntax_group_count> names{
      "plain", "keyword", "type", "function", "string", "number", "comment", "preprocessor", "variable", "alert"};
  return names[static_cast<std::size_t>(group)];
}

std::string_view style_name(TokenStyle style) { return style_names[static_cast<std::size_t>(style)]; }

}  // namespace pp::highlight
