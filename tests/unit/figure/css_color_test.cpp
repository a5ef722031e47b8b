// CSS colours: one table for what the Mermaid syntax accepts as a colour and what the drawing paints, so a
// colour that parses is never dropped when drawn.
#include "figure/css_color.hpp"
#include "figure/mermaid/flow_layout.hpp"
#include "figure/mermaid/sequence_layout.hpp"

#include "mermaid_test_support.hpp"

using namespace pp::figure;
using namespace pp::test::mermaid;

namespace {

Color rgb(unsigned v) { return Color{((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0, 1}; }

}  // namespace

TEST_CASE("every CSS named colour has its value, in any letter case", "[mermaid][css]") {
  CHECK(parse_css_color("MediumSeaGreen") == rgb(0x3CB371));
  CHECK(parse_css_color("rebeccapurple") == rgb(0x663399));
  CHECK(parse_css_color("LightGoldenrodYellow") == rgb(0xFAFAD2));
  CHECK(parse_css_color("grey") == rgb(0x808080));  // CSS, not X11 (#BEBEBE)
  CHECK(parse_css_color("green") == rgb(0x008000));
  CHECK(parse_css_color("yellowgreen") == rgb(0x9ACD32));
  CHECK(parse_css_color("aliceblue") == rgb(0xF0F8FF));
  CHECK(parse_css_color("transparent") == Color{0, 0, 0, 0});
  CHECK_FALSE(parse_css_color("notacolour"));
}

TEST_CASE("hex and colour functions; `none` is a paint, not a colour", "[mermaid][css]") {
  CHECK(parse_css_color("#f9f") == Color{1, 0.6, 1, 1});
  CHECK(parse_css_color("#FF000080")->a == Approx(128 / 255.0));
  CHECK_FALSE(parse_css_color("#12345"));
  CHECK_FALSE(parse_css_color("#ggg"));
  CHECK(parse_css_color("rgb(255, 0, 0)") == Color{1, 0, 0, 1});
  CHECK(parse_css_color("hsl(120, 100%, 25%)") == Color{0, 0.5, 0, 1});
  CHECK_FALSE(parse_css_color("rgbx(1, 2, 3)"));
  CHECK_FALSE(parse_css_color("rgb(1, 2)"));
  CHECK_FALSE(parse_css_color("none"));
  CHECK(parse_css_paint("none") == Color{0, 0, 0, 0});
  CHECK(parse_css_paint("red") == Color{1, 0, 0, 1});
}

TEST_CASE("a sequence box in any named colour is filled with it", "[mermaid][css]") {
  const SequenceDiagram d = sequence("sequenceDiagram\nbox MediumSeaGreen A\n  participant X\nend\nX->>X: hi");
  REQUIRE(d.boxes.size() == 1);
  CHECK(d.boxes[0].color == "MediumSeaGreen");
  CHECK(d.boxes[0].label == "A");
  const auto laid = layout_sequence(d, "en");
  REQUIRE(laid.layout);
  REQUIRE(laid.layout->boxes.size() == 1);
  CHECK(laid.layout->boxes[0].fill == rgb(0x3CB371));
}

TEST_CASE("a flowchart style in any named colour is drawn in it", "[mermaid][css]") {
  const Flowchart f = flow("graph TD\nA --> B\nstyle A fill:MediumSeaGreen,stroke:DarkSlateGray");
  const auto laid = layout_flowchart(f, "en");
  REQUIRE(laid.layout);
  const auto a = std::find_if(laid.layout->nodes.begin(), laid.layout->nodes.end(), [](const auto& n) { return n.id == "A"; });
  REQUIRE(a != laid.layout->nodes.end());
  CHECK(a->style.fill == rgb(0x3CB371));
  CHECK(a->style.stroke == rgb(0x2F4F4F));
}
