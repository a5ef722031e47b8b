// Mermaid diagrams as data: what the syntax layer produces and the layout layer consumes.
// Knows nothing of fonts, Graphviz or Cairo, so the parsers can be fuzzed alone.
#pragma once

#include "base/source_pos.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace pp::figure::mermaid {

// A position inside the diagram's source text (1-based line and column of the fenced block's content).
// 1-based line and column within the diagram's source, as in any other input file.
using SyntaxPos = base::SourcePos;

struct SyntaxIssue {
  SyntaxPos pos;
  std::string message;  // lower case, no final period: "expected ']' to close the node label"
};

// CSS-like declarations in source order ("fill" -> "#f9f"); a later duplicate replaces an earlier one.
using Style = std::vector<std::pair<std::string, std::string>>;

// A label's text. Line breaks (<br>, <br/>, <br />, and real newlines in quoted or markdown strings) are '\n';
// entity codes (#quot; #35; #9829;) are decoded; surrounding quotes removed. For markdown strings ("`...`"),
// `markdown` is true and the text keeps **bold**, *italic*, _italic_ markers for the renderer.
struct Label {
  std::string text;
  bool markdown = false;
};

// ---- flowcharts ----

enum class Direction { top_bottom, bottom_top, left_right, right_left };

enum class NodeShape {
  rect,            // id, id[text]
  round,           // id(text)
  stadium,         // id([text])
  subroutine,      // id[[text]]
  cylinder,        // id[(text)]
  circle,          // id((text))
  double_circle,   // id(((text)))
  asymmetric,      // id>text]
  diamond,         // id{text}
  hexagon,         // id{{text}}
  lean_right,      // id[/text/]
  lean_left,       // id[\text\]
  trapezoid,       // id[/text\]
  inv_trapezoid,   // id[\text/]
  ellipse,         // id(-text-)
};

struct Node {
  std::string id;
  Label label;  // the id when the node was never given a label
  NodeShape shape = NodeShape::rect;
  std::vector<std::string> classes;  // from :::name and `class` statements, in order
  Style style;                       // from `style id ...`
  SyntaxPos pos;                     // first mention
};

enum class LineStyle { solid, thick, dotted, invisible };
enum class Head { none, arrow, circle, cross };

struct Edge {
  std::string from;  // node or subgraph id
  std::string to;
  Label label;       // empty text: no label
  LineStyle line = LineStyle::solid;
  Head start = Head::none;
  Head end = Head::arrow;
  int length = 1;    // minimum rank span, 1..10
  std::string id;    // user id (e1@-->) or empty
  Style style;       // from linkStyle (index or default)
  std::string curve; // per-edge curve from linkStyle ... interpolate, or empty
  SyntaxPos pos;
};

struct Subgraph {
  std::string id;
  Label title;
  std::optional<Direction> direction;  // `direction X` inside the body
  std::vector<std::string> nodes;      // direct member node ids (a node belongs to the innermost subgraph)
  std::vector<std::string> children;   // direct child subgraph ids
  std::vector<std::string> classes;
  Style style;
  SyntaxPos pos;
};

struct Flowchart {
  Direction direction = Direction::top_bottom;
  std::vector<Node> nodes;          // in order of first mention
  std::vector<Edge> edges;          // in source order, after chain and & expansion (linkStyle indices)
  std::vector<Subgraph> subgraphs;  // in order of their `subgraph` line
  std::map<std::string, Style> class_defs;  // includes "default" when defined
  std::string title;                        // from front matter `title:`
  std::string curve = "basis";              // from config (flowchart.curve) or linkStyle default interpolate
  std::map<std::string, std::string> theme_variables;  // from %%{init}%% / front matter config
  std::string theme;                                   // "default", "forest", "dark", "neutral", "base"
};

// ---- sequence diagrams ----

struct Participant {
  std::string id;
  std::string label;  // alias text (`participant A as Alice`), else the id; '\n' for <br>
  bool actor = false; // `actor` draws a stick figure
  SyntaxPos pos;
};

