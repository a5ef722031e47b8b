// cmark nodes become model nodes here and never leave this file.
#include "parse/markdown.hpp"

#include "parse/cmark_tree.hpp"
#include "parse/raw_html.hpp"
#include "base/line_index.hpp"
#include "base/url_policy.hpp"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstring>

namespace pp::parse {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;
using model::Inlines;


bool type_is(cmark_node* n, const char* name) { return std::strcmp(cmark_node_get_type_string(n), name) == 0; }

class TreeBuilder {
 public:
  // Containers nested deeper than max_nesting are flattened into their parent: readers cannot show such
  // depth, and it keeps our recursion bounded for any input.
  TreeBuilder(std::string_view markdown, int first_line, const std::string& file, int max_nesting,
              base::DiagnosticSink& sink)
      : markdown_(markdown), lines_(markdown), line_offset_(first_line - 1), file_(file), max_nesting_(max_nesting),
        sink_(sink) {}

  std::vector<Block> blocks(cmark_node* parent, int depth) {
    std::vector<Block> out;
    bool has_html = false;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) has_html = true;
    if (has_html) return blocks_with_html(parent, depth);
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) add_block(n, out, depth);
    return out;
  }

 private:
  base::SourcePos pos(cmark_node* n) const {
    const int line = cmark_node_get_start_line(n);
    if (line <= 0) return {};
    return {line + line_offset_, cmark_node_get_start_column(n)};
  }

  void add_block(cmark_node* n, std::vector<Block>& out, int depth) {
    const bool container = cmark_node_get_type(n) == CMARK_NODE_LIST || cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE;
    if (container && depth >= max_nesting_) {
      if (!depth_warned_) {
        sink_.warning(file_, pos(n), "lists or quotes nested deeper than " + std::to_string(max_nesting_) +
                                         " levels are flattened", {"--max-nesting raises the limit"});
        depth_warned_ = true;
      }
      flatten(n, out, depth);
      return;
    }
    out.push_back(block(n, depth));
  }

  // Leaf blocks of a too-deep container, in document order, without recursion.
  void flatten(cmark_node* top, std::vector<Block>& out, int depth) {
    std::vector<cmark_node*> stack{top};
    while (!stack.empty()) {
      cmark_node* n = stack.back();
      stack.pop_back();
      const auto type = cmark_node_get_type(n);
      if (type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM) {
        std::vector<cmark_node*> kids;
        for (cmark_node* k = cmark_node_first_child(n); k; k = cmark_node_next(k)) kids.push_back(k);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
      } else {
        out.push_back(block(n, depth));
      }
    }
  }

  Block block(cmark_node* n, int depth) {
    Block b;
    b.pos = pos(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        b.kind = BlockKind::paragraph;
        b.inlines = inlines(n, 0);
        return b;
      case CMARK_NODE_HEADING:
        b.kind = BlockKind::heading;
        b.level = cmark_node_get_heading_level(n);
        b.inlines = inlines(n, 0);
        return b;
      case CMARK_NODE_LIST:
        b.kind = BlockKind::list;
        b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        b.start = b.ordered ? cmark_node_get_list_start(n) : 1;
        b.tight = cmark_node_get_list_tight(n) != 0;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item))
          b.children.push_back(list_item(item, depth + 1));
        return b;
      case CMARK_NODE_ITEM:
        return list_item(n, depth + 1);
      case CMARK_NODE_BLOCK_QUOTE:
        b.kind = BlockKind::block_quote;
        b.children = blocks(n, depth + 1);
        return b;
      case CMARK_NODE_CODE_BLOCK:
        return code_block(n);
      case CMARK_NODE_THEMATIC_BREAK:
        b.kind = BlockKind::thematic_break;
        return b;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        b.kind = BlockKind::footnote_definition;
        b.id = footnote_label(n);
        b.children = blocks(n, depth + 1);
        return b;
      case CMARK_NODE_HTML_BLOCK: {
        // Only reached for a lone HTML block handed to block() directly; runs go through blocks_with_html.
        b.kind = BlockKind::division;
        b.children = map_block_html(cmark_node_get_literal(n), [](std::size_t) { return Block{}; },
                                    HtmlContext{file_, b.pos, sink_, 4 * max_nesting_});
        return b;
      }
      default: break;
    }
    if (type_is(n, "table")) return table(n);
    // Anything cmark adds in the future: keep its text rather than lose it.
    b.kind = BlockKind::paragraph;
    b.inlines = inlines(n, 0);
    return b;
  }

  Block list_item(cmark_node* n, int depth) {
    Block item;
    item.kind = BlockKind::list_item;
    item.pos = pos(n);
    if (type_is(n, "tasklist"))
      item.task = cmark_gfm_extensions_get_tasklist_item_checked(n) ? model::TaskState::done : model::TaskState::open;
    item.children = blocks(n, depth);
    return item;
  }

  Block code_block(cmark_node* n) {
    Block b;
    b.pos = pos(n);
    b.text = cmark_node_get_literal(n);
    const std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
    b.info = info.substr(0, info.find_first_of(" \t{"));
    b.kind = b.info == "mermaid" ? BlockKind::diagram : BlockKind::code_block;
    return b;
  }

  Block table(cmark_node* n) {
    Block b;
    b.kind = BlockKind::table;
    b.pos = pos(n);
    const auto columns = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    for (unsigned c = 0; c < columns; ++c) {
      const char a = align ? static_cast<char>(align[c]) : 0;
      b.table.align.push_back(a == 'l' ? model::Align::left : a == 'c' ? model::Align::center
                              : a == 'r' ? model::Align::right : model::Align::none);
    }
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<Inlines> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
        cells.push_back(inlines(cell, 0));
      cells.resize(columns);
      if (cmark_gfm_extensions_get_table_row_is_header(row)) b.table.header = std::move(cells);
      else b.table.rows.push_back(std::move(cells));
    }
    return b;
  }

  // The source text of line `line` (1-based, relative to the Markdown body).
  std::string_view source_line(int line) const { return lines_.line(line); }

  // cmark-gfm does not expose a definition's label; it is the `[^label]:` that opens its first line.
  std::string footnote_label(cmark_node* n) const {
    const std::string_view text = source_line(cmark_node_get_start_line(n));
    const auto col = static_cast<std::size_t>(std::max(cmark_node_get_start_column(n), 1));
    const auto open = text.rfind("[^", col);
    if (open == std::string_view::npos) return {};
    const auto close = text.find("]:", open);
    if (close == std::string_view::npos) return {};
    return std::string(text.substr(open + 2, close - open - 2));
  }

  // cmark-gfm replaces a reference's literal with its note number; the label is in the source,
  // exactly where the node says `[^label]` stands.
  std::string footnote_ref_label(cmark_node* n) const {
    const std::string_view text = source_line(cmark_node_get_start_line(n));
    const auto first = static_cast<std::size_t>(std::max(cmark_node_get_start_column(n), 1) - 1);
    const auto last = static_cast<std::size_t>(std::max(cmark_node_get_end_column(n), 1) - 1);
    if (cmark_node_get_start_line(n) == cmark_node_get_end_line(n) && last < text.size() && first + 3 <= last &&
        text.substr(first, 2) == "[^" && text[last] == ']')
      return std::string(text.substr(first + 2, last - first - 2));
    return cmark_node_get_literal(n);
  }

  std::vector<Block> blocks_with_html(cmark_node* parent, int depth) {
    std::string html;
    std::vector<cmark_node*> slots;
    // Each block starts on its own file line in `html` too, so the HTML parser's positions are file lines
    // (the column is off by a container's indentation, which cmark strips).
    int line = cmark_node_get_start_line(cmark_node_first_child(parent));  // the line `html` ends on
    auto append = [&](std::string_view text) {
      html += text;
      line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    };
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      while (line < cmark_node_get_start_line(n)) append("\n");
      if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
        append(cmark_node_get_literal(n));
      } else {
        append(html_placeholder(slots.size()));
        slots.push_back(n);
      }
      if (!html.ends_with('\n')) append("\n");
    }
    base::SourcePos start = pos(cmark_node_first_child(parent));
    auto slot = [&](std::size_t i) {
      if (i >= slots.size()) return Block{};
      std::vector<Block> one;
      add_block(slots[i], one, depth);
      if (one.size() == 1) return std::move(one.front());
      Block group;
      group.kind = BlockKind::division;
      group.children = std::move(one);
      return group;
    };
    return map_block_html(html, slot, HtmlContext{file_, start, sink_, 4 * max_nesting_, true});
  }

  Inlines inlines(cmark_node* parent, int depth) {
    Inlines out;
    bool has_html = false;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) has_html = true;
    if (has_html) return inlines_with_html(parent, depth);
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) out.push_back(inline_node(n, depth));
    return out;
  }

  Inlines inlines_with_html(cmark_node* parent, int depth) {
    std::string html;
    std::vector<cmark_node*> slots;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      // Tag-like text that names no HTML element (`Promise<string>`, `</foo>`) is text, and gumbo
      // never sees it: a browser would swallow it or nest what follows inside it.
      if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE && !is_unknown_html_tag(cmark_node_get_literal(n))) {
        html += cmark_node_get_literal(n);
      } else {
        html += html_placeholder(slots.size());
        slots.push_back(n);
      }
    }
    auto slot = [&](std::size_t i) {
      if (i >= slots.size()) return Inline{};
      return inline_node(slots[i], depth);
    };
    return map_inline_html(html, slot, HtmlContext{file_, pos(parent), sink_, 4 * max_nesting_});
  }

  Inline inline_node(cmark_node* n, int depth) {
    Inline in;
    in.pos = pos(n);
    if (depth >= max_nesting_) {
      // Too deep to be meaningful formatting: keep the words.
      in.kind = InlineKind::text;
      in.text = subtree_text(n);
      return in;
    }
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
        in.kind = InlineKind::text;
        in.text = cmark_node_get_literal(n);
        return in;
      case CMARK_NODE_SOFTBREAK: in.kind = InlineKind::soft_break; return in;
      case CMARK_NODE_LINEBREAK: in.kind = InlineKind::hard_break; return in;
      case CMARK_NODE_CODE:
        in.kind = InlineKind::code;
        in.text = cmark_node_get_literal(n);
        return in;
      case CMARK_NODE_EMPH: in.kind = InlineKind::emphasis; break;
      case CMARK_NODE_STRONG: in.kind = InlineKind::strong; break;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        in.kind = InlineKind::footnote_ref;
        in.text = footnote_ref_label(n);
        return in;
      case CMARK_NODE_LINK: return link(n, depth);
      case CMARK_NODE_IMAGE: {
        in.kind = InlineKind::image;
        const base::UrlVerdict v = base::check_url(cmark_node_get_url(n));
        if (v.allowed || v.scheme.empty()) in.url = v.url;
        else sink_.warning(file_, in.pos, "image from a '" + v.scheme + ":' URL removed");
        in.title = cmark_node_get_title(n);
        break;
      }
      case CMARK_NODE_HTML_INLINE:  // only tag-like text reaches here (real tags go to gumbo as a run)
        in.kind = InlineKind::text;
        in.text = cmark_node_get_literal(n);
        return in;
      default:
        if (type_is(n, "strikethrough")) in.kind = InlineKind::strikethrough;
        else in.kind = InlineKind::span;
        break;
    }
    in.children = inlines(n, depth + 1);
    return in;
  }

  Inline link(cmark_node* n, int depth) {
    Inline in;
    in.pos = pos(n);
    const base::UrlVerdict v = base::check_url(cmark_node_get_url(n));
    if (v.allowed) {
      in.kind = InlineKind::link;
      in.url = v.url;
      in.title = cmark_node_get_title(n);
    } else {
      in.kind = InlineKind::span;
      sink_.warning(file_, in.pos, "link to a '" + v.scheme + ":' URL removed; its text is kept");
    }
    in.children = inlines(n, depth + 1);
    return in;
  }

  // The words under `top`, collected with cmark's iterator (no recursion).
  static std::string subtree_text(cmark_node* top) {
    std::string out;
    cmark_iter* it = cmark_iter_new(top);
    for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
      cmark_node* n = cmark_iter_get_node(it);
      const auto type = cmark_node_get_type(n);
      if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) out += cmark_node_get_literal(n);
      else if (ev == CMARK_EVENT_ENTER && type == CMARK_NODE_SOFTBREAK) out += ' ';
    }
    cmark_iter_free(it);
    return out;
  }

  std::string_view markdown_;
  base::LineIndex lines_;
  int line_offset_;
  const std::string& file_;
  int max_nesting_;
  base::DiagnosticSink& sink_;
  bool depth_warned_ = false;
};

}  // namespace

std::vector<Block> parse_markdown(std::string_view markdown, int first_line, const std::string& file,
                                  int max_nesting, base::DiagnosticSink& sink) {
  CmarkTree tree(markdown);
  TreeBuilder builder(markdown, first_line, file, max_nesting, sink);
  return builder.blocks(tree.root(), 0);
}

}  // namespace pp::parse
