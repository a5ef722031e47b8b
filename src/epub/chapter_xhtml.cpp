// Blocks and inlines to XHTML elements. Every node is built through pugixml, so no input text can
// become markup; attributes are only ever ones we set.
#include "epub/chapter_xhtml.hpp"

#include "epub/xhtml_page.hpp"
#include "model/labels.hpp"
#include "model/lang.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pp::epub {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;
using model::Inlines;

const char* align_class(model::Align a) {
  switch (a) {
    case model::Align::left: return "align-left";
    case model::Align::center: return "align-center";
    case model::Align::right: return "align-right";
    default: return nullptr;
  }
}

class ChapterWriter {
 public:
  ChapterWriter(const ChapterEntry& entry, const ChapterTable& table, Resources& resources, const ChapterStyle& style)
      : entry_(entry), doc_(*entry.doc), table_(table), resources_(resources), style_(style),
        labels_(model::labels_for(doc_.meta.lang)), shift_(heading_shift(doc_.blocks)) {
    number_notes(doc_.blocks);
  }

  std::string write() {
    XhtmlPage page;
    start_page(page, doc_.meta.title, doc_.meta.lang, "../styles/book.css");
    page.body.append_attribute("epub:type") = "bodymatter";
    auto section = page.body.append_child("section");
    section.append_attribute("epub:type") = "chapter";
    section.append_attribute("role") = "doc-chapter";
    section.append_attribute("aria-labelledby") = "pp-title";
    header(section);
    blocks(section, doc_.blocks);
    notes(section);
    related(section);
    return to_bytes(page.doc);
  }

 private:
  void header(pugi::xml_node section) {
    auto h = section.append_child("header");
    h.append_attribute("class") = "chapter-header";
    auto h1 = h.append_child("h1");
    h1.append_attribute("id") = "pp-title";
    h1.text() = doc_.meta.title.c_str();
    if (!doc_.meta.description.empty()) {
      auto p = h.append_child("p");
      p.append_attribute("class") = "description";
      p.text() = doc_.meta.description.c_str();
    }
    std::string byline;
    if (doc_.meta.pub_date) byline = model::format_date(*doc_.meta.pub_date, doc_.meta.lang);
    if (!doc_.meta.author.empty()) byline += (byline.empty() ? "" : " · ") + doc_.meta.author;
    if (!byline.empty()) {
      auto p = h.append_child("p");
      p.append_attribute("class") = "byline";
      if (doc_.meta.pub_date) {
        auto time = p.append_child("time");
        time.append_attribute("datetime") = doc_.meta.pub_date->iso_date().c_str();
        time.text() = model::format_date(*doc_.meta.pub_date, doc_.meta.lang).c_str();
        if (!doc_.meta.author.empty()) p.append_child(pugi::node_pcdata).set_value((" · " + doc_.meta.author).c_str());
      } else {
        p.text() = byline.c_str();
      }
    }
    if (!doc_.meta.tags.empty()) {
      auto ul = h.append_child("ul");
      ul.append_attribute("class") = "tags";
      for (const auto& tag : doc_.meta.tags) ul.append_child("li").text() = tag.c_str();
    }
    if (style_.show_hero && !doc_.meta.hero_image.empty()) {
      if (auto href = resources_.image(doc_.meta.hero_image, doc_, doc_.meta.pos_of("heroImage"))) {
        auto fig = h.append_child("figure");
        fig.append_attribute("class") = "hero";
        auto img = fig.append_child("img");
        img.append_attribute("src") = ("../" + *href).c_str();
        img.append_attribute("alt") = "";
        img.append_attribute("role") = "presentation";
      }
    }
  }

  // ---- blocks ----

  void blocks(pugi::xml_node parent, const std::vector<Block>& list) {
    for (const auto& b : list) block(parent, b);
  }

