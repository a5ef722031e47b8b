// Sequence layout geometry: participant order and spacing, message order, frames around their messages,
// notes beside their lifelines.
#include "figure/mermaid/sequence_layout.hpp"

#include <catch2/catch.hpp>

using namespace pp::figure;
using namespace pp::figure::mermaid;

namespace {

SequenceDiagram sample() {
  SequenceDiagram d;
  for (const char* id : {"Alice", "Bob", "Carol"}) {
    Participant p;
    p.id = p.label = id;
    d.participants.push_back(p);
  }
  auto msg = [&](const char* f, const char* t, const char* text) {
    Message m;
    m.from = f;
    m.to = t;
    m.text = text;
    d.events.push_back(m);
  };
  msg("Alice", "Bob", "Hello Bob, this is a message whose label is far wider than the default spacing");
  d.events.push_back(BlockStart{BlockKind::loop, "every minute", {}});
  msg("Bob", "Carol", "ping");
  msg("Carol", "Carol", "think");
  d.events.push_back(BlockEnd{});
  Note n;
  n.placement = Note::Placement::right_of;
  n.participants = {"Carol"};
  n.text = "a note";
  d.events.push_back(n);
  return d;
}

}  // namespace

TEST_CASE("participants stand left to right and never overlap", "[mermaid][sequence]") {
  auto r = layout_sequence(sample(), "en");
  REQUIRE(r.layout);
  const auto& p = r.layout->participants;
  REQUIRE(p.size() == 3);
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    CHECK(p[i].top.right() + 50 <= p[i + 1].top.x + 0.5);  // actorMargin at least
    CHECK(p[i].bottom.y > p[i].top.bottom());               // mirrored below
  }
}

TEST_CASE("a long message label widens the gap it spans", "[mermaid][sequence]") {
  auto r = layout_sequence(sample(), "en");
  REQUIRE(r.layout);
  const auto& m = r.layout->messages.at(0);
  REQUIRE(m.label);
  CHECK(m.label_box.x >= r.layout->participants[0].x);
  CHECK(m.label_box.right() <= r.layout->participants[1].x);
}

TEST_CASE("messages go down in order and a frame holds its messages", "[mermaid][sequence]") {
  auto r = layout_sequence(sample(), "en");
  REQUIRE(r.layout);
  const auto& ms = r.layout->messages;
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].from.y < ms[1].from.y);
  CHECK(ms[1].from.y < ms[2].from.y);
  CHECK(ms[2].self);
  REQUIRE(r.layout->frames.size() == 1);
  const Box& f = r.layout->frames[0].box;
  CHECK(f.y < ms[1].label_box.y);
  CHECK(f.bottom() > ms[2].to.y);
  CHECK(f.x <= r.layout->participants[1].x);
  CHECK(f.right() >= r.layout->participants[2].x);
  CHECK(ms[0].from.y < f.y);  // the first message is outside the loop
}

TEST_CASE("a note right of a participant starts right of its lifeline", "[mermaid][sequence]") {
  auto r = layout_sequence(sample(), "en");
  REQUIRE(r.layout);
  REQUIRE(r.layout->notes.size() == 1);
  CHECK(r.layout->notes[0].box.x > r.layout->participants[2].x);
  CHECK(r.layout->width >= r.layout->notes[0].box.right());
}

TEST_CASE("a frame holds the labels of the self-messages inside it", "[mermaid][sequence]") {
  SequenceDiagram d;
  for (const char* id : {"A", "B", "C"}) {
    Participant p;
    p.id = p.label = id;
    d.participants.push_back(p);
  }
  d.events.push_back(BlockStart{BlockKind::alt, "first time", {}});
  Message m;
  m.from = m.to = "B";
  m.text = "create the user and bind the account to it";
  d.events.push_back(m);
  d.events.push_back(BlockEnd{});
  auto r = layout_sequence(d, "en");
  REQUIRE(r.layout);
  REQUIRE(r.layout->frames.size() == 1);
  const Box& frame = r.layout->frames[0].box;
  CHECK(frame.right() >= r.layout->messages[0].label_box.right());
  CHECK(frame.x <= r.layout->messages[0].from.x);
}

TEST_CASE("autonumber digits are measured text, in the circle at each message's start", "[mermaid][sequence]") {
  SequenceDiagram d;
  for (const char* id : {"A", "B"}) {
    Participant p;
    p.id = p.label = id;
    d.participants.push_back(p);
  }
  d.events.push_back(Autonumber{true, 9, 1});
  for (int k = 0; k < 2; ++k) {
    Message m;
    m.from = "A";
    m.to = "B";
    m.text = "hi";
    d.events.push_back(m);
  }
  auto r = layout_sequence(d, "en");
  REQUIRE(r.layout);
  const auto& m = r.layout->messages;
  REQUIRE(m.size() == 2);
  REQUIRE(m[0].number);
  REQUIRE(m[1].number);
  CHECK(m[0].number->text() == "9");
  CHECK(m[1].number->text() == "10");
  CHECK(m[1].number->width() > m[0].number->width());
  CHECK(m[0].number->width() < 18);  // inside the 9 px circle
  CHECK(m[0].number->height() <= 18);
  CHECK_FALSE(layout_sequence(sample(), "en").layout->messages[0].number);  // off unless asked for
}
