#include "epub/resources.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

TEST_CASE("a generated image is added once; a second add of one name is a bug, not a second manifest item", "[epub]") {
  pp::base::DiagnosticSink sink;
  pp::epub::Resources resources({}, 100'000'000, sink);
  CHECK(resources.add_generated("diagram-abc", pp::figure::ImageFormat::png, "png bytes") == "images/diagram-abc.png");
  CHECK(resources.add_generated("diagram-abc", pp::figure::ImageFormat::svg, "<svg/>") == "images/diagram-abc.svg");
  CHECK_THROWS_AS(resources.add_generated("diagram-abc", pp::figure::ImageFormat::png, "again"), std::logic_error);
  CHECK(resources.items().size() == 2);
}