  void block(pugi::xml_node parent, const Block& b) {
    switch (b.kind) {
      case BlockKind::paragraph: paragraph(parent, b); return;
      case BlockKind::heading: {
        const int level = std::clamp(b.level + shift_, 2, 6);
        auto h = parent.append_child(("h" + std::to_string(level)).c_str());
        h.append_attribute("id") = b.id.c_str();
        inlines(h, b.inlines);
        return;
      }
      case BlockKind::list: list(parent, b); return;
      case BlockKind::list_item: blocks(parent.append_child("div"), b.children); return;
      case BlockKind::block_quote: blocks(parent.append_child("blockquote"), b.children); return;
      case BlockKind::code_block: code(parent, b, "code"); return;
      case BlockKind::diagram: diagram(parent, b); return;
      case BlockKind::table: table(parent, b); return;
      case BlockKind::thematic_break: parent.append_child("hr"); return;
      case BlockKind::footnote_definition: return;  // gathered at the chapter's end by notes()
      case BlockKind::details: {
        auto details = parent.append_child("details");
        auto summary = details.append_child("summary");
        inlines(summary, b.inlines);
        blocks(details, b.children);
        return;
      }
      case BlockKind::division: blocks(parent.append_child("div"), b.children); return;
    }
  }

  void paragraph(pugi::xml_node parent, const Block& b) {
    if (const auto lone = model::lone_image(b.inlines)) {
      auto fig = parent.append_child("figure");
      fig.append_attribute("class") = "image";
      if (lone->link) link(fig, *lone->link);
      else image(fig, *lone->image);
      if (!lone->image->title.empty()) fig.append_child("figcaption").text() = lone->image->title.c_str();
      return;
    }
    inlines(parent.append_child("p"), b.inlines);
  }

  void list(pugi::xml_node parent, const Block& b) {
    auto l = parent.append_child(b.ordered ? "ol" : "ul");
    if (b.ordered && b.start != 1) l.append_attribute("start") = b.start;
    bool tasks = false;
    for (const auto& item : b.children) tasks = tasks || item.task != model::TaskState::none;
    if (tasks) l.append_attribute("class") = "tasks";
    for (const auto& item : b.children) {
      auto li = l.append_child("li");
      if (item.task != model::TaskState::none) {
        const bool done = item.task == model::TaskState::done;
        li.append_attribute("class") = done ? "task done" : "task";
        auto box = li.append_child("span");
        box.append_attribute("class") = "task-box";
        box.append_attribute("role") = "img";
        box.append_attribute("aria-label") = done ? labels_.task_done : labels_.task_open;
        box.text() = done ? "\u2611" : "\u2610";
      }
      // A tight list's paragraphs carry no <p>, so items do not gain paragraph spacing.
      for (const auto& child : item.children) {
        if (b.tight && child.kind == BlockKind::paragraph && !model::lone_image(child.inlines)) {
          if (li.last_child() && li.last_child().type() == pugi::node_pcdata) li.append_child(pugi::node_pcdata).set_value(" ");
          inlines(li, child.inlines);
        } else {
          block(li, child);
        }
      }
    }
  }

  void code(pugi::xml_node parent, const Block& b, const char* cls) {
    auto pre = parent.append_child("pre");
    pre.append_attribute("class") = cls;
    if (!b.info.empty()) pre.append_attribute("data-lang") = b.info.c_str();
    auto code = pre.append_child("code");
    if (!b.info.empty()) code.append_attribute("class") = ("language-" + b.info).c_str();
    const std::string text = highlight::shown_code(b.text, highlight::CodeText::as_written);
    const auto* highlighted = highlight::find_highlight(style_.highlights, b);
    if (!highlighted && !style_.code_line_numbers) {
      code.text() = text.c_str();
      return;
    }
    if (highlighted && !highlighted->language.empty())
      pre.attribute("class").set_value((std::string(cls) + " highlighted").c_str());
    CodeWriter writer{code, text, style_.code_line_numbers};
    writer.write(highlighted ? highlighted->tokens : std::vector<highlight::Token>{});
  }

  // Source text as text nodes and Pandoc-class spans; with line numbers, a number before every line
  // (hidden from screen readers, so the code still reads as code).
  struct CodeWriter {
    pugi::xml_node code;
    const std::string& text;
    bool numbered;
    int line = 0;
    std::size_t digits = 0;

