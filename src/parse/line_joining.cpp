// The rule follows CSS Text 3 segment-break transformation for East Asian wide characters.
#include "parse/line_joining.hpp"

#include "base/utf8.hpp"
#include "model/walk.hpp"

namespace pp::parse {

namespace {

using model::Inline;
using model::InlineKind;
using model::Inlines;

// The character a reader sees at the edge of an inline; 0 when there is none (a break, an image).
char32_t edge_char(const Inline& in, bool last) {
  const Inline* cur = &in;
  for (int guard = 0; guard < 1000; ++guard) {
    if (cur->kind == InlineKind::text || cur->kind == InlineKind::code)
      return last ? base::last_code_point(cur->text) : base::first_code_point(cur->text);
    if (cur->kind == InlineKind::image || cur->children.empty()) return 0;
    cur = last ? &cur->children.back() : &cur->children.front();
  }
  return 0;
}

bool joins_without_space(char32_t before, char32_t after) {
  if (!before || !after) return false;
  if (base::is_hangul(before) || base::is_hangul(after)) return false;
  if (base::is_cjk_punctuation(before) || base::is_cjk_punctuation(after)) return true;
  return base::is_cjk_unspaced(before) && base::is_cjk_unspaced(after);
}

void join_sequence(Inlines& inlines) {
  Inlines out;
  out.reserve(inlines.size());
  for (std::size_t i = 0; i < inlines.size(); ++i) {
    Inline& in = inlines[i];
    if (in.kind == InlineKind::text && in.text.empty()) continue;
    if (in.kind == InlineKind::soft_break && !out.empty() && i + 1 < inlines.size() &&
        joins_without_space(edge_char(out.back(), true), edge_char(inlines[i + 1], false)))
      continue;
    if (in.kind == InlineKind::text && !out.empty() && out.back().kind == InlineKind::text) {
      out.back().text += in.text;
      continue;
    }
    out.push_back(std::move(in));
  }
  inlines = std::move(out);
}

void join_all(Inlines& inlines) {
  std::vector<Inlines*> stack{&inlines};
  while (!stack.empty()) {
    Inlines* seq = stack.back();
    stack.pop_back();
    join_sequence(*seq);
    for (auto& in : *seq)
      if (!in.children.empty()) stack.push_back(&in.children);
  }
}

}  // namespace

void join_lines(Inlines& inlines) { join_all(inlines); }

void join_lines(std::vector<model::Block>& blocks) {
  model::walk_blocks(blocks, [](model::Block& b) {
    join_all(b.inlines);
    for (auto& cell : b.table.header) join_all(cell);
    for (auto& row : b.table.rows)
      for (auto& cell : row) join_all(cell);
    return true;
  });
}

}  // namespace pp::parse
