// figure/mermaid syntax: sequence diagrams (participants, arrows, activations, notes, blocks, boxes, numbering).
#include "mermaid_test_support.hpp"

using namespace pp::test::mermaid;

namespace {

template <class T>
std::vector<T> events_of(const SequenceDiagram& d) {
  std::vector<T> out;
  for (const SequenceEvent& e : d.events) {
    if (const T* t = std::get_if<T>(&e)) out.push_back(*t);
  }
  return out;
}

Strings participant_ids(const SequenceDiagram& d) {
  Strings out;
  for (const Participant& p : d.participants) out.push_back(p.id);
  return out;
}

// One letter per event: M message, N note, A activation, S start, D divider, E end, # autonumber.
std::string event_kinds(const SequenceDiagram& d) {
  std::string out;
  for (const SequenceEvent& e : d.events) out += "MNASDE#"[e.index()];
  return out;
}

}  // namespace

TEST_CASE("mermaid: participants, actors, aliases and implicit participants", "[mermaid][sequence]") {
  const SequenceDiagram d = sequence(
      "sequenceDiagram\n"
      "  participant A as Alice<br>Smith\n"
      "  actor B as Bob #35;1\n"
      "  participant Carol Jones\n"
      "  Dave->>A: hi\n"
      "  A->>Dave: hello\n"
      "  participant 用户 as 用户端\n");
  CHECK(participant_ids(d) == Strings{"A", "B", "Carol Jones", "Dave", "用户"});
  CHECK(d.participants[0].label == "Alice\nSmith");
  CHECK_FALSE(d.participants[0].actor);
  CHECK(d.participants[1].actor);
  CHECK(d.participants[1].label == "Bob #1");
  CHECK(d.participants[2].label == "Carol Jones");
  CHECK(d.participants[3].label == "Dave");
  CHECK(d.participants[3].pos.line == 5);
  CHECK(d.participants[4].label == "用户端");
}

TEST_CASE("mermaid: typed participants and create", "[mermaid][sequence]") {
  std::vector<SyntaxIssue> w;
  const SequenceDiagram d = sequence(
      "sequenceDiagram\n"
      "participant U@{ \"type\": \"actor\" }\n"
      "participant D@{ \"type\": \"database\", \"alias\": \"Orders\" }\n"
      "participant Q@{ \"type\": \"queue\" } as Jobs\n"
      "create participant N as New\n"
      "U->>N: make\n",
      &w);
  CHECK(participant_ids(d) == Strings{"U", "D", "Q", "N"});
  CHECK(d.participants[0].actor);
  CHECK(d.participants[1].label == "Orders");
  CHECK(d.participants[2].label == "Jobs");
  CHECK(d.participants[3].label == "New");
  CHECK(mentions(w, "participant type 'database' is drawn as a plain participant box"));
}

TEST_CASE("mermaid: every sequence arrow", "[mermaid][sequence]") {
  const std::vector<std::pair<std::string, Arrow>> arrows{
      {"->", Arrow::solid_line},         {"-->", Arrow::dotted_line},        {"->>", Arrow::solid_arrow},
      {"-->>", Arrow::dotted_arrow},     {"-x", Arrow::solid_cross},         {"--x", Arrow::dotted_cross},
      {"-)", Arrow::solid_open_arrow},   {"--)", Arrow::dotted_open_arrow},  {"<<->>", Arrow::solid_both},
      {"<<-->>", Arrow::dotted_both}};
  for (const auto& [text, arrow] : arrows) {
    INFO(text);
    for (const std::string sep : {"", " "}) {
      const SequenceDiagram d = sequence("sequenceDiagram\nAlice" + sep + text + sep + "Bob" + sep + ": Hi there");
      const auto messages = events_of<Message>(d);
      REQUIRE(messages.size() == 1);
      CHECK(messages[0].from == "Alice");
      CHECK(messages[0].to == "Bob");
      CHECK(messages[0].arrow == arrow);
      CHECK(messages[0].text == "Hi there");
      CHECK(messages[0].pos.line == 2);
    }
  }
}

