// Graphviz through its C library. Nodes are fixed-size (we measured them with Pango); edge and cluster
// labels are fixed-size HTML tables, so dot reserves exactly the space our text needs and places edge
// labels in a middle rank, as Mermaid's dagre layout does. Graphviz works in points with y upwards;
// we use CSS pixels 1:1 for points and flip y.
#include "figure/graphviz_layout.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <new>
#include <string>
#include <string_view>

// Only the dot layout plugin, linked in: no plugin configuration file, no dlopen of renderers we never use.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
static lt_symlist_t postpress_graphviz_plugins[] = {
    {"gvplugin_dot_layout_LTX_library", reinterpret_cast<void*>(&gvplugin_dot_layout_LTX_library)},
    {nullptr, nullptr},
};
}

namespace pp::figure {

namespace {

const char* shape_name(GvShape s) {
  switch (s) {
    case GvShape::box: case GvShape::rounded_box: return "box";
    case GvShape::ellipse: return "ellipse";
    case GvShape::circle: return "circle";
    case GvShape::double_circle: return "doublecircle";
    case GvShape::diamond: return "diamond";
    case GvShape::hexagon: return "hexagon";
    case GvShape::cylinder: return "cylinder";
    case GvShape::trapezium: return "trapezium";
    case GvShape::inv_trapezium: return "invtrapezium";
    case GvShape::point: return "point";
  }
  return "box";
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", v);
  return buffer;
}

// An HTML-like label that is an empty table of exactly w x h points.
std::string spacer_label(double w, double h) {
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"" +
         std::to_string(static_cast<int>(std::ceil(std::max(w, 1.0)))) + "\" HEIGHT=\"" +
         std::to_string(static_cast<int>(std::ceil(std::max(h, 1.0)))) + "\"><TR><TD></TD></TR></TABLE>";
}

// Real diagrams have a median of 7 nodes and rarely 50; past either of these, layout effort is capped.
// Edges count too: 150 nodes tied by 500 random edges took 25 s uncapped.
constexpr std::size_t large_graph_nodes = 150;
constexpr std::size_t large_graph_edges = 200;

// Graphviz keeps global state (its error handler, plugin lists); one layout at a time.
std::mutex graphviz_mutex;

// Object IDs in creation order. cgraph's default ID discipline makes a named object's ID the address of its
// interned name, and keeps a graph's subgraphs in ID order: dot then meets our clusters (ranking, crossing
// minimisation, the x-coordinate network simplex) in the order malloc happened to place the "cluster_N"
// strings, which varies from run to run, and ties in the layout resolve differently (a cluster 1 px off,
// about one run in ten). This discipline numbers names as they are first seen, per graph, so clusters come
// in the order we add them. Names stay interned in the graph's string pool, as with the default, so
// agnameof returns the same kind of string and agfindsubg (lhead/ltail) finds a cluster by name.
// (Later Graphviz releases keep subgraphs in creation order themselves.)
struct CreationOrderIds {
  Agraph_t* root = nullptr;
  IDTYPE next = 1;
  std::map<std::string, IDTYPE, std::less<>> ids;
  std::map<IDTYPE, char*> names;  // interned with agstrdup
};

void* ids_open(Agraph_t* root, Agdisc_t*) {
  auto* state = new (std::nothrow) CreationOrderIds;
  if (state) state->root = root;
  return state;
}

long ids_map(void* state, int, char* name, IDTYPE* id, int create) {
  auto* s = static_cast<CreationOrderIds*>(state);
  if (!s) return 0;
  try {
    if (!name) {  // an anonymous object
      *id = s->next++;
      return 1;
    }
    if (auto it = s->ids.find(std::string_view(name)); it != s->ids.end()) {
      *id = it->second;
      return 1;
    }
    if (!create) return 0;
    const IDTYPE fresh = s->next++;
    s->names.emplace(fresh, agstrdup(s->root, name));
    s->ids.emplace(name, fresh);
    *id = fresh;
    return 1;
  } catch (...) {  // no exceptions through Graphviz's C frames
    return 0;
  }
}

long ids_alloc(void*, int, IDTYPE) { return 0; }  // no caller-chosen IDs, as in the default discipline
void ids_free(void*, int, IDTYPE) {}               // names live until the graph closes

char* ids_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<CreationOrderIds*>(state);
  if (!s) return nullptr;
  auto it = s->names.find(id);
  return it == s->names.end() ? nullptr : it->second;
}

void ids_close(void* state) {  // agclose calls this before it drops the string pool
  auto* s = static_cast<CreationOrderIds*>(state);
  if (!s) return;
  for (auto& [id, name] : s->names) agstrfree(s->root, name);
  delete s;
}

void ids_register(void*, int, void*) {}

Agiddisc_t creation_order_ids{ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
Agdisc_t creation_order_discipline{&AgMemDisc, &creation_order_ids, &AgIoDisc};

// Graphviz 2.42's dot grows a rank's node array with realloc when it inserts the label node of a flat
// edge (flat.c, make_vn_slot) but leaves the rank's `av`, the pointer its cleanup frees, on the old block:
// gvFreeLayout then frees memory realloc already released, possibly handed out again since (valgrind:
// "Invalid free"). Point `av` back at the live array first; `v` inside the old array is a legitimate
// offset view and is left alone.
void repair_rank_arrays(Agraph_t* root) {
  rank_t* ranks = GD_rank(root);
  if (!ranks) return;
  for (int r = GD_minrank(root); r <= GD_maxrank(root); ++r) {
    rank_t& rank = ranks[r];
    const auto v = reinterpret_cast<std::uintptr_t>(rank.v), av = reinterpret_cast<std::uintptr_t>(rank.av);
    const std::size_t slots = static_cast<std::size_t>(std::max(rank.an, 0)) + 1;
    const bool inside_av = av && v >= av && v <= av + slots * sizeof(Agnode_t*);
    if (rank.v && !inside_av) rank.av = rank.v;
  }
}

}  // namespace

struct GraphvizLayout::Impl {
  GVC_t* gvc = nullptr;
  Agraph_t* root = nullptr;
  std::vector<Agraph_t*> clusters;  // index = ClusterId
  std::vector<Agnode_t*> nodes;
  std::vector<Agedge_t*> edges;
  bool laid_out = false;
  double top = 0;  // bounding box top in Graphviz coordinates, for flipping y