    void write(const std::vector<highlight::Token>& tokens) {
      digits = std::to_string(1 + std::count(text.begin(), text.end(), '\n')).size();
      if (numbered) number();
      std::size_t pos = 0;
      for (const auto& t : tokens) {
        put(pos, t.start, highlight::TokenStyle::normal);
        put(t.start, t.end, t.style);
        pos = t.end;
      }
      put(pos, text.size(), highlight::TokenStyle::normal);
    }

    void number() {
      std::string n = std::to_string(++line);
      n.insert(0, digits - std::min(digits, n.size()), ' ');
      auto span = code.append_child("span");
      span.append_attribute("class") = "ln";
      span.append_attribute("aria-hidden") = "true";
      span.text() = n.c_str();
    }

    // [from, to) in `style`, cut at line ends so every line gets its number and no span crosses one.
    void put(std::size_t from, std::size_t to, highlight::TokenStyle style) {
      while (from < to) {
        const std::size_t newline = text.find('\n', from);
        const std::size_t end = newline == std::string::npos ? to : std::min(to, newline + 1);
        const std::string piece = text.substr(from, end - from);
        const auto cls = highlight::css_class(style);
        if (cls.empty()) {
          code.append_child(pugi::node_pcdata).set_value(piece.c_str());
        } else {
          auto span = code.append_child("span");
          span.append_attribute("class") = std::string(cls).c_str();
          span.text() = piece.c_str();
        }
        from = end;
        if (numbered && piece.back() == '\n') number();
      }
    }
  };

  void diagram(pugi::xml_node parent, const Block& b) {
    const GeneratedImage* image = nullptr;
    if (style_.diagrams)
      if (auto it = style_.diagrams->find(&b); it != style_.diagrams->end()) image = &it->second;
    if (!image) {
      code(parent, b, "code diagram");
      return;
    }
    auto fig = parent.append_child("figure");
    fig.append_attribute("class") = "diagram";
    image_element(fig, *image);
  }

  static pugi::xml_node image_element(pugi::xml_node parent, const GeneratedImage& image) {
    auto img = parent.append_child("img");
    img.append_attribute("src") = ("../" + image.href).c_str();
    img.append_attribute("alt") = image.alt.c_str();
    // The natural size in CSS pixels (a PNG has twice as many); the stylesheet caps it at the page width.
    img.append_attribute("width") = static_cast<int>(std::lround(image.width));
    img.append_attribute("height") = static_cast<int>(std::lround(image.height));
    return img;
  }

  void table_image(pugi::xml_node parent, const TableImage& image) {
    auto fig = parent.append_child("figure");
    fig.append_attribute("class") = "table-image";
    for (const auto& part : image.parts) {
      auto img = image_element(fig, part);
      // In em, so the table's text grows and shrinks with the reader's font size like the text around it.
      char style[48];
      std::snprintf(style, sizeof style, "width: %.2fem", part.width / 16);
      img.append_attribute("style") = style;
    }
  }

  void table(pugi::xml_node parent, const Block& b) {
    if (style_.tables)
      if (auto it = style_.tables->find(&b); it != style_.tables->end()) {
        table_image(parent, it->second);
        return;
      }
    auto wrap = parent.append_child("div");
    wrap.append_attribute("class") = "table";
    auto t = wrap.append_child("table");
    auto cell = [&](pugi::xml_node row, const char* tag, const Inlines& content, std::size_t column) {
      auto c = row.append_child(tag);
      if (column < b.table.align.size())
        if (const char* cls = align_class(b.table.align[column])) c.append_attribute("class") = cls;
      inlines(c, content);
    };
    if (!b.table.header.empty()) {
      auto row = t.append_child("thead").append_child("tr");
      for (std::size_t c = 0; c < b.table.header.size(); ++c) cell(row, "th", b.table.header[c], c);
    }
    if (!b.table.rows.empty()) {
      auto body = t.append_child("tbody");
      for (const auto& r : b.table.rows) {
        auto row = body.append_child("tr");
        for (std::size_t c = 0; c < r.size(); ++c) cell(row, "td", r[c], c);
      }
    }
  }

