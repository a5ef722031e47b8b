#include "highlight/code_highlighter.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>

using namespace pp::highlight;

namespace {

// The text of every token of `style`.
std::vector<std::string> texts(const std::string& code, const HighlightedCode& h, TokenStyle style) {
  std::vector<std::string> out;
  for (const auto& t : h.tokens)
    if (t.style == style) out.push_back(code.substr(t.start, t.end - t.start));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("python gets keywords, strings, comments and numbers as their own styles", "[highlight]") {
  const std::string code = "def greet(name):\n    # say hello\n    return \"hi \" + name * 3\n";
  const auto h = highlight(code, "python");
  CHECK(h.language == "Python");
  CHECK(has(texts(code, h, TokenStyle::keyword), "def"));
  CHECK(has(texts(code, h, TokenStyle::control_flow), "return"));
  CHECK(has(texts(code, h, TokenStyle::comment), "# say hello"));
  CHECK(has(texts(code, h, TokenStyle::string), "\"hi \""));
  CHECK(has(texts(code, h, TokenStyle::dec_val), "3"));
  std::set<TokenStyle> styles;
  for (const auto& t : h.tokens) styles.insert(t.style);
  CHECK(styles.size() >= 4);
}

TEST_CASE("tokens are ordered, disjoint, inside the text and never plain", "[highlight]") {
  const std::string code = "const x: number = 42; // answer\nlet s = `t ${x}`;\n";
  const auto h = highlight(code, "ts");
  REQUIRE_FALSE(h.tokens.empty());
  std::uint32_t previous_end = 0;
  for (const auto& t : h.tokens) {
    CHECK(t.style != TokenStyle::normal);
    CHECK(t.start < t.end);
    CHECK(t.start >= previous_end);
    CHECK(t.end <= code.size());
    previous_end = t.end;
  }
}

TEST_CASE("offsets are UTF-8 bytes, across CJK text and characters outside the BMP", "[highlight]") {
  const std::string code = "# 注释：日本語のコメント 😀\nx = \"한국어 문자열\"\n";
  const auto h = highlight(code, "python");
  CHECK(has(texts(code, h, TokenStyle::comment), "# 注释：日本語のコメント 😀"));
  CHECK(has(texts(code, h, TokenStyle::string), "\"한국어 문자열\""));
}

TEST_CASE("the info strings of real posts select their definitions", "[highlight]") {
  CHECK(language_for("bash") == "Bash");
  CHECK(language_for("sh") == "Bash");
  CHECK(language_for("shell") == "Bash");
  CHECK(language_for("python") == "Python");
  CHECK(language_for("Python") == "Python");
  CHECK(language_for("typescript") == "TypeScript");
  CHECK(language_for("tsx") == "TypeScript React (TSX)");
  CHECK(language_for("json") == "JSON");
  CHECK(language_for("yaml") == "YAML");
  CHECK(language_for("yml") == "YAML");
  CHECK(language_for("javascript") == "JavaScript");
  CHECK(language_for("js") == "JavaScript");
  CHECK(language_for("html") == "HTML");
  CHECK(language_for("sql") == "SQL");
  CHECK(language_for("css") == "CSS");
  CHECK(language_for("xml") == "XML");
  CHECK(language_for("toml") == "TOML");
  CHECK(language_for("dockerfile") == "Dockerfile");
  CHECK(language_for("Dockerfile") == "Dockerfile");
  CHECK(language_for("rust") == "Rust");
  CHECK(language_for("go") == "Go");
  CHECK(language_for("cpp") == "C++");
  CHECK(language_for("diff") == "Diff");
}

TEST_CASE("unknown, empty and plain-text languages stay plain", "[highlight]") {
  for (const char* info : {"", "text", "plaintext", "console", "no-such-language-xyz"}) {
    const auto h = highlight("if x then y # z\n", info);
    CHECK(h.language.empty());
    CHECK(h.tokens.empty());
  }
}

TEST_CASE("state carries across lines: a string opened on one line colours the next", "[highlight]") {
  const std::string code = "s = \"\"\"first\nsecond\"\"\"\nx = 1\n";
  const auto h = highlight(code, "python");
  bool second_is_string = false;
  const auto at = static_cast<std::uint32_t>(code.find("second"));
  for (const auto& t : h.tokens) second_is_string |= t.start <= at && at < t.end && t.style == TokenStyle::string;
  CHECK(second_is_string);
}

TEST_CASE("very long lines stay plain, the lines around them do not", "[highlight]") {
  std::string code = "x = 1\n" + std::string(20000, 'a') + "\ny = \"s\"\n";
  const auto h = highlight(code, "python");
  const auto long_start = static_cast<std::uint32_t>(code.find('a'));
  for (const auto& t : h.tokens) CHECK((t.end <= long_start || t.start >= long_start + 20000));
  CHECK(has(texts(code, h, TokenStyle::string), "\"s\""));
}

TEST_CASE("highlighting on several threads gives the same tokens", "[highlight]") {
  const std::string code = "fn main() { let v: Vec<i32> = vec![1, 2]; println!(\"{:?}\", v); }\n";
  const auto expected = highlight(code, "rust").tokens;
  REQUIRE_FALSE(expected.empty());
  std::vector<std::vector<Token>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) threads.emplace_back([&, i] { got[i] = highlight(code, "rust").tokens; });
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("class and theme names cover every style", "[highlight]") {
  std::set<std::string_view> classes, names;
  for (int i = 0; i < token_style_count; ++i) {
    classes.insert(css_class(static_cast<TokenStyle>(i)));
    names.insert(style_name(static_cast<TokenStyle>(i)));
  }
  CHECK(classes.size() == token_style_count);
  CHECK(names.size() == token_style_count);
  CHECK(css_class(TokenStyle::keyword) == "kw");
  CHECK(css_class(TokenStyle::normal).empty());
}
