// Themes: the named Mermaid themes and themeVariables change the colours they control; bad values warn.
#include "figure/mermaid/render.hpp"
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

// An unknown theme name is warned about by preprocessing, where it is written; make_theme only falls back.
TEST_CASE("unknown themes and colours that are not colours keep the default; the colours warn", "[mermaid][theme]") {
  std::vector<std::string> warnings;
  const Theme t = make_theme("sparkly", {{"primaryColor", "not-a-colour"}}, warnings);
  CHECK(t.node_fill == *parse_css_color("#ECECFF"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "themeVariables.primaryColor 'not-a-colour' is not a colour; ignored");
}

TEST_CASE("an unknown theme in a diagram is warned about once, at its line", "[mermaid][theme]") {
  for (const char* diagram : {"graph TD\nA --> B", "sequenceDiagram\nA->>B: hi"}) {
    const PrepareResult r = prepare_diagram(std::string("%%{init:{'theme':'pink'}}%%\n") + diagram, "en");
    REQUIRE(r.diagram);
    std::vector<SyntaxIssue> about_theme;
    for (const auto& w : r.warnings)
      if (w.message.find("theme") != std::string::npos) about_theme.push_back(w);
    REQUIRE(about_theme.size() == 1);
    CHECK(about_theme[0].message == "unknown theme 'pink'; the default theme is used");
    CHECK(about_theme[0].pos.line == 1);
  }
}
