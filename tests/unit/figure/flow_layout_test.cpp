// Flowchart layout geometry: direction, containment, no overlaps, edges on borders, isolated subgraphs,
// label wrapping. Diagrams are built directly (no parser), so these pin the layout rules alone.
#include "figure/mermaid/flow_layout.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace pp::figure;
using namespace pp::figure::mermaid;

namespace {

void add_node(Flowchart& c, const std::string& id, const std::string& label, NodeShape shape = NodeShape::rect) {
  Node n;
  n.id = id;
  n.label.text = label;
  n.shape = shape;
  c.nodes.push_back(n);
}

void add_edge(Flowchart& c, const std::string& from, const std::string& to, const std::string& label = "") {
  Edge e;
  e.from = from;
  e.to = to;
  e.label.text = label;
  c.edges.push_back(e);
}

const LaidOutNode& node(const FlowLayout& l, const std::string& id) {
  for (const auto& n : l.nodes)
    if (n.id == id) return n;
  FAIL("no node " << id);
  return l.nodes.front();
}

FlowLayout lay_out(const Flowchart& c, const std::string& lang = "en") {
  auto r = layout_flowchart(c, lang);
  REQUIRE(r.layout);
  return *r.layout;
}

double distance_to_border(const Point& p, const Box& b) {
  const double dx = std::max({b.x - p.x, 0.0, p.x - b.right()});
  const double dy = std::max({b.y - p.y, 0.0, p.y - b.bottom()});
  const double outside = std::hypot(dx, dy);
  if (outside > 0) return outside;
  return std::min({p.x - b.x, b.right() - p.x, p.y - b.y, b.bottom() - p.y});
}

}  // namespace

TEST_CASE("TD puts a target below its source, LR to its right", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "Start");
  add_node(c, "B", "End");
  add_edge(c, "A", "B");
  const FlowLayout td = lay_out(c);
  CHECK(node(td, "B").box.y > node(td, "A").box.bottom());
  c.direction = Direction::left_right;
  const FlowLayout lr = lay_out(c);
  CHECK(node(lr, "B").box.x > node(lr, "A").box.right());
  c.direction = Direction::bottom_top;
  const FlowLayout bt = lay_out(c);
  CHECK(node(bt, "B").box.bottom() < node(bt, "A").box.y);
}

TEST_CASE("a rectangle is its label plus Mermaid's padding, and holds its label", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "Start");
  add_node(c, "D", "Is it cached?", NodeShape::diamond);
  add_node(c, "Z", "中文标签\n第二行", NodeShape::round);
  add_edge(c, "A", "D");
  add_edge(c, "D", "Z");
  const FlowLayout l = lay_out(c, "zh-Hans");
  const auto& a = node(l, "A");
  CHECK(a.box.width == Approx(a.label->width() + 60).margin(1));
  CHECK(a.box.height == Approx(24 + 30).margin(1));  // one 24 px line plus 2 x 15
  for (const auto& n : l.nodes) {
    REQUIRE(n.label);
    CHECK(n.label->width() <= n.box.width);
    CHECK(n.label->height() <= n.box.height);
  }
  CHECK(node(l, "Z").label->line_count() == 2);
  CHECK(node(l, "D").box.width == Approx(node(l, "D").box.height));  // a diamond is square
}

TEST_CASE("no two node boxes overlap, and edges end on node borders", "[mermaid][layout]") {
  Flowchart c;
  for (int i = 0; i < 12; ++i) add_node(c, "N" + std::to_string(i), "node number " + std::to_string(i));
  for (int i = 1; i < 12; ++i) add_edge(c, "N" + std::to_string(i / 3), "N" + std::to_string(i), i % 4 == 0 ? "label" : "");
  const FlowLayout l = lay_out(c);
  for (std::size_t i = 0; i < l.nodes.size(); ++i)
    for (std::size_t j = i + 1; j < l.nodes.size(); ++j) CHECK_FALSE(l.nodes[i].box.overlaps(l.nodes[j].box));
  REQUIRE(l.edges.size() == 11);
  for (const auto& e : l.edges) {
    REQUIRE(e.path.size() >= 4);
    CHECK(distance_to_border(e.path.front(), node(l, e.from).box) < 2.0);
    CHECK(distance_to_border(e.path.back(), node(l, e.to).box) < 2.0);
  }
}

TEST_CASE("a cluster holds its nodes and its title", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "outside");
  add_node(c, "B", "inside one");
  add_node(c, "C", "inside two");
  add_edge(c, "A", "B");  // linked from outside: an ordinary cluster
  add_edge(c, "B", "C");
  Subgraph s;
  s.id = "S";
  s.title.text = "A rather long subgraph title";
  s.nodes = {"B", "C"};
  c.subgraphs.push_back(s);
  const FlowLayout l = lay_out(c);
  REQUIRE(l.clusters.size() == 1);
  const auto& cluster = l.clusters[0];
  CHECK(cluster.box.contains(node(l, "B").box));
  CHECK(cluster.box.contains(node(l, "C").box));
  CHECK_FALSE(cluster.box.contains(node(l, "A").box));
  REQUIRE(cluster.title);
  CHECK(cluster.title->width() <= cluster.box.width);
  // The title sits above the first node inside.
  CHECK(cluster.box.y + cluster.title->height() <= node(l, "B").box.y);
}

