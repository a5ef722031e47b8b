// Themes: the named Mermaid themes and themeVariables change the colours they control; bad values warn.
#include "figure/mermaid/theme.hpp"

#include <catch2/catch.hpp>

using namespace pp::figure;
using namespace pp::figure::mermaid;

TEST_CASE("the default theme is Mermaid's", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  const Theme t = make_theme("", {}, warnings);
  CHECK(t.node_fill == *parse_css_color("#ECECFF"));
  CHECK(t.node_stroke == *parse_css_color("#9370DB"));
  CHECK(t.cluster_fill == *parse_css_color("#ffffde"));
  CHECK(t.font_size == 16);
  CHECK(warnings.empty());
}

TEST_CASE("named themes and themeVariables override colours", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  CHECK(make_theme("forest", {}, warnings).node_fill == *parse_css_color("#cde498"));
  CHECK(make_theme("dark", {}, warnings).background == *parse_css_color("#333333"));
  const Theme t = make_theme("default", {{"primaryColor", "#ff0000"}, {"lineColor", "blue"}, {"fontSize", "20px"}}, warnings);
  CHECK(t.node_fill == Color{1, 0, 0, 1});
  CHECK(t.line == Color{0, 0, 1, 1});
  CHECK(t.font_size == 20);
  CHECK(warnings.empty());
}

TEST_CASE("unknown themes and colours that are not colours warn and keep the default", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  const Theme t = make_theme("sparkly", {{"primaryColor", "not-a-colour"}}, warnings);
  CHECK(t.node_fill == *parse_css_color("#ECECFF"));
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == "theme 'sparkly' is not supported; the default theme is used");
  CHECK(warnings[1] == "themeVariables.primaryColor 'not-a-colour' is not a colour; ignored");
}
