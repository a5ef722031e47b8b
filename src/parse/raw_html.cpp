// gumbo stays inside this file. Known elements become tree nodes; tag-like text that is no HTML we know
// (`Promise<string>`) is given back as the literal text it was; active content never passes.
#include "parse/raw_html.hpp"

#include "base/url_policy.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

namespace pp::parse {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;
using model::Inlines;

// gumbo records every parse error with a copy of the open-element stack: n unclosed tags cost n^2
// memory. We never read the errors, so none are recorded.
GumboOptions parse_options() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

class GumboTree {
 public:
  explicit GumboTree(std::string_view html)
      : options_(parse_options()), output_(gumbo_parse_with_options(&options_, html.data(), html.size())) {}
  ~GumboTree() { gumbo_destroy_output(&options_, output_); }
  GumboTree(const GumboTree&) = delete;
  GumboTree& operator=(const GumboTree&) = delete;

  const GumboNode* body() const { return child(GUMBO_TAG_BODY); }
  // Where gumbo moves <script>, <style>, <link> and <title> that open a run.
  const GumboNode* head() const { return child(GUMBO_TAG_HEAD); }

 private:
  const GumboNode* child(GumboTag tag) const {
    const GumboVector& kids = output_->root->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* n = static_cast<const GumboNode*>(kids.data[i]);
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag) return n;
    }
    return nullptr;
  }

  GumboOptions options_;
  GumboOutput* output_;
};

std::string_view piece(const GumboStringPiece& p) { return {p.data, p.length}; }

const char* attribute(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

GumboTag tag_of(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view tag_name(std::string_view tag) {
  std::size_t i = tag.starts_with("</") ? 2 : tag.starts_with("<") ? 1 : 0;
  const std::size_t start = i;
  while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' || tag[i] == '_' || tag[i] == ':'))
    ++i;
  return tag.substr(start, i - start);
}

bool same_tag_name(std::string_view open, std::string_view end) {
  const auto a = tag_name(open), b = tag_name(end);
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<std::size_t> placeholder_index(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag != GUMBO_TAG_UNKNOWN) return std::nullopt;
  const char* index = attribute(n, "data-pp");
  if (!index || piece(n->v.element.original_tag).substr(0, 8) != "<pp-slot") return std::nullopt;
  return std::strtoull(index, nullptr, 10);
}

// Elements whose content is never shown: scripts, styles, embedded documents and media.
bool is_dropped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE:
    // Raw-text elements: their content is not parsed, so it would hold our placeholders as text.
    case GUMBO_TAG_XMP: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_PLAINTEXT:
      return true;
    default: return false;
  }
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default: return false;
  }
}

std::optional<InlineKind> inline_kind(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_STRONG: case GUMBO_TAG_B: return InlineKind::strong;
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_CITE: case GUMBO_TAG_DFN: case GUMBO_TAG_VAR:
      return InlineKind::emphasis;
    case GUMBO_TAG_CODE: case GUMBO_TAG_TT: case GUMBO_TAG_SAMP: return InlineKind::code;
    case GUMBO_TAG_KBD: return InlineKind::keyboard;
    case GUMBO_TAG_SUP: return InlineKind::superscript;
    case GUMBO_TAG_SUB: return InlineKind::subscript;
    case GUMBO_TAG_MARK: return InlineKind::mark;
    case GUMBO_TAG_U: case GUMBO_TAG_INS: return InlineKind::underline;
    case GUMBO_TAG_DEL: case GUMBO_TAG_S: case GUMBO_TAG_STRIKE: return InlineKind::strikethrough;
    default: return std::nullopt;
  }
}

Inline text_inline(std::string text, base::SourcePos pos) {
  Inline in;
  in.kind = InlineKind::text;
  in.text = std::move(text);
  in.pos = pos;
  return in;
}

class HtmlMapper {
 public:
  HtmlMapper(const HtmlContext& ctx, const std::function<Inline(std::size_t)>* inline_slot,
             const std::function<Block(std::size_t)>* block_slot)
      : ctx_(ctx), inline_slot_(inline_slot), block_slot_(block_slot) {}

  // ---- inline content ----

  void inlines_of(const GumboNode* parent, Inlines& out, int depth) {
    const GumboVector& kids = parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) map_inline(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
  }

