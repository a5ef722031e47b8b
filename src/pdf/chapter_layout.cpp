#include "pdf/chapter_layout.hpp"

#include "figure/mermaid/post_diagrams.hpp"
#include "model/labels.hpp"
#include "pdf/page_image.hpp"
#include "pdf/page_links.hpp"
#include "pdf/rich_text.hpp"
#include "pdf/table_layout.hpp"
#include "pdf/text_lines.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace pp::pdf {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

constexpr int max_visual_depth = 12;  // deeper lists and quotes stop indenting (they would leave no width)
constexpr double px_to_pt = 0.75;     // CSS pixels (diagram units) to points

struct Column {
  double indent = 0;
  double width = 0;
  int depth = 0;
};

class ChapterLayout {
 public:
  ChapterLayout(const TypesetContext& ctx, const ChapterSetup& setup)
      : ctx_(ctx), theme_(ctx.theme()), setup_(setup), doc_(*setup.doc) {
    body_ = {FontRole::body, theme_.body_size, false, false};
    rich_ = rich_text_style(ctx_);
    // The parser keeps only referenced notes, in the order of their first reference: note n is n - 1.
    notes_ = model::footnote_definitions(doc_.blocks);
    for (const Block* note : notes_) footnote_numbers_.emplace(note->id, static_cast<int>(footnote_numbers_.size()) + 1);
    rich_.footnote_number = [this](const std::string& label) { return footnote_number(label); };
  }

  std::vector<FlowItem> run() {
    const Column column{0, theme_.text_width(), 0};
    if (setup_.title_block) title_block(column);
    else chapter_mark();
    blocks(doc_.blocks, column);
    endnotes(column);
    return std::move(items_);
  }

 private:
  double em() const { return theme_.body_size; }

  int footnote_number(const std::string& label) const {
    const auto it = footnote_numbers_.find(label);
    return it == footnote_numbers_.end() ? 0 : it->second;
  }

  void warn(model::SourcePos pos, std::string message) {
    setup_.sink.warning(doc_.source_name, pos, std::move(message));
  }

  // --- text -----------------------------------------------------------------------------------------

  struct TextOptions {
    FontSpec font;
    Rgb colour;
    double pitch = 0;
    bool justify = false;
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool keep_together = false;  // one item for all lines (headings)
  };