TEST_CASE("mermaid: half arrows are read with a warning, reversed ones swap ends", "[mermaid][sequence]") {
  std::vector<SyntaxIssue> w;
  const auto m = events_of<Message>(sequence("sequenceDiagram\nA-|\\B: top\nA/|-B: back\nA--//B: stick", &w));
  REQUIRE(m.size() == 3);
  CHECK(m[0].arrow == Arrow::solid_arrow);
  CHECK(m[1].from == "B");
  CHECK(m[1].to == "A");
  CHECK(m[2].arrow == Arrow::dotted_open_arrow);
  CHECK(w.size() == 3);
}

TEST_CASE("mermaid: message text, empty text, self messages, <br>, CJK, central dots", "[mermaid][sequence]") {
  const auto m = events_of<Message>(sequence(
      "sequenceDiagram\nA->>A: self\nA->>B:\nA->>B: line<br/>two\n客户端->>服务器: 请求 #quot;登录#quot;\n"
      "A->>()B: dot\nA()->>B: wrap:long text\n"));
  REQUIRE(m.size() == 6);
  CHECK(m[0].from == "A");
  CHECK(m[0].to == "A");
  CHECK(m[1].text.empty());
  CHECK(m[2].text == "line\ntwo");
  CHECK(m[3].from == "客户端");
  CHECK(m[3].text == "请求 \"登录\"");
  CHECK(m[4].to == "B");
  CHECK(m[5].from == "A");
  CHECK(m[5].text == "long text");
}

TEST_CASE("mermaid: + and - activation shorthand, activate and deactivate", "[mermaid][sequence]") {
  const SequenceDiagram d = sequence(
      "sequenceDiagram\nA->>+B: call\nB->>+B: nested\nB-->>-A: done\nB-->>-A: done\nactivate A\ndeactivate A");
  const auto m = events_of<Message>(d);
  CHECK(m[0].activate_to);
  CHECK_FALSE(m[0].deactivate_from);
  CHECK(m[2].deactivate_from);
  CHECK_FALSE(m[2].activate_to);
  const auto a = events_of<Activation>(d);
  REQUIRE(a.size() == 2);
  CHECK(a[0].participant == "A");
  CHECK(a[0].active);
  CHECK_FALSE(a[1].active);
  CHECK(a[1].pos.line == 7);
  CHECK(event_kinds(d) == "MMMMAA");
}

TEST_CASE("mermaid: deactivating an inactive participant is an error", "[mermaid][sequence]") {
  SyntaxIssue e = first_error("sequenceDiagram\nA->>B: x\ndeactivate B");
  CHECK(e.message == "cannot deactivate 'B': it is not active");
  CHECK(e.pos.line == 3);
  e = first_error("sequenceDiagram\nA->>+B: x\nA-->>-B: wrong end");
  CHECK(e.message == "cannot deactivate 'A': it is not active");
}

TEST_CASE("mermaid: notes", "[mermaid][sequence]") {
  const SequenceDiagram d = sequence(
      "sequenceDiagram\nA->>B: x\nNote left of A: left\nnote RIGHT OF B: right<br>two\nNote over A: one\n"
      "Note over A, B: both\nNote over C,D: new people");
  const auto n = events_of<Note>(d);
  REQUIRE(n.size() == 5);
  CHECK(n[0].placement == Note::Placement::left_of);
  CHECK(n[0].participants == Strings{"A"});
  CHECK(n[0].text == "left");
  CHECK(n[1].placement == Note::Placement::right_of);
  CHECK(n[1].text == "right\ntwo");
  CHECK(n[2].placement == Note::Placement::over);
  CHECK(n[3].participants == Strings{"A", "B"});
  CHECK(n[3].pos.line == 6);
  CHECK(participant_ids(d) == Strings{"A", "B", "C", "D"});
}