  void map_inline(const GumboNode* n, Inlines& out, int depth) {
    switch (n->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        append_text(n->v.text.text, out);
        return;
      case GUMBO_NODE_ELEMENT: break;
      default: return;  // comments, documents
    }
    if (auto index = placeholder_index(n)) {
      if (!slots_used_.insert(*index).second) return;  // an author-written copy of a placeholder
      if (inline_slot_) {
        out.push_back((*inline_slot_)(*index));
      } else if (block_slot_) {
        // A Markdown block inside an inline HTML element: keep its inline content.
        Block b = (*block_slot_)(*index);
        for (auto& in : b.inlines) out.push_back(std::move(in));
      }
      return;
    }
    const GumboTag tag = n->v.element.tag;
    if (depth > ctx_.max_depth) {
      warn_depth(n);
      append_text(text_below(n), out);
      return;
    }
    if (is_dropped(tag)) {
      dropped(n);
      return;
    }
    if (tag == GUMBO_TAG_BR) {
      Inline br;
      br.kind = InlineKind::hard_break;
      br.pos = ctx_.pos;
      out.push_back(std::move(br));
      return;
    }
    if (tag == GUMBO_TAG_IMG) {
      out.push_back(image(n));
      return;
    }
    if (tag == GUMBO_TAG_UNKNOWN) {
      // Not HTML we know: the author wrote text that looks like a tag, so give the text back.
      const std::string_view open = piece(n->v.element.original_tag);
      out.push_back(text_inline(std::string(open), ctx_.pos));
      inlines_of(n, out, depth);
      // gumbo records the end tag that closed the element, which may be a parent's (`<em>a<T>b</em>`).
      const std::string_view end = piece(n->v.element.original_end_tag);
      if (!end.empty() && same_tag_name(open, end))
        out.push_back(text_inline(std::string(end), ctx_.pos));
      return;
    }
    Inline in;
    in.pos = ctx_.pos;
    if (auto kind = inline_kind(tag)) {
      in.kind = *kind;
      inlines_of(n, in.children, depth);
      if (in.kind == InlineKind::code) {
        in.text = model::plain_text(in.children);
        in.children.clear();
      }
    } else if (tag == GUMBO_TAG_RUBY) {
      ruby(n, in, depth);
    } else if (tag == GUMBO_TAG_RT || tag == GUMBO_TAG_RP) {
      return;  // only meaningful inside <ruby>, where ruby() reads them
    } else if (tag == GUMBO_TAG_A) {
      in.kind = InlineKind::span;
      if (const char* href = attribute(n, "href")) {
        const base::UrlVerdict v = base::check_url(href);
        if (v.allowed) {
          in.kind = InlineKind::link;
          in.url = v.url;
          if (const char* title = attribute(n, "title")) in.title = title;
        } else {
          ctx_.sink.warning(ctx_.file, at(n), "link to a '" + v.scheme + ":' URL removed; its text is kept");
        }
      }
      inlines_of(n, in.children, depth);
    } else {
      // span, small, abbr, time and any other inline or structural element: keep the content only.
      in.kind = InlineKind::span;
      inlines_of(n, in.children, depth);
      if (tag != GUMBO_TAG_SPAN) {
        for (auto& child : in.children) out.push_back(std::move(child));
        return;
      }
    }
    out.push_back(std::move(in));
  }

