#include "highlight/code_blocks.hpp"

#include "base/parallel.hpp"
#include "model/walk.hpp"

#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace pp::highlight {

namespace {

std::string expand_tabs(const std::string& code) {
  std::string out;
  out.reserve(code.size());
  int column = 0;
  for (char c : code) {
    if (c == '\t') {
      const int spaces = 4 - column % 4;
      out.append(static_cast<std::size_t>(spaces), ' ');
      column += spaces;
    } else {
      out += c;
      column = c == '\n' ? 0 : column + ((static_cast<unsigned char>(c) & 0xC0) != 0x80);
    }
  }
  return out;
}

}  // namespace

std::string shown_code(const std::string& code, CodeText form) {
  std::string out = form == CodeText::tabs_expanded ? expand_tabs(code) : code;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

const HighlightedCode* find_highlight(const CodeHighlights* highlights, const model::Block& block) {
  if (!highlights) return nullptr;
  const auto it = highlights->find(&block);
  return it == highlights->end() ? nullptr : &it->second;
}

CodeHighlights highlight_code_blocks(const model::Book& book, CodeText form, unsigned jobs) {
  // Each distinct (language, text) once: a post published in four languages repeats most of its code
  // blocks in every version, and blogs repeat their install and config snippets from post to post.
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> distinct;  // -> index in `firsts`
  std::vector<const model::Block*> firsts;
  std::vector<std::pair<const model::Block*, std::size_t>> blocks;  // every block, with its distinct index
  for (const auto& doc : book.chapters)
    model::walk_blocks(doc.blocks, [&](const model::Block& b) {
      if (b.kind != model::BlockKind::code_block || b.info.empty()) return true;
      const auto [it, added] = distinct.try_emplace({b.info, b.text}, firsts.size());
      if (added) firsts.push_back(&b);
      blocks.emplace_back(&b, it->second);
      return true;
    });
  std::vector<HighlightedCode> results(firsts.size());
  base::parallel_for(firsts.size(), jobs, [&](std::size_t i) {
    const model::Block& b = *firsts[i];
    try {
      results[i] = highlight(shown_code(b.text, form), b.info);
    } catch (const std::exception&) {
      results[i] = {};  // a definition that fails leaves the block plain rather than the book unwritten
    }
  });
  CodeHighlights out;
  for (const auto& [block, index] : blocks) out.emplace(block, results[index]);
  return out;
}

}  // namespace pp::highlight