TEST_CASE("mermaid: nested blocks with dividers", "[mermaid][sequence]") {
  const SequenceDiagram d = sequence(
      "sequenceDiagram\n"
      "loop Every minute\n"
      "  alt ok\n    A->>B: a\n  else\n    A->>B: b\n  else timeout\n    A->>B: c\n  end\n"
      "  opt maybe\n    A->>B: d\n  end\n"
      "  par one\n    A->>B: e\n  and two\n    A->>C: f\n  end\n"
      "  critical conn\n    A->>B: g\n  option fail\n    A->>B: h\n  end\n"
      "  break stop\n    A->>B: i\n  end\n"
      "  rect rgba(0, 0, 255, .1)\n    A->>B: j\n  end\n"
      "  par_over x\n  end\n"
      "end\n");
  CHECK(event_kinds(d) == "SSMDMDMESMESMDMESMDMESMESMESEE");
  const auto starts = events_of<BlockStart>(d);
  REQUIRE(starts.size() == 8);
  CHECK(starts[0].kind == BlockKind::loop);
  CHECK(starts[0].label == "Every minute");
  CHECK(starts[0].pos.line == 2);
  CHECK(starts[1].kind == BlockKind::alt);
  CHECK(starts[2].kind == BlockKind::opt);
  CHECK(starts[3].kind == BlockKind::par);
  CHECK(starts[4].kind == BlockKind::critical);
  CHECK(starts[5].kind == BlockKind::break_block);
  CHECK(starts[6].kind == BlockKind::rect);
  CHECK(starts[6].label == "rgba(0, 0, 255, .1)");
  CHECK(starts[7].kind == BlockKind::par);
  const auto dividers = events_of<BlockDivider>(d);
  REQUIRE(dividers.size() == 4);
  CHECK(dividers[0].label.empty());
  CHECK(dividers[1].label == "timeout");
  CHECK(dividers[2].label == "two");
  CHECK(dividers[3].label == "fail");
}

TEST_CASE("mermaid: sequence keywords are case-insensitive", "[mermaid][sequence]") {
  const SequenceDiagram d =
      sequence("sequenceDiagram\nPARTICIPANT A\nLoop x\nA->>B: y\nEND\nNOTE OVER A: z\nAutoNumber");
  CHECK(event_kinds(d) == "SMEN#");
}

TEST_CASE("mermaid: block errors point at the block or the stray keyword", "[mermaid][sequence]") {
  SyntaxIssue e = first_error("sequenceDiagram\nA->>B: x\n  alt ok\n    A->>B: y\n");
  CHECK(e.message == "'alt' block is not closed with 'end'");
  CHECK(e.pos.line == 3);
  CHECK(e.pos.column == 3);
  e = first_error("sequenceDiagram\nA->>B: x\nend");
  CHECK(e.message == "'end' without a matching block");
  CHECK(e.pos.line == 3);
  e = first_error("sequenceDiagram\nloop x\nelse y\nend");
  CHECK(e.message == "'else' outside an 'alt' block");
  e = first_error("sequenceDiagram\nalt x\nand y\nend");
  CHECK(e.message == "'and' outside a 'par' block");
  // Unbalanced blocks still leave balanced events.
  const ParsedDiagram d = parse_diagram("sequenceDiagram\nloop a\nloop b\nA->>B: x");
  CHECK(event_kinds(std::get<SequenceDiagram>(d.diagram)) == "SSMEE");
}

TEST_CASE("mermaid: autonumber forms", "[mermaid][sequence]") {
  const auto a =
      events_of<Autonumber>(sequence("sequenceDiagram\nautonumber\nautonumber 10\nautonumber 5 2\nautonumber off"));
  REQUIRE(a.size() == 4);
  CHECK((a[0].on && a[0].start == 1 && a[0].step == 1));
  CHECK((a[1].on && a[1].start == 10 && a[1].step == 1));
  CHECK((a[2].start == 5 && a[2].step == 2));
  CHECK_FALSE(a[3].on);
  const auto config = sequence("%%{init: {'sequence': {'showSequenceNumbers': true}}}%%\nsequenceDiagram\nA->>B: x");
  CHECK(event_kinds(config) == "#M");
}