TEST_CASE("a subgraph linked to nothing outside is laid out with the direction flipped", "[mermaid][layout]") {
  Flowchart c;  // TB chart
  add_node(c, "A", "before");
  add_node(c, "X", "x");
  add_node(c, "Y", "y");
  add_edge(c, "X", "Y");
  add_edge(c, "A", "S");  // to the subgraph's id: does not make it linked
  Subgraph s;
  s.id = "S";
  s.title.text = "isolated";
  s.nodes = {"X", "Y"};
  c.subgraphs.push_back(s);
  FlowLayout l = lay_out(c);
  CHECK(node(l, "Y").box.x > node(l, "X").box.right());  // LR inside
  CHECK(std::abs(node(l, "Y").box.center().y - node(l, "X").box.center().y) < 1);
  REQUIRE(l.clusters.size() == 1);
  CHECK(l.clusters[0].box.contains(node(l, "X").box));
  CHECK(l.clusters[0].box.y > node(l, "A").box.bottom());  // the edge to S still places it below A

  c.subgraphs[0].direction = Direction::top_bottom;  // an explicit direction wins
  l = lay_out(c);
  CHECK(node(l, "Y").box.y > node(l, "X").box.bottom());
}

TEST_CASE("labels wider than 200 px wrap, between CJK characters too", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "L", "This label is much too long to fit on a single line of a node box");
  add_node(c, "C", "这是一个非常非常长的中文标签需要自动换行才能放进节点");
  add_edge(c, "L", "C", "an edge label that is also far longer than two hundred pixels wide");
  const FlowLayout l = lay_out(c, "zh-Hans");
  for (const char* id : {"L", "C"}) {
    CHECK(node(l, id).label->width() <= 200.5);
    CHECK(node(l, id).label->line_count() >= 2);
  }
  REQUIRE(l.edges[0].label);
  CHECK(l.edges[0].label->line_count() >= 2);
}

TEST_CASE("an edge label sits on its edge, and labelled edges push ranks apart", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "a");
  add_node(c, "B", "b");
  add_edge(c, "A", "B");
  const double plain_gap = [&] { auto l = lay_out(c); return node(l, "B").box.y - node(l, "A").box.bottom(); }();
  c.edges[0].label.text = "yes";
  const FlowLayout l = lay_out(c);
  const double labelled_gap = node(l, "B").box.y - node(l, "A").box.bottom();
  CHECK(labelled_gap > plain_gap + 20);
  const Box& label = l.edges[0].label_box;
  CHECK(label.y > node(l, "A").box.bottom());
  CHECK(label.bottom() < node(l, "B").box.y);
  CHECK(std::abs(label.center().x - node(l, "A").box.center().x) < 2);  // on the straight edge
}

TEST_CASE("styles and classes colour nodes and edges", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "styled");
  add_node(c, "B", "classed");
  add_edge(c, "A", "B");
  c.nodes[0].style = {{"fill", "#f9f"}, {"stroke", "#333"}, {"stroke-width", "4px"}, {"color", "#fff"}};
  c.nodes[1].classes = {"hot"};
  c.class_defs["hot"] = {{"fill", "red"}, {"stroke-dasharray", "5 5"}};
  c.edges[0].style = {{"stroke", "#ff3"}, {"stroke-width", "4px"}};
  const FlowLayout l = lay_out(c);
  CHECK(node(l, "A").style.fill == Color{1, 0.6, 1, 1});
  CHECK(node(l, "A").style.stroke_width == 4);
  CHECK(node(l, "A").style.text == Color{1, 1, 1, 1});
  CHECK(node(l, "B").style.fill == Color{1, 0, 0, 1});
  CHECK(node(l, "B").style.dash == std::vector<double>{5, 5});
  CHECK(l.edges[0].color == Color{1, 1, 0.2, 1});
  CHECK(l.edges[0].width == 4);
}

TEST_CASE("edges to and from subgraph ids end at the cluster", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "a");
  add_node(c, "B", "b");
  add_node(c, "C", "c");
  add_edge(c, "A", "B");  // B is linked from outside: S is an ordinary cluster
  add_edge(c, "S", "C");
  Subgraph s;
  s.id = "S";
  s.title.text = "group";
  s.nodes = {"B"};
  c.subgraphs.push_back(s);
  const FlowLayout l = lay_out(c);
  REQUIRE(l.edges.size() == 2);
  const Box& cluster = l.clusters.at(0).box;
  CHECK(distance_to_border(l.edges[1].path.front(), cluster) < 2.0);
  CHECK(node(l, "C").box.y > cluster.bottom());
}

TEST_CASE("an empty subgraph still gets a box, and edges to it end at its border", "[mermaid][layout]") {
  Flowchart c;
  add_node(c, "A", "a");
  add_edge(c, "A", "E");
  Subgraph s;
  s.id = "E";
  s.title.text = "Empty one";
  c.subgraphs.push_back(s);
  const FlowLayout l = lay_out(c);
  REQUIRE(l.clusters.size() == 1);
  const Box& box = l.clusters[0].box;
  REQUIRE(l.clusters[0].title);
  CHECK(box.width >= l.clusters[0].title->width());
  CHECK(box.height >= l.clusters[0].title->height());
  CHECK(box.y > node(l, "A").box.bottom());
  REQUIRE(l.edges.size() == 1);
  CHECK(distance_to_border(l.edges[0].path.back(), box) < 2.0);
}