  void set(void* obj, const char* name, const std::string& value) {
    agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
  }
  void set_html(void* obj, int kind, const char* name, const std::string& html) {
    Agsym_t* sym = agattr(root, kind, const_cast<char*>(name), const_cast<char*>(""));
    char* s = agstrdup_html(root, const_cast<char*>(html.c_str()));
    agxset(obj, sym, s);
    agstrfree(root, s);
  }
  Point flip(pointf p) const { return {p.x, top - p.y}; }
};

GraphvizLayout::GraphvizLayout(GvDirection direction, double node_sep, double rank_sep) : impl_(std::make_unique<Impl>()) {
  std::lock_guard lock(graphviz_mutex);
  impl_->gvc = gvContextPlugins(postpress_graphviz_plugins, 0);
  Agdesc_t desc = Agdirected;
  impl_->root = agopen(const_cast<char*>("g"), desc, &creation_order_discipline);
  impl_->clusters.push_back(impl_->root);
  const char* rankdir = direction == GvDirection::top_bottom   ? "TB"
                        : direction == GvDirection::bottom_top ? "BT"
                        : direction == GvDirection::left_right ? "LR"
                                                               : "RL";
  impl_->set(impl_->root, "rankdir", rankdir);
  impl_->set(impl_->root, "nodesep", number(node_sep / 72.0));
  impl_->set(impl_->root, "ranksep", number(rank_sep / 72.0));
  impl_->set(impl_->root, "compound", "true");
  impl_->set(impl_->root, "splines", "spline");
  impl_->set(impl_->root, "pad", "0");
  impl_->set(impl_->root, "margin", "0");
}

GraphvizLayout::~GraphvizLayout() {
  std::lock_guard lock(graphviz_mutex);
  if (impl_->laid_out) {
    repair_rank_arrays(impl_->root);
    gvFreeLayout(impl_->gvc, impl_->root);
  }
  agclose(impl_->root);
  gvFreeContext(impl_->gvc);
}

GraphvizLayout::ClusterId GraphvizLayout::add_cluster(ClusterId parent, double title_width, double title_height, double margin) {
  std::lock_guard lock(graphviz_mutex);  // cgraph keeps a global while it creates objects
  const std::string name = "cluster_" + std::to_string(impl_->clusters.size());
  Agraph_t* sub = agsubg(impl_->clusters.at(static_cast<std::size_t>(parent)), const_cast<char*>(name.c_str()), 1);
  impl_->set(sub, "margin", number(margin));
  impl_->set(sub, "labelloc", "t");
  impl_->set(sub, "labeljust", "c");
  if (title_width > 0 && title_height > 0) impl_->set_html(sub, AGRAPH, "label", spacer_label(title_width, title_height));
  impl_->clusters.push_back(sub);
  return static_cast<ClusterId>(impl_->clusters.size() - 1);
}

GraphvizLayout::NodeId GraphvizLayout::add_node(ClusterId cluster, GvShape shape, double width, double height) {
  std::lock_guard lock(graphviz_mutex);  // cgraph keeps a global while it creates objects
  const std::string name = "n" + std::to_string(impl_->nodes.size());
  Agnode_t* n = agnode(impl_->clusters.at(static_cast<std::size_t>(cluster)), const_cast<char*>(name.c_str()), 1);
  impl_->set(n, "shape", shape_name(shape));
  impl_->set(n, "fixedsize", "true");
  impl_->set(n, "width", number(width / 72.0));
  impl_->set(n, "height", number(height / 72.0));
  impl_->set(n, "label", "");
  impl_->nodes.push_back(n);
  return static_cast<NodeId>(impl_->nodes.size() - 1);
}

GraphvizLayout::EdgeId GraphvizLayout::add_edge(NodeId from, NodeId to, int min_length,
                                                std::optional<std::pair<double, double>> label, bool invisible,
                                                std::optional<ClusterId> tail_cluster,
                                                std::optional<ClusterId> head_cluster) {
  std::lock_guard lock(graphviz_mutex);  // cgraph keeps a global while it creates objects
  const std::string name = "e" + std::to_string(impl_->edges.size());
  Agedge_t* e = agedge(impl_->root, impl_->nodes.at(static_cast<std::size_t>(from)),
                       impl_->nodes.at(static_cast<std::size_t>(to)), const_cast<char*>(name.c_str()), 1);
  impl_->set(e, "arrowhead", "none");  // we draw Mermaid's arrowheads ourselves
  impl_->set(e, "arrowtail", "none");
  impl_->set(e, "minlen", std::to_string(std::max(1, min_length)));
  if (invisible) impl_->set(e, "style", "invis");
  if (label) impl_->set_html(e, AGEDGE, "label", spacer_label(label->first, label->second));
  if (tail_cluster) impl_->set(e, "ltail", agnameof(impl_->clusters.at(static_cast<std::size_t>(*tail_cluster))));
  if (head_cluster) impl_->set(e, "lhead", agnameof(impl_->clusters.at(static_cast<std::size_t>(*head_cluster))));
  impl_->edges.push_back(e);
  return static_cast<EdgeId>(impl_->edges.size() - 1);
}

bool GraphvizLayout::layout(std::string& error) {
  std::lock_guard lock(graphviz_mutex);
  // dot's crossing minimisation grows much faster than the graph; beyond blog-sized diagrams it gets a
  // bounded effort (a 600-node tangle: 14 s -> about a second; 150 nodes and 500 edges: 25 s -> 3 s),
  // trading a few crossings for time. nslimit (x-coordinate placement) is what dense graphs spend on.
  if (impl_->nodes.size() > large_graph_nodes || impl_->edges.size() > large_graph_edges) {
    impl_->set(impl_->root, "mclimit", "0.1");
    impl_->set(impl_->root, "nslimit", "2");
    impl_->set(impl_->root, "nslimit1", "2");
    impl_->set(impl_->root, "searchsize", "10");
  }
  agseterr(AGMAX);  // Graphviz would print warnings to stderr; only the return value counts here
  if (gvLayout(impl_->gvc, impl_->root, "dot") != 0) {
    error = "graphviz could not lay out the diagram";
    return false;
  }
  impl_->laid_out = true;
  impl_->top = GD_bb(impl_->root).UR.y;
  return true;
}

Box GraphvizLayout::bounds() const {
  const boxf bb = GD_bb(impl_->root);
  return {bb.LL.x, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y};
}

Box GraphvizLayout::node_box(NodeId id) const {
  Agnode_t* n = impl_->nodes.at(static_cast<std::size_t>(id));
  const Point c = impl_->flip(ND_coord(n));
  const double w = ND_width(n) * 72.0, h = ND_height(n) * 72.0;
  return {c.x - w / 2, c.y - h / 2, w, h};
}

BezierPath GraphvizLayout::edge_path(EdgeId id) const {
  BezierPath path;
  Agedge_t* e = impl_->edges.at(static_cast<std::size_t>(id));
  const splines* spl = ED_spl(e);
  if (!spl) return path;
  for (std::size_t b = 0; b < static_cast<std::size_t>(spl->size); ++b) {
    const bezier& bz = spl->list[b];
    for (std::size_t i = 0; i < static_cast<std::size_t>(bz.size); ++i) {
      if (b > 0 && i == 0) continue;  // a later piece starts where the previous ended
      path.push_back(impl_->flip(bz.list[i]));
    }
  }
  return path;
}

std::optional<Point> GraphvizLayout::edge_label_center(EdgeId id) const {
  const textlabel_t* label = ED_label(impl_->edges.at(static_cast<std::size_t>(id)));
  if (!label || !label->set) return std::nullopt;
  return impl_->flip(label->pos);
}

Box GraphvizLayout::cluster_box(ClusterId id) const {
  const boxf bb = GD_bb(impl_->clusters.at(static_cast<std::size_t>(id)));
  return {bb.LL.x, impl_->top - bb.UR.y, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y};
}

}  // namespace pp::figure
