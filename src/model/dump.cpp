// Tree dump: one node per line, "kind attrs" then children indented by two spaces.
#include "model/dump.hpp"

namespace pp::model {

namespace {

const char* inline_name(InlineKind k) {
  switch (k) {
    case InlineKind::text: return "text";
    case InlineKind::emphasis: return "emph";
    case InlineKind::strong: return "strong";
    case InlineKind::strikethrough: return "strike";
    case InlineKind::code: return "code";
    case InlineKind::link: return "link";
    case InlineKind::image: return "image";
    case InlineKind::soft_break: return "softbreak";
    case InlineKind::hard_break: return "hardbreak";
    case InlineKind::footnote_ref: return "fnref";
    case InlineKind::superscript: return "sup";
    case InlineKind::subscript: return "sub";
    case InlineKind::keyboard: return "kbd";
    case InlineKind::mark: return "mark";
    case InlineKind::underline: return "u";
    case InlineKind::span: return "span";
    case InlineKind::ruby: return "ruby";
  }
  return "?";
}

const char* block_name(BlockKind k) {
  switch (k) {
    case BlockKind::paragraph: return "para";
    case BlockKind::heading: return "heading";
    case BlockKind::list: return "list";
    case BlockKind::list_item: return "item";
    case BlockKind::block_quote: return "quote";
    case BlockKind::code_block: return "code";
    case BlockKind::diagram: return "diagram";
    case BlockKind::table: return "table";
    case BlockKind::thematic_break: return "hr";
    case BlockKind::footnote_definition: return "footnote";
    case BlockKind::details: return "details";
    case BlockKind::division: return "div";
  }
  return "?";
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '"') out += "\\\"";
    else out += c;
  }
  return out + "\"";
}

void dump_inlines(const Inlines& inlines, int depth, std::string& out);

void dump_inline(const Inline& in, int depth, std::string& out) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += inline_name(in.kind);
  if (!in.text.empty()) out += " " + quoted(in.text);
  if (!in.url.empty()) out += " url=" + quoted(in.url);
  if (!in.title.empty()) out += " title=" + quoted(in.title);
  out += '\n';
  dump_inlines(in.children, depth + 1, out);
}

void dump_inlines(const Inlines& inlines, int depth, std::string& out) {
  for (const auto& in : inlines) dump_inline(in, depth, out);
}

void dump_block(const Block& b, int depth, std::string& out) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += block_name(b.kind);
  if (b.kind == BlockKind::heading) out += " " + std::to_string(b.level);
  if (!b.id.empty()) out += " #" + b.id;
  if (b.kind == BlockKind::list) {
    out += b.ordered ? " ordered start=" + std::to_string(b.start) : " bullet";
    out += b.tight ? " tight" : " loose";
  }
  if (b.task == TaskState::open) out += " [ ]";
  if (b.task == TaskState::done) out += " [x]";
  if (!b.info.empty()) out += " " + b.info;
  if (!b.text.empty()) out += " " + quoted(b.text);
  out += '\n';
  dump_inlines(b.inlines, depth + 1, out);
  if (b.kind == BlockKind::table) {
    auto cell_line = [&](const char* label, const Inlines& cell) {
      out.append(static_cast<std::size_t>(depth + 1) * 2, ' ');
      out += label;
      out += '\n';
      dump_inlines(cell, depth + 2, out);
    };
    for (const auto& cell : b.table.header) cell_line("th", cell);
    for (const auto& row : b.table.rows) {
      out.append(static_cast<std::size_t>(depth + 1) * 2, ' ');
      out += "tr\n";
      for (const auto& cell : row) {
        out.append(static_cast<std::size_t>(depth + 2) * 2, ' ');
        out += "td\n";
        dump_inlines(cell, depth + 3, out);
      }
    }
  }
  for (const auto& child : b.children) dump_block(child, depth + 1, out);
}

}  // namespace

std::string dump(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) dump_block(b, 0, out);
  return out;
}

std::string dump(const Inlines& inlines) {
  std::string out;
  dump_inlines(inlines, 0, out);
  return out;
}

}  // namespace pp::model
