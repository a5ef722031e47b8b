// Shape data bodies and the table of Mermaid shape names mapped onto our fifteen shapes.
#include "figure/mermaid/syntax/shape_data.hpp"

#include "figure/mermaid/syntax/config_tree.hpp"
#include "figure/mermaid/syntax/labels.hpp"
#include "figure/mermaid/syntax/scan.hpp"

#include <algorithm>
#include <array>

namespace pp::figure::mermaid::syntax {

namespace {

struct NameEntry {
  std::string_view name;
  NodeShape shape;
  bool exact;
};

using S = NodeShape;

// Exact equivalents first; the rest are Mermaid's newer shapes, drawn as the closest classic one.
constexpr std::array<NameEntry, 126> names{{
    {"rect", S::rect, true},
    {"proc", S::rect, true},
    {"process", S::rect, true},
    {"rectangle", S::rect, true},
    {"squareRect", S::rect, true},
    {"rounded", S::round, true},
    {"event", S::round, true},
    {"roundedRect", S::round, true},
    {"stadium", S::stadium, true},
    {"terminal", S::stadium, true},
    {"pill", S::stadium, true},
    {"fr-rect", S::subroutine, true},
    {"subprocess", S::subroutine, true},
    {"subproc", S::subroutine, true},
    {"framed-rectangle", S::subroutine, true},
    {"subroutine", S::subroutine, true},
    {"cyl", S::cylinder, true},
    {"db", S::cylinder, true},
    {"database", S::cylinder, true},
    {"cylinder", S::cylinder, true},
    {"circle", S::circle, true},
    {"circ", S::circle, true},
    {"diam", S::diamond, true},
    {"decision", S::diamond, true},
    {"diamond", S::diamond, true},
    {"question", S::diamond, true},
    {"hex", S::hexagon, true},
    {"hexagon", S::hexagon, true},
    {"prepare", S::hexagon, true},
    {"lean-r", S::lean_right, true},
    {"lean-right", S::lean_right, true},
    {"in-out", S::lean_right, true},
    {"lean_right", S::lean_right, true},
    {"lean-l", S::lean_left, true},
    {"lean-left", S::lean_left, true},
    {"out-in", S::lean_left, true},
    {"lean_left", S::lean_left, true},
    {"trap-b", S::trapezoid, true},
    {"priority", S::trapezoid, true},
    {"trapezoid-bottom", S::trapezoid, true},
    {"trapezoid", S::trapezoid, true},
    {"trap-t", S::inv_trapezoid, true},
    {"manual", S::inv_trapezoid, true},
    {"trapezoid-top", S::inv_trapezoid, true},
    {"inv-trapezoid", S::inv_trapezoid, true},
    {"inv_trapezoid", S::inv_trapezoid, true},
    {"dbl-circ", S::double_circle, true},
    {"double-circle", S::double_circle, true},
    {"doublecircle", S::double_circle, true},
    {"odd", S::asymmetric, true},
    {"rect_left_inv_arrow", S::asymmetric, true},
    {"ellipse", S::ellipse, true},
    // Approximations.
    {"datastore", S::cylinder, false},
    {"data-store", S::cylinder, false},
    {"bang", S::circle, false},
    {"cloud", S::round, false},
    {"text", S::rect, false},
    {"notch-rect", S::rect, false},
    {"card", S::rect, false},
    {"notched-rectangle", S::rect, false},
    {"lin-rect", S::subroutine, false},
    {"lined-rectangle", S::subroutine, false},
    {"lined-process", S::subroutine, false},
    {"lin-proc", S::subroutine, false},
    {"shaded-process", S::subroutine, false},
    {"sm-circ", S::circle, false},
    {"start", S::circle, false},
    {"small-circle", S::circle, false},
    {"fr-circ", S::double_circle, false},
    {"stop", S::double_circle, false},
    {"framed-circle", S::double_circle, false},
    {"fork", S::rect, false},
    {"join", S::rect, false},
    {"hourglass", S::rect, false},
    {"collate", S::rect, false},
    {"brace", S::rect, false},
    {"comment", S::rect, false},
    {"brace-l", S::rect, false},
    {"brace-r", S::rect, false},
    {"braces", S::rect, false},
    {"bolt", S::rect, false},
    {"com-link", S::rect, false},
    {"lightning-bolt", S::rect, false},
    {"doc", S::rect, false},
    {"document", S::rect, false},
    {"delay", S::stadium, false},
    {"half-rounded-rectangle", S::stadium, false},
    {"h-cyl", S::cylinder, false},
    {"das", S::cylinder, false},
    {"horizontal-cylinder", S::cylinder, false},
    {"lin-cyl", S::cylinder, false},
    {"disk", S::cylinder, false},
    {"lined-cylinder", S::cylinder, false},
    {"curv-trap", S::rect, false},
    {"curved-trapezoid", S::rect, false},
    {"display", S::rect, false},
    {"div-rect", S::rect, false},
    {"div-proc", S::rect, false},
    {"divided-rectangle", S::rect, false},
    {"divided-process", S::rect, false},
    {"tri", S::trapezoid, false},
    {"extract", S::trapezoid, false},
    {"triangle", S::trapezoid, false},
    {"win-pane", S::rect, false},
    {"internal-storage", S::rect, false},
    {"window-pane", S::rect, false},
    {"f-circ", S::circle, false},
    {"junction", S::circle, false},
    {"filled-circle", S::circle, false},
    {"notch-pent", S::hexagon, false},
    {"loop-limit", S::hexagon, false},
    {"notched-pentagon", S::hexagon, false},
    {"flip-tri", S::inv_trapezoid, false},
    {"manual-file", S::inv_trapezoid, false},
    {"flipped-triangle", S::inv_trapezoid, false},
    {"sl-rect", S::rect, false},
    {"manual-input", S::rect, false},
    {"sloped-rectangle", S::rect, false},
    {"docs", S::rect, false},
    {"documents", S::rect, false},
    {"st-doc", S::rect, false},
    {"stacked-document", S::rect, false},
    {"st-rect", S::rect, false},
    {"procs", S::rect, false},
    {"processes", S::rect, false},
    {"stacked-rectangle", S::rect, false},
}};
// Not listed (drawn as rectangles with a warning, like unknown names): bow-rect, cross-circ, tag-doc, tag-rect,
// flag, lin-doc and Mermaid's internal names (icon*, image*, state*, ...).

void add_flow_pairs(std::string_view body, std::size_t offset, ShapeData& out, ConfigRead& read) {
  if (body.find('\n') == std::string_view::npos) {
    read = read_flow_config("{" + std::string(body) + "}", offset == 0 ? 0 : offset - 1);
  } else {
    read = read_yaml_config(body, offset);
  }
  for (auto& w : read.warnings) out.warnings.emplace_back(w.offset, std::move(w.message));
  for (auto& e : read.errors) out.warnings.emplace_back(e.offset, "shape data not read: " + e.message);
}

// A multi-line double-quoted value: Mermaid turns each newline and the indentation after it into <br/>.
std::string drop_indentation(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    out += s[i];
    if (s[i++] == '\n') i = skip_blanks(s, i);
  }
  return out;
}

}  // namespace

