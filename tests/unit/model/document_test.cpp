// model/document and model/dump: small queries over the tree and its text view.
#include "model/document.hpp"
#include "model/dump.hpp"

#include <catch2/catch.hpp>

using namespace pp::model;

namespace {

Inline text(std::string s) {
  Inline in;
  in.text = std::move(s);
  return in;
}

Inline node(InlineKind kind, Inlines children = {}) {
  Inline in;
  in.kind = kind;
  in.children = std::move(children);
  return in;
}

}  // namespace

TEST_CASE("plain_text reads text, code and alt text, breaks as spaces", "[document]") {
  Inline code = node(InlineKind::code);
  code.text = "x()";
  Inline fn = node(InlineKind::footnote_ref);
  fn.text = "1";
  const Inlines in = {text("a"), node(InlineKind::soft_break), node(InlineKind::strong, {text("b")}),
                      node(InlineKind::hard_break), code, fn, node(InlineKind::image, {text("alt")})};
  CHECK(plain_text(in) == "a b x()alt");
}

TEST_CASE("newest_date picks the later of pubDate and updatedDate", "[document]") {
  Metadata m;
  CHECK_FALSE(newest_date(m));
  m.pub_date = Date{2026, 3, 14};
  CHECK(newest_date(m) == 1773446400);
  m.updated_date = Date{2026, 3, 15};
  CHECK(newest_date(m) == 1773446400 + 86400);
  m.updated_date = Date{2025, 1, 1};
  CHECK(newest_date(m) == 1773446400);
}

TEST_CASE("dump shows kinds, attributes and nesting", "[dump]") {
  Block h;
  h.kind = BlockKind::heading;
  h.level = 2;
  h.id = "x";
  h.inlines = {text("say \"hi\"\n")};
  Block code;
  code.kind = BlockKind::code_block;
  code.info = "cpp";
  code.text = "int x;\n";
  Block list;
  list.kind = BlockKind::list;
  list.ordered = true;
  list.start = 3;
  list.tight = false;
  Block item;
  item.kind = BlockKind::list_item;
  item.task = TaskState::done;
  list.children = {item};
  Inline link = node(InlineKind::link, {text("t")});
  link.url = "https://e.com";
  link.title = "T";
  Block para;
  para.inlines = {link};
  CHECK(dump(std::vector<Block>{h, code, list, para}) ==
        "heading 2 #x\n"
        "  text \"say \\\"hi\\\"\\n\"\n"
        "code cpp \"int x;\\n\"\n"
        "list ordered start=3 loose\n"
        "  item [x]\n"
        "para\n"
        "  link url=\"https://e.com\" title=\"T\"\n"
        "    text \"t\"\n");
}

TEST_CASE("lone_image: an image alone in its paragraph, bare or linked, is a figure", "[document]") {
  Inline image;
  image.kind = InlineKind::image;
  image.url = "a.png";
  Inline link;
  link.kind = InlineKind::link;
  link.url = "https://example.com/";
  link.children = {image};
  Inline soft;
  soft.kind = InlineKind::soft_break;

  const Inlines bare{text("  "), image, soft};
  const auto a = lone_image(bare);
  REQUIRE(a);
  CHECK(a->image == &bare[1]);
  CHECK(a->link == nullptr);

  const Inlines linked{link};
  const auto b = lone_image(linked);
  REQUIRE(b);
  CHECK(b->image == &linked[0].children[0]);
  CHECK(b->link == &linked[0]);

  CHECK_FALSE(lone_image(Inlines{image, image}));
  CHECK_FALSE(lone_image(Inlines{text("see"), image}));
  CHECK_FALSE(lone_image(Inlines{text(" ")}));
  Inline text_link = link;
  text_link.children = {text("words")};
  CHECK_FALSE(lone_image(Inlines{text_link}));
}
