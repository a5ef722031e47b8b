// Values from Mermaid's theme-default.js after updateColors() (see ../shared/mermaid-notes.md 3.1), and the
// neutral, forest and dark themes' main colours.
#include "figure/mermaid/theme.hpp"

namespace pp::figure::mermaid {

namespace {

Color hex(const char* s) { return *parse_css_color(s); }

Theme default_theme() {
  Theme t;
  t.node_fill = hex("#ECECFF");
  t.node_stroke = hex("#9370DB");
  t.node_text = hex("#333333");
  t.line = hex("#333333");
  t.edge_label_background = Color{232 / 255.0, 232 / 255.0, 232 / 255.0, 0.8};
  t.edge_text = hex("#333333");
  t.cluster_fill = hex("#ffffde");
  t.cluster_stroke = hex("#aaaa33");
  t.cluster_text = hex("#333333");
  t.actor_fill = hex("#ECECFF");
  t.actor_stroke = hex("#9370DB");
  t.actor_text = hex("#000000");
  t.actor_line = hex("#9370DB");
  t.signal = hex("#333333");
  t.note_fill = hex("#fff5ad");
  t.note_stroke = hex("#aaaa33");
  t.note_text = hex("#000000");
  t.label_box_fill = hex("#ECECFF");
  t.label_box_stroke = hex("#9370DB");
  t.loop_text = hex("#000000");
  t.activation_fill = hex("#f4f4f4");
  t.activation_stroke = hex("#666666");
  t.sequence_number = hex("#ffffff");
  return t;
}

}  // namespace

Theme make_theme(const std::string& name, const std::map<std::string, std::string>& variables,
                 std::vector<std::string>& warnings) {
  Theme t = default_theme();
  if (name == "neutral") {
    t.node_fill = t.actor_fill = t.label_box_fill = hex("#eeeeee");
    t.node_stroke = t.actor_stroke = t.label_box_stroke = t.actor_line = hex("#999999");
    t.cluster_fill = hex("#f4f4f4");
    t.cluster_stroke = hex("#666666");
    t.line = t.signal = hex("#666666");
  } else if (name == "forest") {
    t.node_fill = t.actor_fill = t.label_box_fill = hex("#cde498");
    t.node_stroke = t.actor_stroke = t.label_box_stroke = t.actor_line = hex("#13540c");
    t.cluster_fill = hex("#cdffb2");
    t.cluster_stroke = hex("#6eaa49");
    t.line = t.signal = hex("#008000");
  } else if (name == "dark") {
    t.background = hex("#333333");
    t.node_fill = t.actor_fill = t.label_box_fill = hex("#1f2020");
    t.node_stroke = t.actor_stroke = t.label_box_stroke = t.actor_line = hex("#cccccc");
    t.node_text = t.edge_text = t.cluster_text = t.actor_text = t.note_text = t.loop_text = hex("#e0dfdf");
    t.line = t.signal = hex("#d3d3d3");
    t.cluster_fill = hex("#585858");
    t.cluster_stroke = hex("#cccccc");
    t.edge_label_background = hex("#585858");
    t.note_fill = hex("#585858");
  }  // anything else is the default theme; preprocessing warned about a name it does not know, where it was written
  // The variables real diagrams set; each maps onto the colours it controls in Mermaid.
  const std::map<std::string, std::vector<Color Theme::*>> targets = {
      {"primaryColor", {&Theme::node_fill, &Theme::actor_fill, &Theme::label_box_fill}},
      {"mainBkg", {&Theme::node_fill}},
      {"nodeBkg", {&Theme::node_fill}},
      {"primaryBorderColor", {&Theme::node_stroke, &Theme::actor_stroke, &Theme::label_box_stroke}},
      {"nodeBorder", {&Theme::node_stroke}},
      {"primaryTextColor", {&Theme::node_text, &Theme::actor_text}},
      {"textColor", {&Theme::cluster_text, &Theme::edge_text, &Theme::loop_text}},
      {"lineColor", {&Theme::line, &Theme::signal}},
      {"defaultLinkColor", {&Theme::line}},
      {"secondaryColor", {&Theme::cluster_fill}},
      {"clusterBkg", {&Theme::cluster_fill}},
      {"clusterBorder", {&Theme::cluster_stroke}},
      {"edgeLabelBackground", {&Theme::edge_label_background}},
      {"tertiaryColor", {&Theme::cluster_fill}},
      {"background", {&Theme::background}},
      {"actorBkg", {&Theme::actor_fill}},
      {"actorBorder", {&Theme::actor_stroke}},
      {"actorTextColor", {&Theme::actor_text}},
      {"actorLineColor", {&Theme::actor_line}},
      {"signalColor", {&Theme::signal}},
      {"noteBkgColor", {&Theme::note_fill}},
      {"noteBorderColor", {&Theme::note_stroke}},
      {"noteTextColor", {&Theme::note_text}},
      {"activationBkgColor", {&Theme::activation_fill}},
      {"activationBorderColor", {&Theme::activation_stroke}},
  };
  for (const auto& [key, value] : variables) {
    if (key == "fontSize") {
      if (auto px = parse_css_length(value); px && *px >= 6 && *px <= 64) t.font_size = *px;
      continue;
    }
    auto target = targets.find(key);
    if (target == targets.end()) continue;  // variables for other diagram types or effects we do not draw
    auto color = parse_css_color(value);
    if (!color) {
      warnings.push_back("themeVariables." + key + " '" + value + "' is not a colour; ignored");
      continue;
    }
    for (auto member : target->second) t.*member = *color;
  }
  return t;
}

}  // namespace pp::figure::mermaid