enum class Arrow {
  solid_line,         // ->
  dotted_line,        // -->
  solid_arrow,        // ->>
  dotted_arrow,       // -->>
  solid_cross,        // -x
  dotted_cross,       // --x
  solid_open_arrow,   // -)
  dotted_open_arrow,  // --)
  solid_both,         // <<->>
  dotted_both,        // <<-->>
};

struct Message {
  std::string from, to;
  std::string text;  // '\n' for <br>
  Arrow arrow = Arrow::solid_arrow;
  bool activate_to = false;     // A->>+B
  bool deactivate_from = false; // A->>-B ... (Mermaid's '-' deactivates the sender)
  SyntaxPos pos;
};

struct Note {
  enum class Placement { left_of, right_of, over } placement = Placement::over;
  std::vector<std::string> participants;  // one, or two for `over A,B`
  std::string text;
  SyntaxPos pos;
};

struct Activation {
  std::string participant;
  bool active = true;  // activate / deactivate
  SyntaxPos pos;
};

enum class BlockKind { loop, alt, opt, par, critical, break_block, rect };

// The keyword that opens a block, as written and as drawn on its frame's tab.
inline const char* block_keyword(BlockKind k) {
  switch (k) {
    case BlockKind::loop: return "loop";
    case BlockKind::alt: return "alt";
    case BlockKind::opt: return "opt";
    case BlockKind::par: return "par";
    case BlockKind::critical: return "critical";
    case BlockKind::break_block: return "break";
    case BlockKind::rect: return "rect";
  }
  return "block";
}

struct BlockStart {
  BlockKind kind = BlockKind::loop;
  std::string label;  // condition text; for rect, the colour
  SyntaxPos pos;
};

struct BlockDivider {  // else (alt), and (par), option (critical)
  std::string label;
  SyntaxPos pos;
};

struct BlockEnd {
  SyntaxPos pos;
};

struct Autonumber {  // `autonumber [start [step]]` or `autonumber off`
  bool on = true;
  int start = 1;
  int step = 1;
};

using SequenceEvent = std::variant<Message, Note, Activation, BlockStart, BlockDivider, BlockEnd, Autonumber>;

struct ParticipantBox {
  std::string label;
  std::string color;                       // as written (`box Aqua Group`, `box rgb(...) ...`), may be empty
  std::vector<std::string> participants;   // ids in order
};

struct SequenceDiagram {
  std::vector<Participant> participants;  // in order of first declaration or mention
  std::vector<SequenceEvent> events;      // blocks are balanced: every BlockStart has its BlockEnd
  std::vector<ParticipantBox> boxes;
  std::string title;                      // `title ...` statement or front matter
  std::map<std::string, std::string> theme_variables;
  std::string theme;
};

// ---- any diagram ----

enum class DiagramType { flowchart, sequence, other };

struct ParsedDiagram {
  DiagramType type = DiagramType::other;
  std::string type_word;  // the header word as written: "graph", "flowchart", "sequenceDiagram", "gantt", ...
  std::variant<std::monostate, Flowchart, SequenceDiagram> diagram;
  std::vector<SyntaxIssue> errors;    // non-empty: the diagram cannot be drawn
  std::vector<SyntaxIssue> warnings;  // drawn, but something was ignored (e.g. `click`, unknown style key)
};

// Limits that keep any input bounded; exceeding one is an error with a message naming it.
struct ParseLimits {
  std::size_t max_source_bytes = 50'000;  // Mermaid's maxTextSize
  std::size_t max_nodes = 2'000;          // flowchart nodes, sequence participants
  std::size_t max_edges = 500;            // Mermaid's maxEdges, after & expansion; sequence statements

  // One number (base::ResourceLimits::max_diagram_edges) scales all three: four nodes and 100 source bytes
  // an edge, which at the default 500 edges are the limits above.
  static ParseLimits for_edges(std::size_t max_edges) { return {100 * max_edges, 4 * max_edges, max_edges}; }
};

// Preprocessing (front matter, %%{init}%% directives, %% comments, CRLF), type detection, then the grammar
// of the detected type. Never throws for any input; never takes more than linear-ish time in its size.
ParsedDiagram parse_diagram(std::string_view source, const ParseLimits& limits = {});

}  // namespace pp::figure::mermaid
