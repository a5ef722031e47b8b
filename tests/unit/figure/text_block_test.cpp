// Text blocks: Mermaid markdown labels become well-formed Pango markup, so labels never show their tags.
#include "text/font_system.hpp"
#include "text/text_block.hpp"

#include <catch2/catch.hpp>

using namespace pp::text;

namespace {

std::string laid_out(const std::string& markup) {
  const auto context = FontSystem::for_this_thread().context("en");
  return TextBlock(context.get(), markup, TextStyle{}, std::nullopt).text();
}

}  // namespace

TEST_CASE("crossed markdown markers nest their tags", "[mermaid][labels][text]") {
  CHECK(markup_from_markdown("**a *b** c*") == "<b>a <i>b</i></b><i> c</i>");
  CHECK(markup_from_markdown("*a **b* c**") == "<i>a <b>b</b></i><b> c</b>");
  const std::string text = laid_out(markup_from_markdown("**a *b** c*"));
  CHECK(text == "a b c");
  CHECK(text.find('<') == std::string::npos);
}

TEST_CASE("markdown: plain pairs, unclosed markers and escaped text", "[mermaid][labels][text]") {
  CHECK(markup_from_markdown("**bold** and _it_") == "<b>bold</b> and <i>it</i>");
  CHECK(markup_from_markdown("**open *both") == "<b>open <i>both</i></b>");
  CHECK(markup_from_markdown("a < b & c") == "a &lt; b &amp; c");
  CHECK(laid_out(markup_from_markdown("**open *both")) == "open both");
}

TEST_CASE("markup that does not parse is shown as typed", "[mermaid][labels][text]") {
  CHECK(laid_out("<b>a <i>b</b> c</i>") == "<b>a <i>b</b> c</i>");
}