  // <ruby>base<rp>(</rp><rt>reading</rt><rp>)</rp></ruby>: the base text with its reading.
  void ruby(const GumboNode* n, Inline& in, int depth) {
    in.kind = InlineKind::ruby;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (tag_of(k) == GUMBO_TAG_RT) {
        Inlines reading;
        inlines_of(k, reading, depth + 1);
        in.text += model::plain_text(reading);
      } else if (tag_of(k) != GUMBO_TAG_RP) {
        map_inline(k, in.children, depth + 1);
      }
    }
  }

  // ---- block content ----

  void blocks_of(const GumboNode* parent, std::vector<Block>& out, int depth) {
    Inlines pending;
    const GumboVector& kids = parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* n = static_cast<const GumboNode*>(kids.data[i]);
      if (n->type == GUMBO_NODE_COMMENT) continue;
      if (n->type == GUMBO_NODE_WHITESPACE && pending.empty()) continue;
      if (auto index = placeholder_index(n); index && block_slot_) {
        if (!slots_used_.insert(*index).second) continue;
        flush(pending, out);
        out.push_back((*block_slot_)(*index));
        continue;
      }
      if (n->type == GUMBO_NODE_ELEMENT && !is_dropped(n->v.element.tag) &&
          (is_block_tag(n->v.element.tag) || holds_blocks(n))) {
        flush(pending, out);
        map_block(n, out, depth + 1);
        continue;
      }
      map_inline(n, pending, depth + 1);
    }
    flush(pending, out);
  }

 private:
  // Whether block content lies below n. Looks at most ctx_.max_depth levels down: deeper content is
  // cut off anyway, and an unbounded look at every level would make deep input quadratic.
  bool holds_blocks(const GumboNode* n) const { return holds_blocks(n, ctx_.max_depth); }
  bool holds_blocks(const GumboNode* n, int budget) const {
    if (n->type != GUMBO_NODE_ELEMENT || budget <= 0) return false;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (placeholder_index(k) && block_slot_) return true;
      if (k->type == GUMBO_NODE_ELEMENT && (is_block_tag(k->v.element.tag) || holds_blocks(k, budget - 1))) return true;
    }
    return false;
  }

  void map_block(const GumboNode* n, std::vector<Block>& out, int depth) {
    if (depth > ctx_.max_depth) {
      warn_depth(n);
      Block b;
      b.kind = BlockKind::paragraph;
      b.pos = ctx_.pos;
      append_text(text_below(n), b.inlines);
      trim(b.inlines);
      if (!b.inlines.empty()) out.push_back(std::move(b));
      return;
    }
    const GumboTag tag = n->v.element.tag;
    Block b;
    b.pos = ctx_.pos;
    switch (tag) {
      case GUMBO_TAG_P: case GUMBO_TAG_DT: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SUMMARY:
        if (holds_blocks(n)) break;
        b.kind = BlockKind::paragraph;
        inlines_of(n, b.inlines, depth);
        trim(b.inlines);
        if (!b.inlines.empty()) out.push_back(std::move(b));
        return;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        b.kind = BlockKind::heading;
        b.level = static_cast<int>(tag - GUMBO_TAG_H1) + 1;
        if (const char* id = attribute(n, "id")) b.id = id;
        inlines_of(n, b.inlines, depth);
        trim(b.inlines);
        out.push_back(std::move(b));
        return;
      case GUMBO_TAG_BLOCKQUOTE:
        b.kind = BlockKind::block_quote;
        blocks_of(n, b.children, depth);
        out.push_back(std::move(b));
        return;
      case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        out.push_back(list(n, depth));
        return;
      case GUMBO_TAG_PRE:
        b.kind = BlockKind::code_block;
        b.text = text_below(n, false);
        if (const GumboNode* code = first_child_element(n, GUMBO_TAG_CODE))
          if (const char* cls = attribute(code, "class"); cls && std::strncmp(cls, "language-", 9) == 0) b.info = cls + 9;
        if (!b.text.empty() && b.text.back() != '\n') b.text += '\n';
        out.push_back(std::move(b));
        return;
      case GUMBO_TAG_HR:
        b.kind = BlockKind::thematic_break;
        out.push_back(std::move(b));
        return;
      case GUMBO_TAG_DETAILS:
        out.push_back(details(n, depth));
        return;
      case GUMBO_TAG_TABLE:
        out.push_back(table(n, depth));
        return;
      default: break;
    }
    b.kind = BlockKind::division;
    blocks_of(n, b.children, depth);
    if (!b.children.empty()) out.push_back(std::move(b));
  }

  Block list(const GumboNode* n, int depth) {
    Block b;
    b.kind = BlockKind::list;
    b.pos = ctx_.pos;
    b.ordered = n->v.element.tag == GUMBO_TAG_OL;
    if (const char* start = attribute(n, "start")) b.start = std::atoi(start);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (tag_of(k) != GUMBO_TAG_LI) continue;
      Block item;
      item.kind = BlockKind::list_item;
      item.pos = ctx_.pos;
      blocks_of(k, item.children, depth);
      if (item.children.size() > 1) b.tight = false;
      b.children.push_back(std::move(item));
    }
    return b;
  }

  Block details(const GumboNode* n, int depth) {
    Block b;
    b.kind = BlockKind::details;
    b.pos = ctx_.pos;
    if (const GumboNode* summary = first_child_element(n, GUMBO_TAG_SUMMARY)) {
      inlines_of(summary, b.inlines, depth);
      trim(b.inlines);
    }
    // Everything but the summary is the body.
    GumboNode copy = *n;
    std::vector<void*> rest;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      if (tag_of(static_cast<const GumboNode*>(kids.data[i])) != GUMBO_TAG_SUMMARY) rest.push_back(kids.data[i]);
    copy.v.element.children.data = rest.data();
    copy.v.element.children.length = static_cast<unsigned>(rest.size());
    blocks_of(&copy, b.children, depth);
    return b;
  }

  Block table(const GumboNode* n, int depth) {
    Block b;
    b.kind = BlockKind::table;
    b.pos = ctx_.pos;
    std::vector<const GumboNode*> rows;
    collect_rows(n, rows);
    std::size_t columns = 0;
    std::vector<std::vector<Inlines>> cells;
    bool first_is_header = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<Inlines> row;
      const GumboVector& kids = rows[r]->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        const auto* cell = static_cast<const GumboNode*>(kids.data[i]);
        const GumboTag t = tag_of(cell);
        if (t != GUMBO_TAG_TD && t != GUMBO_TAG_TH) continue;
        if (r == 0 && t == GUMBO_TAG_TH) first_is_header = true;
        if (r == 0) {
          const char* align = attribute(cell, "align");
          const std::string a = align ? align : "";
          b.table.align.push_back(a == "left" ? model::Align::left : a == "center" ? model::Align::center
                                  : a == "right" ? model::Align::right : model::Align::none);
        }
        Inlines content;
        inlines_of(cell, content, depth);
        trim(content);
        row.push_back(std::move(content));
      }
      columns = std::max(columns, row.size());
      cells.push_back(std::move(row));
    }
    b.table.align.resize(columns, model::Align::none);
    for (auto& row : cells) row.resize(columns);
    std::size_t first_body = 0;
    if (first_is_header && !cells.empty()) {
      b.table.header = std::move(cells[0]);
      first_body = 1;
    }
    for (std::size_t r = first_body; r < cells.size(); ++r) b.table.rows.push_back(std::move(cells[r]));
    return b;
  }

  static void collect_rows(const GumboNode* n, std::vector<const GumboNode*>& rows) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      const GumboTag t = tag_of(k);
      if (t == GUMBO_TAG_TR) rows.push_back(k);
      else if (t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TFOOT) collect_rows(k, rows);
    }
  }

  static const GumboNode* first_child_element(const GumboNode* n, GumboTag tag) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (tag_of(k) == tag) return k;
    }
    return nullptr;
  }

  Inline image(const GumboNode* n) {
    Inline img;
    img.kind = InlineKind::image;
    img.pos = ctx_.pos;
    if (const char* src = attribute(n, "src")) {
      const base::UrlVerdict v = base::check_url(src);
      if (v.allowed || v.scheme.empty()) img.url = v.url;
      else ctx_.sink.warning(ctx_.file, at(n), "image from a '" + v.scheme + ":' URL removed");
    }
    if (const char* title = attribute(n, "title")) img.title = title;
    if (const char* alt = attribute(n, "alt"); alt && *alt) img.children.push_back(text_inline(alt, ctx_.pos));
    return img;
  }

  // HTML whitespace collapses to one space; a line break stays a soft break so that the CJK rule
  // (no space between two Chinese characters) applies to raw HTML text too.
  void append_text(std::string_view text, Inlines& out) {
    std::string run;
    bool space = false;
    auto push_run = [&] {
      if (!run.empty()) out.push_back(text_inline(std::move(run), ctx_.pos));
      run.clear();
    };
    for (char c : text) {
      if (c == '\n') {
        push_run();
        Inline br;
        br.kind = InlineKind::soft_break;
        br.pos = ctx_.pos;
        if (out.empty() || out.back().kind != InlineKind::soft_break) out.push_back(std::move(br));
        space = false;
      } else if (c == ' ' || c == '\t' || c == '\f') {
        space = true;
      } else {
        if (space && !(run.empty() && !out.empty() && out.back().kind == InlineKind::soft_break)) run += ' ';
        space = false;
        run += c;
      }
    }
    if (space) run += ' ';
    push_run();
  }

  static void trim(Inlines& inlines) {
    while (!inlines.empty() && (inlines.front().kind == InlineKind::soft_break ||
                                (inlines.front().kind == InlineKind::text && inlines.front().text == " ")))
      inlines.erase(inlines.begin());
    while (!inlines.empty() && (inlines.back().kind == InlineKind::soft_break ||
                                (inlines.back().kind == InlineKind::text && inlines.back().text == " ")))
      inlines.pop_back();
    if (!inlines.empty() && inlines.front().kind == InlineKind::text && inlines.front().text.starts_with(' '))
      inlines.front().text.erase(0, 1);
    if (!inlines.empty() && inlines.back().kind == InlineKind::text && inlines.back().text.ends_with(' '))
      inlines.back().text.pop_back();
  }

  void flush(Inlines& pending, std::vector<Block>& out) {
    trim(pending);
    if (pending.empty()) return;
    Block p;
    p.kind = BlockKind::paragraph;
    p.pos = ctx_.pos;
    p.inlines = std::move(pending);
    pending.clear();
    out.push_back(std::move(p));
  }

  void dropped(const GumboNode* n) {
    const std::string name(gumbo_normalized_tagname(n->v.element.tag));
    if (n->v.element.tag == GUMBO_TAG_HEAD || n->v.element.tag == GUMBO_TAG_META) return;  // harmless, nothing to say
    ctx_.sink.warning(ctx_.file, at(n), "raw HTML <" + name + "> is not allowed in a book and was removed");
  }

  // The text below an element, without recursion (for a too-deep element, the depth is what we cannot
  // recurse into): its text, and the text of the Markdown pieces its placeholders stand for. Dropped
  // elements stay dropped: their text is script, style or a form's. `block_breaks`: a space where a
  // block element starts, so words of separate paragraphs do not run together (never in code, which
  // keeps its characters exactly).
  std::string text_below(const GumboNode* top, bool block_breaks = true) {
    std::string text;
    std::vector<const GumboNode*> stack{top};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        text += n->v.text.text;
      } else if (auto index = placeholder_index(n)) {
        if (!slots_used_.insert(*index).second) continue;
        if (inline_slot_) text += model::plain_text({(*inline_slot_)(*index)});
        else if (block_slot_) text += model::plain_text((*block_slot_)(*index).inlines) + " ";
      } else if (n->type == GUMBO_NODE_ELEMENT && !is_dropped(n->v.element.tag)) {
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
        if (block_breaks && is_block_tag(n->v.element.tag)) text += ' ';
      }
    }
    return text;
  }

  // Where an element was written: its own line when the HTML is laid out line for line like the file.
  base::SourcePos at(const GumboNode* n) const {
    if (!ctx_.line_aligned || n->type != GUMBO_NODE_ELEMENT || n->v.element.start_pos.line == 0) return ctx_.pos;
    const auto& p = n->v.element.start_pos;
    return {ctx_.pos.line + static_cast<int>(p.line) - 1, ctx_.pos.column + static_cast<int>(p.column) - 1};
  }

  void warn_depth(const GumboNode* n) {
    if (depth_warned_) return;
    depth_warned_ = true;
    ctx_.sink.warning(ctx_.file, at(n),
                      "raw HTML nested deeper than " + std::to_string(ctx_.max_depth) + " levels is kept as plain text",
                      {"--max-nesting raises the limit (raw HTML may nest four times as deep)"});
  }

  const HtmlContext& ctx_;
  const std::function<Inline(std::size_t)>* inline_slot_;
  const std::function<Block(std::size_t)>* block_slot_;
  bool depth_warned_ = false;
  std::set<std::size_t> slots_used_;

 public:
  void report_head(const GumboNode* head) {
    if (!head) return;
    const GumboVector& kids = head->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT) dropped(k);
    }
  }
};

}  // namespace