TEST_CASE("mermaid: boxes group participants and split colour from title", "[mermaid][sequence]") {
  const SequenceDiagram d = sequence(
      "sequenceDiagram\n"
      "box Aqua Frontend team\n  participant A\n  actor B\nend\n"
      "box rgb(33, 66, 99) Back end\n  participant C\nend\n"
      "box Our services\n  participant D\nend\n"
      "box #aaf Hex\n participant E\nend\n"
      "box transparent Aqua\nend\n"
      "box\n  participant F\nend\n"
      "A->>C: x\n");
  REQUIRE(d.boxes.size() == 6);
  CHECK(d.boxes[0].color == "Aqua");
  CHECK(d.boxes[0].label == "Frontend team");
  CHECK(d.boxes[0].participants == Strings{"A", "B"});
  CHECK(d.boxes[1].color == "rgb(33, 66, 99)");
  CHECK(d.boxes[1].label == "Back end");
  CHECK(d.boxes[2].color.empty());
  CHECK(d.boxes[2].label == "Our services");
  CHECK(d.boxes[3].color == "#aaf");
  CHECK(d.boxes[4].color == "transparent");
  CHECK(d.boxes[4].label == "Aqua");
  CHECK(d.boxes[5].label.empty());
  CHECK(d.boxes[5].participants == Strings{"F"});
  CHECK(first_error("sequenceDiagram\nbox Blue\n  A->>B: x\nend").message ==
        "only participant and actor lines may appear inside a box");
}

TEST_CASE("mermaid: title statement, front matter title, comments", "[mermaid][sequence]") {
  CHECK(sequence("sequenceDiagram\ntitle Login flow\nA->>B: x").title == "Login flow");
  CHECK(sequence("sequenceDiagram\ntitle: Colon form\nA->>B: x").title == "Colon form");
  CHECK(sequence("---\ntitle: From front matter\n---\nsequenceDiagram\nA->>B: x").title == "From front matter");
  const SequenceDiagram d = sequence("sequenceDiagram\n%% comment\n# hash comment\nA->>B: x %% not a comment");
  CHECK(events_of<Message>(d)[0].text == "x %% not a comment");
  CHECK(d.participants.size() == 2);
}

TEST_CASE("mermaid: a semicolon separates statements, or stays text when no statement follows", "[mermaid][sequence]") {
  std::vector<SyntaxIssue> w;
  const auto m = events_of<Message>(sequence("sequenceDiagram\nA->>B: hi; B->>A: there\nA->>B: wait; then retry;", &w));
  REQUIRE(m.size() == 3);
  CHECK(m[0].text == "hi");
  CHECK(m[1].text == "there");
  CHECK(m[2].text == "wait; then retry");
  REQUIRE(w.size() == 1);
  CHECK(w[0].pos.line == 3);
  CHECK(w[0].pos.column == 12);
}

TEST_CASE("mermaid trap: '#' in message text is kept, with a warning", "[mermaid][sequence][trap]") {
  std::vector<SyntaxIssue> w;
  const auto m = events_of<Message>(sequence("sequenceDiagram\nA->>B: fixes #12\nA->>B: entity #35; ok", &w));
  CHECK(m[0].text == "fixes #12");
  CHECK(m[1].text == "entity # ok");
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "mermaid cuts text at '#'; the whole text is kept here (write #35; for a literal '#')");
}

TEST_CASE("mermaid: sequence syntax errors", "[mermaid][sequence]") {
  SyntaxIssue e = first_error("sequenceDiagram\n  A->>B\n");
  CHECK(e.message == "expected ':' after the message target (A->>B: text)");
  CHECK(e.pos.line == 2);
  e = first_error("sequenceDiagram\n  Alice says hi\n");
  CHECK(e.message == "unknown statement 'Alice says hi'");
  CHECK(e.pos.column == 3);
  e = first_error("sequenceDiagram\nNote A: x");
  CHECK(e.message == "expected 'left of', 'right of' or 'over' after 'Note'");
  e = first_error("sequenceDiagram\nNote over A,B,C: x");
  CHECK(e.message == "a note spans at most two participants");
  e = first_error("sequenceDiagram\nend->>B: x");
  CHECK(e.pos.line == 2);
  e = first_error("sequenceDiagram extra\nA->>B: x");
  CHECK(e.message == "expected a new line after 'sequenceDiagram'");
  e = first_error("sequenceDiagram\nautonumber x");
  CHECK(e.message == "expected a number or 'off' after 'autonumber'");
}