std::optional<ShapeName> shape_from_name(std::string_view name) {
  const auto it = std::find_if(names.begin(), names.end(), [&](const NameEntry& e) { return e.name == name; });
  if (it == names.end()) return std::nullopt;
  return ShapeName{it->shape, it->exact};
}

ShapeData read_shape_data(std::string_view body, std::size_t body_offset) {
  ShapeData out;
  ConfigRead read;
  add_flow_pairs(body, body_offset, out, read);
  if (!read.value || read.value->kind != ConfigValue::Kind::map) return out;
  const ConfigValue& map = *read.value;
  if (const ConfigValue* shape = map.find("shape")) out.shape = shape->scalar;
  if (const ConfigValue* label = map.find("label")) {
    const ConfigValue* type = map.find("labelType");
    const bool markdown = !type || (type->scalar != "string" && type->scalar != "text");
    out.label = Label{plain_text(drop_indentation(label->scalar)), markdown};
  }
  if (const ConfigValue* curve = map.find("curve")) out.curve = curve->scalar;
  for (const char* key : {"icon", "img"}) {
    if (map.find(key)) out.warnings.emplace_back(body_offset, std::string(key) + " nodes are drawn without the " + key);
  }
  return out;
}

}  // namespace pp::figure::mermaid::syntax