bool is_unknown_html_tag(std::string_view tag) {
  if (!tag.starts_with("<") || tag.starts_with("<!") || tag.starts_with("<?")) return false;
  const std::string name(tag_name(tag));
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  return gumbo_tag_enum(name.c_str()) == GUMBO_TAG_UNKNOWN;
}

std::string html_placeholder(std::size_t index) {
  return "<pp-slot data-pp=\"" + std::to_string(index) + "\"></pp-slot>";
}

Inlines map_inline_html(std::string_view html, const std::function<Inline(std::size_t)>& slot, const HtmlContext& ctx) {
  GumboTree tree(html);
  Inlines out;
  if (const GumboNode* body = tree.body()) {
    HtmlMapper mapper(ctx, &slot, nullptr);
    mapper.report_head(tree.head());
    mapper.inlines_of(body, out, 0);
  }
  return out;
}

std::vector<Block> map_block_html(std::string_view html, const std::function<Block(std::size_t)>& slot,
                                  const HtmlContext& ctx) {
  GumboTree tree(html);
  std::vector<Block> out;
  if (const GumboNode* body = tree.body()) {
    HtmlMapper mapper(ctx, nullptr, &slot);
    mapper.report_head(tree.head());
    mapper.blocks_of(body, out, 0);
  }
  return out;
}

}  // namespace pp::parse