  // ---- inlines ----

  void inlines(pugi::xml_node parent, const Inlines& list) {
    for (const auto& in : list) inline_node(parent, in);
  }

  void text(pugi::xml_node parent, const std::string& s) {
    // Adjacent text joins one node: smaller files, and readers hyphenate across it correctly.
    if (auto last = parent.last_child(); last && last.type() == pugi::node_pcdata) {
      last.set_value((std::string(last.value()) + s).c_str());
      return;
    }
    parent.append_child(pugi::node_pcdata).set_value(s.c_str());
  }

  void wrap(pugi::xml_node parent, const char* tag, const Inline& in) { inlines(parent.append_child(tag), in.children); }

  void inline_node(pugi::xml_node parent, const Inline& in) {
    switch (in.kind) {
      case InlineKind::text: text(parent, in.text); return;
      case InlineKind::soft_break: text(parent, "\n"); return;
      case InlineKind::hard_break: parent.append_child("br"); return;
      case InlineKind::code: parent.append_child("code").text() = in.text.c_str(); return;
      case InlineKind::emphasis: wrap(parent, "em", in); return;
      case InlineKind::strong: wrap(parent, "strong", in); return;
      case InlineKind::strikethrough: wrap(parent, "del", in); return;
      case InlineKind::superscript: wrap(parent, "sup", in); return;
      case InlineKind::subscript: wrap(parent, "sub", in); return;
      case InlineKind::keyboard: wrap(parent, "kbd", in); return;
      case InlineKind::mark: wrap(parent, "mark", in); return;
      case InlineKind::underline: wrap(parent, "u", in); return;
      case InlineKind::span: inlines(parent, in.children); return;
      case InlineKind::ruby: {
        auto ruby = parent.append_child("ruby");
        inlines(ruby, in.children);
        ruby.append_child("rp").text() = "(";
        ruby.append_child("rt").text() = in.text.c_str();
        ruby.append_child("rp").text() = ")";
        return;
      }
      case InlineKind::link: link(parent, in); return;
      case InlineKind::image: image(parent, in); return;
      case InlineKind::footnote_ref: note_ref(parent, in); return;
    }
  }

  void link(pugi::xml_node parent, const Inline& in) {
    auto href = table_.resolve_link(in.url, entry_);
    if (!href) {
      inlines(parent, in.children);
      return;
    }
    auto a = parent.append_child("a");
    a.append_attribute("href") = href->c_str();
    if (!in.title.empty()) a.append_attribute("title") = in.title.c_str();
    inlines(a, in.children);
  }

  void image(pugi::xml_node parent, const Inline& in) {
    const std::string alt = model::plain_text(in.children);
    auto href = in.url.empty() ? std::nullopt : resources_.image(in.url, doc_, in.pos);
    if (!href) {
      auto missing = parent.append_child("span");
      missing.append_attribute("class") = "missing-image";
      missing.text() = ("[" + std::string(labels_.missing_image) + (alt.empty() ? "" : ": " + alt) + "]").c_str();
      return;
    }
    auto img = parent.append_child("img");
    img.append_attribute("src") = ("../" + *href).c_str();
    img.append_attribute("alt") = alt.c_str();
    if (!in.title.empty()) img.append_attribute("title") = in.title.c_str();
  }

  void note_ref(pugi::xml_node parent, const Inline& in) {
    auto it = note_numbers_.find(in.text);
    if (it == note_numbers_.end()) {
      text(parent, "[^" + in.text + "]");
      return;
    }
    const std::string n = std::to_string(it->second);
    const int count = ++note_ref_counts_[it->second];
    const std::string id = "pp-fnref-" + n + (count > 1 ? "-" + std::to_string(count) : "");
    auto a = parent.append_child("a");
    a.append_attribute("id") = id.c_str();
    a.append_attribute("href") = ("#pp-fn-" + n).c_str();
    a.append_attribute("epub:type") = "noteref";
    a.append_attribute("role") = "doc-noteref";
    a.append_attribute("class") = "noteref";
    a.append_child("sup").text() = n.c_str();
  }

