// styles/book.css colours highlighted code as the print theme does (styles/print.yaml's syntax keys), so
// a post reads the same in the EPUB and the PDF.
#include "highlight/code_highlighter.hpp"
#include "pdf/theme.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace {

std::string book_css_rules_for_light_mode() {
  std::ifstream in(std::string(PP_SOURCE_DIR) + "/styles/book.css");
  std::stringstream s;
  s << in.rdbuf();
  const std::string css = s.str();
  return css.substr(0, css.find("@media (prefers-color-scheme: dark)"));
}

// The declarations of the rule whose selector list holds `pre .cls`.
std::string declarations_for(const std::string& css, const std::string& cls) {
  const std::string selector = "pre ." + cls;
  for (std::size_t at = css.find(selector); at != std::string::npos; at = css.find(selector, at + 1)) {
    const char after = css[at + selector.size()];
    if (after != ',' && after != ' ' && after != '{') continue;  // "pre .co" must not match "pre .cons"
    const auto open = css.find('{', at), close = css.find('}', at);
    return css.substr(open + 1, close - open - 1);
  }
  return {};
}

std::string hex(const pp::pdf::Rgb& c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", static_cast<int>(std::lround(c.r * 255)),
                static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
  return out;
}

}  // namespace

TEST_CASE("book.css colours every token class as the print theme's syntax group", "[epub_stylesheet]") {
  using pp::highlight::SyntaxGroup;
  const std::string css = book_css_rules_for_light_mode();
  const pp::pdf::PdfTheme theme;
  for (int s = 0; s < pp::highlight::token_style_count; ++s) {
    const auto style = static_cast<pp::highlight::TokenStyle>(s);
    const auto group = pp::highlight::group_of(style);
    const std::string cls(pp::highlight::css_class(style));
    if (group == SyntaxGroup::plain || cls.empty()) continue;
    INFO("class " << cls << ", group " << pp::highlight::group_name(group));
    const std::string decl = declarations_for(css, cls);
    REQUIRE_FALSE(decl.empty());
    CHECK(decl.find("color: " + hex(theme.syntax_colour(group))) != std::string::npos);
    CHECK((decl.find("bold") != std::string::npos) == (group == SyntaxGroup::keyword || group == SyntaxGroup::alert));
    CHECK((decl.find("italic") != std::string::npos) == (group == SyntaxGroup::comment));
  }
}
