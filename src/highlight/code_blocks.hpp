// A book's code blocks, highlighted on a thread of their own while the writer works. Highlighting is the
// costliest part of writing code, and the writers (EPUB chapters, PDF layout) meet the blocks in book
// order, the order they are highlighted in: a lookup waits only for the block it asks about, so the
// highlighting overlaps with drawing diagrams, tables and pages.
#pragma once

#include "highlight/code_highlighter.hpp"
#include "model/book.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace pp::base {
class DeepStackThread;
}

namespace pp::highlight {

// How a writer shows a code block's text, which the highlighter's offsets count in: as written (XHTML
// keeps tabs) or with tabs expanded to 4-column stops (the PDF sets them as spaces). Either way without
// trailing newlines.
enum class CodeText { as_written, tabs_expanded };

std::string shown_code(const std::string& source, CodeText form);

class CodeHighlights {
 public:
  // Code blocks (not diagrams) with an info string, in every chapter of `book` (which must outlive this),
  // highlighted in `form`, each distinct (language, text) once. The work runs on its own thread from now
  // on, unless `jobs` is 1, which asks for no thread besides the caller's: then it is all done before the
  // constructor returns.
  CodeHighlights(const model::Book& book, CodeText form, unsigned jobs);
  ~CodeHighlights();  // stops the thread early if the writer gave up
  CodeHighlights(const CodeHighlights&) = delete;
  CodeHighlights& operator=(const CodeHighlights&) = delete;

  // The block's highlighting (waiting for it if need be), or null when it is not highlighted at all.
  // A block with a language nobody knows gets an empty result, not null.
  const HighlightedCode* find(const model::Block& block) const;

  std::size_t size() const { return index_of_.size(); }  // blocks with a result

 private:
  void highlight_all(CodeText form);

  std::map<const model::Block*, std::size_t> index_of_;  // -> index in firsts_ and results_
  std::vector<const model::Block*> firsts_;  // each distinct block's first use, in book order
  std::vector<HighlightedCode> results_;
  std::atomic<std::size_t> ready_{0};  // results_[0, ready_) are done
  std::atomic<bool> stop_{false};
  std::unique_ptr<base::DeepStackThread> thread_;
};

// The block's highlighting, or null when it has none (no language, or `highlights` null: no highlighting).
inline const HighlightedCode* find_highlight(const CodeHighlights* highlights, const model::Block& block) {
  return highlights ? highlights->find(block) : nullptr;
}

}  // namespace pp::highlight
