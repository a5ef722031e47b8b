// A book's code blocks are highlighted once per distinct (language, text), and every block gets its result.
#include "highlight/code_blocks.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace pp;

namespace {

model::Block code(const std::string& info, const std::string& text) {
  model::Block b;
  b.kind = model::BlockKind::code_block;
  b.info = info;
  b.text = text;
  return b;
}

}  // namespace

TEST_CASE("every code block of a book gets its highlighting, repeated blocks included", "[highlight]") {
  model::Book book;
  for (int c = 0; c < 3; ++c) {  // the same post in three languages: the code repeats, one comment differs
    model::Document doc;
    doc.blocks.push_back(code("python", "def f(x):\n    return x + 1\n"));
    doc.blocks.push_back(code("bash", c == 1 ? "# 中文注释\nls -l\n" : "# comment\nls -l\n"));
    model::Block quote;
    quote.kind = model::BlockKind::block_quote;
    quote.children.push_back(code("python", "def f(x):\n    return x + 1\n"));  // nested: found too
    doc.blocks.push_back(quote);
    doc.blocks.push_back(code("", "plain\n"));  // no language: not highlighted at all
    book.chapters.push_back(doc);
  }
  const unsigned jobs = GENERATE(1u, 0u);  // highlighted in the constructor, then on a thread of its own
  const highlight::CodeHighlights highlights(book, highlight::CodeText::as_written, jobs);
  CHECK(highlights.size() == 9);
  const auto& first = *highlight::find_highlight(&highlights, book.chapters[0].blocks[0]);
  CHECK(first.language == "Python");
  CHECK_FALSE(first.tokens.empty());
  for (const auto& doc : book.chapters) {
    CHECK(highlight::find_highlight(&highlights, doc.blocks[0])->tokens == first.tokens);
    CHECK(highlight::find_highlight(&highlights, doc.blocks[2].children[0])->tokens == first.tokens);
    CHECK(highlight::find_highlight(&highlights, doc.blocks[1])->language == "Bash");
    CHECK(highlight::find_highlight(&highlights, doc.blocks[3]) == nullptr);
  }
  // The block whose text differs has its own tokens: its comment is longer in bytes.
  const auto& other = highlight::find_highlight(&highlights, book.chapters[1].blocks[1])->tokens;
  const auto& same = highlight::find_highlight(&highlights, book.chapters[0].blocks[1])->tokens;
  REQUIRE_FALSE(other.empty());
  REQUIRE_FALSE(same.empty());
  CHECK(other.front().end != same.front().end);
}

TEST_CASE("a writer that gives up early does not wait for the rest of the highlighting", "[highlight]") {
  model::Book book;
  model::Document doc;
  for (int i = 0; i < 2000; ++i) doc.blocks.push_back(code("python", "x = " + std::to_string(i) + "\n"));
  book.chapters.push_back(doc);
  {
    const highlight::CodeHighlights highlights(book, highlight::CodeText::as_written, 0);
    CHECK(highlight::find_highlight(&highlights, book.chapters[0].blocks[0])->language == "Python");
  }  // destroyed with most blocks still to do: stops, joins
  const highlight::CodeHighlights last(book, highlight::CodeText::as_written, 0);
  CHECK(highlight::find_highlight(&last, book.chapters[0].blocks[1999])->language == "Python");
}

TEST_CASE("one job (-j 1) highlights in the constructor, on the caller's thread, with no thread of its own", "[highlight]") {
  model::Book book;
  model::Document doc;
  // Enough blocks that a thread started for them, wrongly, would still be at work when the threads are counted.
  for (int i = 0; i < 2000; ++i) doc.blocks.push_back(code("python", "y = " + std::to_string(i) + "\n"));
  book.chapters.push_back(doc);
  const auto threads = [] {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& task : std::filesystem::directory_iterator("/proc/self/task")) ++n;
    return n;
  };
  const std::size_t before = threads();
  const highlight::CodeHighlights highlights(book, highlight::CodeText::as_written, 1);
  CHECK(threads() == before);
  CHECK(highlight::find_highlight(&highlights, book.chapters[0].blocks[1999])->language == "Python");
}
