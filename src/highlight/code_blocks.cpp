#include "highlight/code_blocks.hpp"

#include "base/deep_stack.hpp"
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

CodeHighlights::CodeHighlights(const model::Book& book, CodeText form, unsigned jobs) {
  // Each distinct (language, text) once: a post published in four languages repeats most of its code
  // blocks in every version, and blogs repeat their install and config snippets from post to post.
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> distinct;
  for (const auto& doc : book.chapters)
    model::walk_blocks(doc.blocks, [&](const model::Block& b) {
      if (b.kind != model::BlockKind::code_block || b.info.empty()) return true;
      const auto [it, added] = distinct.try_emplace({b.info, b.text}, firsts_.size());
      if (added) firsts_.push_back(&b);
      index_of_.emplace(&b, it->second);
      return true;
    });
  results_.resize(firsts_.size());
  if (jobs != 1 && !firsts_.empty())
    thread_ = std::make_unique<base::DeepStackThread>([this, form] { highlight_all(form); });
  else
    highlight_all(form);
}

CodeHighlights::~CodeHighlights() {
  stop_ = true;
  thread_.reset();  // joins
}

void CodeHighlights::highlight_all(CodeText form) {
  for (std::size_t i = 0; i < firsts_.size() && !stop_; ++i) {
    const model::Block& b = *firsts_[i];
    try {
      results_[i] = highlight(shown_code(b.text, form), b.info);
    } catch (...) {
      // A definition that fails leaves the block plain rather than the book unwritten; and every block
      // must become ready, or a lookup would wait for ever.
    }
    ready_.store(i + 1, std::memory_order_release);
    ready_.notify_all();
  }
}

const HighlightedCode* CodeHighlights::find(const model::Block& block) const {
  const auto it = index_of_.find(&block);
  if (it == index_of_.end()) return nullptr;
  for (std::size_t ready = ready_.load(std::memory_order_acquire); ready <= it->second;
       ready = ready_.load(std::memory_order_acquire))
    ready_.wait(ready, std::memory_order_acquire);
  return &results_[it->second];
}

}  // namespace pp::highlight
