// The one place that calls cmark-gfm's parser functions.
#include "parse/cmark_tree.hpp"

#include <cmark-gfm-core-extensions.h>

#include <mutex>
#include <stdexcept>

namespace pp::parse {

CmarkTree::CmarkTree(std::string_view markdown) {
  // Registration mutates a global list; once, before any thread parses.
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  parser_ = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES);
  if (!parser_) throw std::bad_alloc();
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (!ext) throw std::logic_error(std::string("internal error: cmark-gfm extension missing: ") + name);
    cmark_parser_attach_syntax_extension(parser_, ext);
  }
  {
    // cmark-gfm 0.29 (Debian 12) switches the extensions' special characters on and off in a
    // process-global table at the start and end of every inline pass; two threads parsing at once
    // make '~' or autolinks vanish from one of them. The parse itself is therefore serialised;
    // everything after it (tree building, HTML, writing) still runs in parallel.
    static std::mutex global_inline_tables;
    std::lock_guard lock(global_inline_tables);
    cmark_parser_feed(parser_, markdown.data(), markdown.size());
    root_ = cmark_parser_finish(parser_);
  }
  if (!root_) {
    cmark_parser_free(parser_);
    throw std::bad_alloc();
  }
}

CmarkTree::~CmarkTree() {
  cmark_node_free(root_);
  cmark_parser_free(parser_);
}

}  // namespace pp::parse