  // ---- notes and related posts ----

  void number_notes(const std::vector<Block>& list) {
    note_blocks_ = model::footnote_definitions(list);
    for (const Block* b : note_blocks_) note_numbers_.emplace(b->id, static_cast<int>(note_numbers_.size()) + 1);
  }

  void notes(pugi::xml_node section) {
    if (note_blocks_.empty()) return;
    auto aside = section.append_child("section");
    aside.append_attribute("class") = "notes";
    aside.append_attribute("epub:type") = "endnotes";
    aside.append_attribute("role") = "doc-endnotes";
    aside.append_child("h2").text() = labels_.notes;
    auto ol = aside.append_child("ol");
    for (std::size_t i = 0; i < note_blocks_.size(); ++i) {
      const std::string n = std::to_string(i + 1);
      auto li = ol.append_child("li");
      li.append_attribute("id") = ("pp-fn-" + n).c_str();
      li.append_attribute("epub:type") = "endnote";
      blocks(li, note_blocks_[i]->children);
      if (note_ref_counts_.count(static_cast<int>(i + 1))) {
        // The way back goes into the note's last paragraph, where readers look for it.
        pugi::xml_node host = li.last_child();
        if (!host || std::string_view(host.name()) != "p") host = li.append_child("p");
        host.append_child(pugi::node_pcdata).set_value(" ");
        auto back = host.append_child("a");
        back.append_attribute("href") = ("#pp-fnref-" + n).c_str();
        back.append_attribute("role") = "doc-backlink";
        back.append_attribute("class") = "backlink";
        back.append_attribute("title") = labels_.back_to_text;
        back.text() = "\u21A9\uFE0E";
      }
    }
  }

  void related(pugi::xml_node section) {
    if (doc_.meta.related.empty()) return;
    auto aside = section.append_child("section");
    aside.append_attribute("class") = "related";
    aside.append_child("h2").text() = labels_.related;
    auto ul = aside.append_child("ul");
    const std::string primary = model::primary_lang(doc_.meta.lang);
    for (const auto& rel : doc_.meta.related) {
      auto li = ul.append_child("li");
      const ChapterEntry* target = table_.find_slug(rel.slug, entry_);
      if (target) {
        auto a = li.append_child("a");
        a.append_attribute("href") = target->file_name.c_str();
        a.text() = target->doc->meta.title.c_str();
      } else {
        auto span = li.append_child("span");
        span.append_attribute("class") = "title";
        span.text() = rel.slug.c_str();
      }
      std::string reason = reason_for(rel, primary);
      if (!reason.empty()) {
        auto p = li.append_child("span");
        p.append_attribute("class") = "reason";
        p.text() = reason.c_str();
      }
    }
  }

  std::string reason_for(const model::RelatedPost& rel, const std::string& primary) const {
    for (const auto& key : {doc_.meta.lang, primary, std::string(""), std::string("en")})
      if (auto it = rel.reason.find(key); it != rel.reason.end()) return it->second;
    for (const auto& [key, value] : rel.reason)
      if (model::primary_lang(key) == primary) return value;
    return {};
  }

  const ChapterEntry& entry_;
  const model::Document& doc_;
  const ChapterTable& table_;
  Resources& resources_;
  const ChapterStyle& style_;
  const model::Labels& labels_;
  int shift_;
  std::map<std::string, int> note_numbers_;
  std::map<int, int> note_ref_counts_;
  std::vector<const Block*> note_blocks_;
};

}  // namespace

int heading_shift(const std::vector<Block>& blocks) {
  int top = 7;
  for (const auto& b : blocks)
    if (b.kind == BlockKind::heading) top = std::min(top, b.level);
  return top == 7 ? 0 : 2 - top;
}

std::string write_chapter(const ChapterEntry& entry, const ChapterTable& table, Resources& resources,
                          const ChapterStyle& style) {
  return ChapterWriter(entry, table, resources, style).write();
}

}  // namespace pp::epub