  // Lines of `rich` as items; returns the index of the first one.
  std::size_t text_lines(const RichText& rich, const Column& col, const TextOptions& o, double gap) {
    auto layout = share(ctx_.layout(o.font));
    apply_rich_text(layout.get(), rich);
    pango_layout_set_width(layout.get(), static_cast<int>(col.width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    const bool spread = o.justify && ctx_.cjk();
    pango_layout_set_justify(layout.get(), o.justify && !spread);
    pango_layout_set_alignment(layout.get(), o.align);
    auto boxes = line_boxes(layout.get());
    if (spread)
      for (std::size_t k = 0; k + 1 < boxes.size(); ++k) {
        if (boxes[k + 1].paragraph_start) continue;  // a line before a hard break stays as set
        PangoRectangle logical;
        pango_layout_line_get_extents(boxes[k].line, nullptr, &logical);
        spread_line(boxes[k].line, col.width - logical.width / double(PANGO_SCALE), 0.5 * o.font.size);
      }
    auto links = std::make_shared<std::vector<LinkSpan>>(rich.links);
    const std::size_t first = items_.size();
    const double grid_baseline = text::baseline_in_box(o.pitch, o.font.size);
    // Each line sits on the baseline grid; a line with taller content (a superscript, a big inline) grows.
    struct Placed {
      LineBox box;
      double height, baseline;
    };
    std::vector<Placed> placed;
    for (const auto& b : boxes) {
      const double ascent = b.baseline - b.top, descent = b.top + b.height - b.baseline;
      const double baseline = std::max(grid_baseline, ascent);
      placed.push_back({b, std::max(o.pitch, baseline + descent), baseline});
    }
    const Rgb colour = o.colour;
    auto shared_lines = std::make_shared<const std::vector<Placed>>(placed);
    // Draws lines [from, to) stacked down from the item's top.
    auto draw_lines = [layout, shared_lines, links, col, colour](std::size_t from, std::size_t to) {
      // `layout` owns the lines: named so the drawing keeps it alive.
      return [layout, shared_lines, links, col, colour, from, to](const DrawArgs& a) {
        double y = a.y;
        set_colour(a.cr, colour);
        for (std::size_t k = from; k < to; ++k) {
          const Placed& p = (*shared_lines)[k];
          cairo_move_to(a.cr, a.x + col.indent + p.box.x, y + p.baseline);
          pango_cairo_show_layout_line(a.cr, p.box.line);
          add_line_links(a, p.box, *links, a.x + col.indent, y, p.height);
          y += p.height;
        }
      };
    };
    if (o.keep_together && !placed.empty()) {
      FlowItem item;
      item.gap_before = gap;
      for (const auto& p : placed) item.height += p.height;
      item.baseline = placed.front().baseline;
      item.draw = draw_lines(0, placed.size());
      items_.push_back(std::move(item));
    } else {
      for (std::size_t k = 0; k < placed.size(); ++k) {
        FlowItem item;
        item.gap_before = k == 0 ? gap : 0;
        item.height = placed[k].height;
        item.baseline = placed[k].baseline;
        // Orphans and widows: the first two and the last two lines of a paragraph stay together.
        item.keep_with_next = placed.size() >= 2 && (k == 0 || k + 2 == placed.size());
        item.draw = draw_lines(k, k + 1);
        items_.push_back(std::move(item));
      }
    }
    // Anchors inside the text (footnote references) point at their line.
    for (const auto& [index, id] : rich.anchors) {
      std::size_t line = 0;
      for (std::size_t k = 0; k < placed.size(); ++k)
        if (placed[k].box.start_index <= index) line = k;
      const std::size_t target = o.keep_together ? first : first + line;
      if (target < items_.size()) items_[target].anchors.push_back(id);
    }
    if (items_.size() == first) {  // empty text still takes its place (an empty paragraph, a bare marker)
      FlowItem item;
      item.gap_before = gap;
      item.height = o.pitch;
      item.baseline = grid_baseline;
      item.draw = [](const DrawArgs&) {};
      items_.push_back(std::move(item));
    }
    return first;
  }

  TextOptions body_text() const {
    TextOptions o;
    o.font = body_;
    o.colour = theme_.text;
    o.pitch = ctx_.body_pitch() * body_.size / theme_.body_size;  // endnotes set smaller
    o.justify = theme_.justify;
    return o;
  }

  RichText rich(const model::Inlines& inlines, const TextOptions& o, bool links_coloured = true) const {
    figure::RichTextStyle style = rich_;
    style.size = o.font.size;
    style.links_coloured = links_coloured;
    return figure::build_rich_text(inlines, style);
  }

  // Text the book adds (a title, a byline, a caption) as lines.
  std::size_t plain_lines(const std::string& text, const Column& col, const TextOptions& o, double gap) {
    return text_lines(rich({Inline{InlineKind::text, text, {}, {}, {}, {}}}, o), col, o, gap);
  }

  // --- blocks ---------------------------------------------------------------------------------------

  double paragraph_gap() const { return theme_.paragraph_gap * em(); }

  void blocks(const std::vector<Block>& list, const Column& col) { blocks(list, col, 0, paragraph_gap()); }

  // The first block after `first_gap`, the others after `between`. Blocks are laid out where they stand
  // in the document: the diagram and highlight caches are keyed by their addresses.
  void blocks(const std::vector<Block>& list, const Column& col, double first_gap, double between) {
    for (std::size_t k = 0; k < list.size(); ++k) block(list[k], col, k == 0 ? first_gap : between);
  }

  void block(const Block& b, const Column& col, double gap) {
    if (after_heading_) {  // the heading's own gap below stands in for the block's gap above
      gap = 0;
      after_heading_ = false;
    }
    switch (b.kind) {
      case BlockKind::paragraph: paragraph(b, col, gap); break;
      case BlockKind::heading: heading(b, col); break;
      case BlockKind::list: list(b, col, gap); break;
      case BlockKind::list_item: blocks(b.children, col); break;
      case BlockKind::block_quote: quote(b, col, gap); break;
      case BlockKind::code_block: code(b, col, gap); break;
      case BlockKind::diagram: diagram(b, col, gap); break;
      case BlockKind::table: append_table(b.table, ctx_, rich_, col.indent, col.width, gap + 0.2 * em(), items_); break;
      case BlockKind::thematic_break: rule(col, gap); break;
      case BlockKind::footnote_definition: break;  // set as endnotes, after the text
      case BlockKind::details: details(b, col, gap); break;
      case BlockKind::division: blocks(b.children, col); break;
    }
  }

  void paragraph(const Block& b, const Column& col, double gap) {
    if (const auto lone = model::lone_image(b.inlines)) {
      block_image(*lone->image, col, gap, lone->link ? lone->link->url : std::string());
      return;
    }
    const TextOptions o = body_text();
    text_lines(rich(b.inlines, o), col, o, gap);
  }

  void heading(const Block& b, const Column& col) {
    const int level = std::clamp(b.level, 1, 6);
    TextOptions o;
    o.font = {FontRole::heading, theme_.heading_size[level - 1], level <= 4, false};
    o.colour = theme_.heading;
    o.pitch = o.font.size * (ctx_.cjk() ? 1.45 : 1.3);
    o.keep_together = true;
    const std::size_t at = text_lines(rich(b.inlines, o, false), col, o, theme_.heading_gap_before * em());
    FlowItem& item = items_[at];
    item.keep_with_next = true;
    if (!b.id.empty()) item.anchors.push_back(b.id);
    item.headings.push_back({level, model::plain_text(b.inlines), b.id});
    // What follows a heading sits closer to it than to what came before: a spacer, chained to both.
    FlowItem spacer;
    spacer.height = theme_.heading_gap_after * em();
    spacer.keep_with_next = true;
    spacer.draw = [](const DrawArgs&) {};
    items_.push_back(std::move(spacer));
    after_heading_ = true;
  }

  void list(const Block& b, const Column& col, double gap) {
    const double indent = std::min(theme_.list_indent, col.width / 4);
    const bool deeper = col.depth < max_visual_depth;
    const Column inner{col.indent + (deeper ? indent : 0), col.width - (deeper ? indent : 0), col.depth + 1};
    int number = b.start;
    bool first = true;
    const double between = b.tight ? 0.25 * em() : paragraph_gap();
    for (const auto& item : b.children) {
      std::string marker;
      if (item.task != model::TaskState::none) marker = item.task == model::TaskState::done ? "\u2611" : "\u2610";
      else if (b.ordered) marker = std::to_string(number++) + ".";
      else marker = col.depth % 3 == 0 ? "\u2022" : col.depth % 3 == 1 ? "\u2013" : "\u25E6";
      const std::size_t at = items_.size();
      const double item_gap = first ? gap : between;
      if (item.children.empty()) text_lines(RichText{"", text::AttrListPtr(pango_attr_list_new()), {}, {}}, inner, body_text(), item_gap);
      else blocks(item.children, inner, item_gap, between);
      attach_marker(at, marker, inner.indent);
      first = false;
    }
  }

  // Draws the list marker right-aligned before the first line of the item's content.
  void attach_marker(std::size_t at, const std::string& marker, double content_indent) {
    if (at >= items_.size()) return;
    auto layout = share(ctx_.layout(body_));
    pango_layout_set_text(layout.get(), marker.c_str(), -1);
    const double width = text::layout_width(layout.get());
    FlowItem& item = items_[at];
    const double baseline = item.baseline > 0 ? item.baseline : text::baseline_in_box(ctx_.body_pitch(), em());
    const Rgb colour = theme_.text;
    auto draw = std::move(item.draw);
    item.draw = [draw = std::move(draw), layout, width, baseline, content_indent, colour](const DrawArgs& a) {
      draw(a);
      set_colour(a.cr, colour);
      cairo_move_to(a.cr, a.x + content_indent - 5 - width, a.y + baseline);
      pango_cairo_show_layout_line(a.cr, pango_layout_get_line_readonly(layout.get(), 0));
    };
  }

  void quote(const Block& b, const Column& col, double gap) {
    const bool deeper = col.depth < max_visual_depth;
    const double indent = deeper ? std::min(theme_.quote_indent, col.width / 4) : 0;
    const Column inner{col.indent + indent, col.width - indent, col.depth + 1};
    const std::size_t first = items_.size();
    blocks(b.children, inner);
    if (items_.size() > first) items_[first].gap_before = std::max(items_[first].gap_before, gap);
    if (!deeper) return;
    // A bar down the left of everything quoted, through the gaps between its blocks.
    const Rgb bar = theme_.quote_bar;
    const double bar_x = col.indent + 1.5;
    for (std::size_t k = first; k < items_.size(); ++k) {
      const double cover = k == first ? 0 : items_[k].gap_before;
      auto draw = std::move(items_[k].draw);
      const double h = items_[k].height;
      items_[k].draw = [draw = std::move(draw), bar, bar_x, cover, h](const DrawArgs& a) {
        const double up = a.page_top ? 0 : cover;
        set_colour(a.cr, bar);
        cairo_rectangle(a.cr, a.x + bar_x, a.y - up, 2, h + up);
        cairo_fill(a.cr);
        draw(a);
      };
    }
  }

  void details(const Block& b, const Column& col, double gap) {
    TextOptions o = body_text();
    o.font.bold = true;
    text_lines(rich(b.inlines, o), col, o, gap);
    blocks(b.children, col);
  }

  // A thematic break: a short centred rule with air around it.
  void rule(const Column& col, double gap) {
    FlowItem item;
    item.gap_before = gap;
    item.height = ctx_.body_pitch();
    const Rgb colour = theme_.rule;
    const double mid_y = item.height / 2;
    item.draw = [col, colour, mid_y](const DrawArgs& a) {
      set_colour(a.cr, colour);
      cairo_set_line_width(a.cr, 0.6);
      const double mid = a.x + col.indent + col.width / 2;
      cairo_move_to(a.cr, mid - col.width / 6, a.y + mid_y);
      cairo_line_to(a.cr, mid + col.width / 6, a.y + mid_y);
      cairo_stroke(a.cr);
    };
    items_.push_back(std::move(item));
  }

  // --- code -----------------------------------------------------------------------------------------

  // Colours, weights and slants for the highlighted tokens of `text` (tab-expanded, as laid out).
  text::AttrListPtr syntax_attrs(const model::Block& block, const std::string& text) const {
    text::AttrListPtr attrs(pango_attr_list_new());
    const auto* highlighted = highlight::find_highlight(setup_.highlights, block);
    if (!highlighted) return attrs;
    for (const auto& token : highlighted->tokens) {
      if (token.end > text.size()) break;
      const auto group = highlight::group_of(token.style);
      if (group == highlight::SyntaxGroup::plain) continue;
      const Rgb& c = theme_.syntax_colour(group);
      auto add = [&](PangoAttribute* a) {
        a->start_index = token.start;
        a->end_index = token.end;
        pango_attr_list_insert(attrs.get(), a);
      };
      add(pango_attr_foreground_new(static_cast<guint16>(c.r * 65535), static_cast<guint16>(c.g * 65535),
                                    static_cast<guint16>(c.b * 65535)));
      if (group == highlight::SyntaxGroup::keyword || group == highlight::SyntaxGroup::alert)
        add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
      if (group == highlight::SyntaxGroup::comment) add(pango_attr_style_new(PANGO_STYLE_ITALIC));
    }
    return attrs;
  }

  // A code block, or a diagram that cannot be drawn shown as its source (never highlighted).
  void code(const model::Block& block, const Column& col, double gap) {
    const FontSpec font{FontRole::mono, theme_.code_size, false, false};
    const double pitch = theme_.code_size * theme_.code_line_height;
    auto layout = share(ctx_.layout(font));
    const std::string text = highlight::shown_code(block.text, highlight::CodeText::tabs_expanded);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout.get(), syntax_attrs(block, text).get());
    auto mark = share(ctx_.layout(font));
    pango_layout_set_text(mark.get(), "\u21AA", -1);  // a wrapped line's continuation
    // Line numbers sit in a gutter as wide as the largest one; the continuation mark then goes after it.
    const int source_lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    const bool numbered = setup_.code_line_numbers;
    double number_width = 0;
    const double number_gap = 0.6 * theme_.code_size;
    if (numbered) {
      auto widest = ctx_.layout(font);
      const std::string digits(std::to_string(source_lines).size(), '8');
      pango_layout_set_text(widest.get(), digits.c_str(), -1);
      number_width = text::layout_width(widest.get()) + number_gap;
    }
    const double pad = theme_.code_padding, mark_width = 8, gutter = pad + number_width + mark_width;
    pango_layout_set_width(layout.get(), static_cast<int>(std::max(20.0, col.width - gutter - pad) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    const auto boxes = line_boxes(layout.get());
    const Rgb bg = theme_.code_background, border = theme_.code_border, ink = theme_.code_text, muted = theme_.muted;
    int line_number = 0;
    for (std::size_t k = 0; k < boxes.size(); ++k) {
      const bool first = k == 0, last = k + 1 == boxes.size();
      FlowItem item;
      item.gap_before = first ? gap : 0;
      const double top_pad = first ? pad : 0, bottom_pad = last ? pad : 0;
      item.height = pitch + top_pad + bottom_pad;
      item.baseline = top_pad + text::baseline_in_box(pitch, font.size);
      item.keep_with_next = boxes.size() >= 2 && (k == 0 || k + 2 == boxes.size());
      const LineBox box = boxes[k];
      std::shared_ptr<PangoLayout> number;
      if (box.paragraph_start) ++line_number;
      if (numbered && box.paragraph_start) {
        number = share(ctx_.layout(font));
        const std::string n = std::to_string(line_number);
        pango_layout_set_text(number.get(), n.c_str(), -1);
      }
      const double baseline = item.baseline, height = item.height;
      item.draw = [layout, mark, number, box, col, first, last, baseline, height, pad, number_width, number_gap, gutter, bg,
                   border, ink, muted](const DrawArgs& a) {
        const double left = a.x + col.indent, right = left + col.width;
        set_colour(a.cr, bg);
        cairo_rectangle(a.cr, left, a.y, col.width, height);
        cairo_fill(a.cr);
        set_colour(a.cr, border);
        cairo_set_line_width(a.cr, 0.5);
        cairo_move_to(a.cr, left, a.y);
        cairo_line_to(a.cr, left, a.y + height);
        cairo_move_to(a.cr, right, a.y);
        cairo_line_to(a.cr, right, a.y + height);
        if (first) {
          cairo_move_to(a.cr, left, a.y);
          cairo_line_to(a.cr, right, a.y);
        }
        if (last) {
          cairo_move_to(a.cr, left, a.y + height);
          cairo_line_to(a.cr, right, a.y + height);
        }
        cairo_stroke(a.cr);
        set_colour(a.cr, muted);
        if (number) {  // right-aligned against the gutter's rule
          const double w = text::layout_width(number.get());
          cairo_move_to(a.cr, left + pad + number_width - number_gap - w, a.y + baseline);
          pango_cairo_show_layout_line(a.cr, pango_layout_get_line_readonly(number.get(), 0));
        }
        if (!box.paragraph_start) {
          cairo_move_to(a.cr, left + gutter - 8 - (number_width > 0 ? 0 : pad - 2), a.y + baseline);
          pango_cairo_show_layout_line(a.cr, pango_layout_get_line_readonly(mark.get(), 0));
        }
        set_colour(a.cr, ink);
        cairo_move_to(a.cr, left + gutter + box.x, a.y + baseline);
        pango_cairo_show_layout_line(a.cr, box.line);
      };
      items_.push_back(std::move(item));
    }
  }

  // --- figures --------------------------------------------------------------------------------------

  double max_figure_height() const { return theme_.text_height() * theme_.image_max_height; }

  void figure_item(double natural_w, double natural_h, const Column& col, double gap, double max_h,
                   std::function<void(cairo_t*)> paint, std::string link = {}) {
    const double scale = std::min({1.0, col.width / natural_w, max_h / natural_h});
    const double w = natural_w * scale, h = natural_h * scale;
    FlowItem item;
    const double below = 0.3 * em();
    item.gap_before = gap + 0.3 * em();
    item.height = h + below;
    // Shrinking to 70% beats leaving most of a page empty (figures do not float in this typesetter).
    item.min_height = 0.7 * h + below;
    item.draw = [paint = std::move(paint), link = std::move(link), col, w, h, below, scale](const DrawArgs& a) {
      const double fit = std::min(1.0, (a.height - below) / h);
      const double left = a.x + col.indent + (col.width - w * fit) / 2;
      if (a.links) a.links->add(link, left, a.y, w * fit, h * fit);
      cairo_save(a.cr);
      cairo_translate(a.cr, left, a.y);
      cairo_scale(a.cr, scale * fit, scale * fit);
      // A figure paints its own background (a diagram paints the whole surface): keep it in its box.
      cairo_rectangle(a.cr, 0, 0, w / scale, h / scale);
      cairo_clip(a.cr);
      paint(a.cr);
      cairo_restore(a.cr);
    };
    items_.push_back(std::move(item));
  }

  void diagram(const Block& b, const Column& col, double gap) {
    // Shared with the drawing closure, which is gone with the chapter's items.
    const auto result = std::make_shared<const figure::mermaid::PrepareResult>(
        figure::mermaid::prepare_diagram(b.text, ctx_.lang(), setup_.diagram_limits));
    figure::mermaid::report_diagram(doc_, b, *result, setup_.sink);
    if (!result->diagram) {
      code(b, col, gap);
      return;
    }
    const auto& d = *result->diagram;
    const double w = std::max(1.0, d.width() * px_to_pt), h = std::max(1.0, d.height() * px_to_pt);
    figure_item(w, h, col, gap, theme_.text_height() * 0.95, [result](cairo_t* cr) {
      cairo_scale(cr, px_to_pt, px_to_pt);
      result->diagram->draw(cr);
    });
  }

  // `link`: where the figure leads when clicked (the link it was written in), or empty.
  void block_image(const Inline& image, const Column& col, double gap, const std::string& link = {}) {
    if (image.url.empty()) {  // the parser removed a file: or data: URL and said so
      placeholder(model::plain_text(image.children), col, gap);
      return;
    }
    const auto loaded = setup_.images.get(image.url, doc_.source_path, setup_.book->resource_roots);
    if (const auto* why = std::get_if<std::string>(&loaded)) {
      warn(image.pos, "image '" + image.url + "' cannot be shown: " + *why);
      placeholder(model::plain_text(image.children), col, gap);
      return;
    }
    auto shared = std::get<std::shared_ptr<const PageImage>>(loaded);
    // Raster images at 150 dpi when they fit: a 1200 px screenshot is 8 inches wide at most.
    const double w = shared->width * 72.0 / 150, h = shared->height * 72.0 / 150;
    figure_item(std::max(1.0, w), std::max(1.0, h), col, gap, max_figure_height(),
                [shared, w, h](cairo_t* cr) { draw_page_image(cr, *shared, 0, 0, w, h); }, link);
    caption(image.title, col);
  }

  void caption(const std::string& text, const Column& col) {
    if (text.empty()) return;
    TextOptions o = body_text();
    o.font.size = theme_.small_size;
    o.font.italic = true;
    o.colour = theme_.muted;
    o.pitch = theme_.small_size * 1.5;
    o.justify = false;
    o.align = PANGO_ALIGN_CENTER;
    const std::size_t at = plain_lines(text, col, o, 0);
    if (at > 0) items_[at - 1].keep_with_next = true;  // a caption never leaves its picture
  }

  void placeholder(const std::string& alt, const Column& col, double gap) {
    const double h = 3 * ctx_.body_pitch();
    auto layout = share(ctx_.layout({FontRole::body, theme_.small_size, false, true}));
    const std::string label = std::string(model::labels_for(ctx_.lang()).missing_image) + (alt.empty() ? "" : ": " + alt);
    pango_layout_set_text(layout.get(), label.c_str(), -1);
    pango_layout_set_width(layout.get(), static_cast<int>((col.width - 12) * PANGO_SCALE));
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    const Rgb border = theme_.rule, muted = theme_.muted;
    FlowItem item;
    item.gap_before = gap;
    item.height = h;
    item.draw = [layout, col, h, border, muted](const DrawArgs& a) {
      set_colour(a.cr, border);
      cairo_set_line_width(a.cr, 0.8);
      const double dash[] = {3, 2};
      cairo_set_dash(a.cr, dash, 2, 0);
      cairo_rectangle(a.cr, a.x + col.indent, a.y, col.width, h);
      cairo_stroke(a.cr);
      cairo_set_dash(a.cr, nullptr, 0, 0);
      set_colour(a.cr, muted);
      int lw = 0, lh = 0;
      pango_layout_get_size(layout.get(), &lw, &lh);
      cairo_move_to(a.cr, a.x + col.indent + 6, a.y + (h - lh / double(PANGO_SCALE)) / 2);
      pango_cairo_show_layout(a.cr, layout.get());
    };
    items_.push_back(std::move(item));
  }

  // --- chapter furniture ----------------------------------------------------------------------------

  void chapter_mark() {
    FlowItem mark;
    mark.keep_with_next = true;
    mark.anchors.push_back("chapter-top");
    mark.headings.push_back({0, doc_.meta.title, "chapter-top"});
    mark.draw = [](const DrawArgs&) {};
    items_.push_back(std::move(mark));
  }

  void title_block(const Column& col) {
    const std::string& title = doc_.meta.title;
    TextOptions o;
    o.font = {FontRole::heading, theme_.heading_size[0], true, false};
    o.colour = theme_.heading;
    o.pitch = o.font.size * (ctx_.cjk() ? 1.4 : 1.25);
    o.keep_together = true;
    const std::size_t at = plain_lines(title, col, o, 0);
    items_[at].keep_with_next = true;
    items_[at].anchors.push_back("chapter-top");
    items_[at].headings.push_back({0, title, "chapter-top"});
    std::string byline;
    if (doc_.meta.pub_date) byline = model::format_date(*doc_.meta.pub_date, ctx_.lang());
    if (!doc_.meta.author.empty()) byline += (byline.empty() ? "" : " \u00B7 ") + doc_.meta.author;
    if (!byline.empty() || !doc_.meta.description.empty()) {
      TextOptions m = body_text();
      m.font.size = theme_.small_size + 1;
      m.colour = theme_.muted;
      m.pitch = m.font.size * 1.5;
      m.justify = false;
      if (!byline.empty()) items_[plain_lines(byline, col, m, 0.4 * em())].keep_with_next = true;
      if (!doc_.meta.description.empty()) {
        m.font.italic = true;
        plain_lines(doc_.meta.description, col, m, 0.4 * em());
      }
    }
    if (!doc_.meta.hero_image.empty()) {
      Inline hero{InlineKind::image, {}, doc_.meta.hero_image, {}, {}, {}};
      hero.pos = doc_.meta.pos_of("heroImage");
      block_image(hero, col, 0.6 * em());
    }
    FlowItem spacer;
    spacer.height = 1.2 * em();
    spacer.draw = [](const DrawArgs&) {};
    items_.push_back(std::move(spacer));
  }

  void endnotes(const Column& col) {
    if (notes_.empty()) return;
    Block title;
    title.kind = BlockKind::heading;
    title.level = 2;
    title.id = "notes";
    title.inlines = {Inline{InlineKind::text, model::labels_for(ctx_.lang()).notes, {}, {}, {}, {}}};
    heading(title, col);
    const double number_width = 1.6 * em();
    const Column inner{col.indent + number_width, col.width - number_width, col.depth + 1};
    FontSpec small = body_;
    small.size = theme_.small_size + 0.5;
    for (std::size_t n = 0; n < notes_.size(); ++n) {
      const Block* note = notes_[n];
      const int number = static_cast<int>(n) + 1;
      const std::size_t at = items_.size();
      const FontSpec saved = body_;
      body_ = small;
      blocks(note->children, inner);
      body_ = saved;
      if (items_.size() == at) continue;
      items_[at].gap_before = 0.3 * em();
      items_[at].anchors.push_back("fn-" + note->id);
      // The note's number leads back to where it was referenced.
      auto layout = share(ctx_.layout(small));
      const std::string label = std::to_string(number) + ".";
      pango_layout_set_text(layout.get(), label.c_str(), -1);
      const double w = text::layout_width(layout.get());
      const double baseline = items_[at].baseline;
      const std::string back = "#fnref-" + note->id;
      const Rgb link = theme_.link;
      auto draw = std::move(items_[at].draw);
      items_[at].draw = [draw = std::move(draw), layout, w, baseline, inner, link, back](const DrawArgs& a) {
        draw(a);
        set_colour(a.cr, link);
        const double x = a.x + inner.indent - 4 - w;
        cairo_move_to(a.cr, x, a.y + baseline);
        pango_cairo_show_layout_line(a.cr, pango_layout_get_line_readonly(layout.get(), 0));
        if (a.links) a.links->add(back, x, a.y, w, baseline + 3);
      };
    }
  }

  const TypesetContext& ctx_;
  const PdfTheme& theme_;
  const ChapterSetup& setup_;
  const model::Document& doc_;
  FontSpec body_;              // body text's font (smaller while endnotes are set)
  figure::RichTextStyle rich_;  // the theme's inline colours and mono family, with the chapter's note numbers
  std::vector<FlowItem> items_;
  std::vector<const Block*> notes_;                // endnotes in number order
  std::map<std::string, int> footnote_numbers_;  // their numbers by label
  bool after_heading_ = false;
};

}  // namespace

std::vector<FlowItem> layout_chapter(const TypesetContext& ctx, const ChapterSetup& setup) {
  return ChapterLayout(ctx, setup).run();
}

}  // namespace pp::pdf
