// One pass: every chapter is laid out once and drawn at once, the body first. The front matter (title page,
// contents) is drawn after it, when the contents know the page of every heading, and pdf_finish moves it
// back in front. Links may point into chapters not laid out yet, so they are resolved at the end.
#include "pdf/pdf_writer.hpp"

#include "base/civil_time.hpp"
#include "media/default_deflate.hpp"
#include "model/labels.hpp"
#include "pdf/chapter_layout.hpp"
#include "pdf/page_image.hpp"
#include "pdf/page_links.hpp"
#include "pdf/paginator.hpp"
#include "pdf/pdf_finish.hpp"
#include "pdf/text_lines.hpp"
#include "text/cff_table_reads.hpp"
#include "text/held_faces.hpp"
#include "text/recorded_pdf_surface.hpp"

#include "base/resource_path.hpp"
#include "model/book_links.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>

namespace pp::pdf {

namespace {

struct Anchor {
  int page = 0;  // 0-based page within the chapter
  double y = 0;  // from the top of the text block
};

struct HeadingAt {
  HeadingMark mark;
  Anchor at;
};

// Where a chapter's pages, headings and anchors landed, as it was drawn.
struct ChapterPlan {
  std::map<std::string, Anchor> anchors;
  std::vector<HeadingAt> headings;
  int first_body_page = 1;  // 1-based body page number where it opens
};

struct LaidChapter {
  std::vector<FlowItem> items;
  std::vector<PagePlan> pages;
};

std::vector<PagePlan> paginate_items(const std::vector<FlowItem>& items, double page_height) {
  return paginate(std::vector<Slot>(items.begin(), items.end()), page_height);  // each item's Slot part
}

ChapterPlan plan_of(const LaidChapter& laid, int first_body_page) {
  ChapterPlan plan;
  plan.first_body_page = first_body_page;
  for (std::size_t p = 0; p < laid.pages.size(); ++p)
    for (const auto& placement : laid.pages[p].placements) {
      if (placement.repeated) continue;
      const auto& item = laid.items[placement.item];
      const Anchor at{static_cast<int>(p), placement.y};
      for (const auto& id : item.anchors) plan.anchors.try_emplace(id, at);
      for (const auto& h : item.headings) plan.headings.push_back({h, at});
    }
  return plan;
}

std::string roman(int n) {
  static const std::pair<int, const char*> digits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                       {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                       {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [value, text] : digits)
    while (n >= value) {
      out += text;
      n -= value;
    }
  return out;
}

class Typesetter {
 public:
  Typesetter(const model::Book& book, const PdfOptions& o, base::DiagnosticSink& sink)
      : book_(book), o_(o), theme_(o.theme), sink_(sink), single_(book.chapters.size() == 1), links_(book),
        furniture_(o.theme, book.lang), images_(o.limits.max_image_pixels),
        highlights_(o.highlight ? std::make_unique<highlight::CodeHighlights>(book, highlight::CodeText::tabs_expanded,
                                                                               o.jobs)
                                : nullptr) {
    if (single_) held_faces_.emplace();
  }

  std::string run() {
    const bool toc = o_.toc.value_or(!single_);
    std::string bytes;
    // From the first glyph drawn to the font subsets written, the glyphs drawn are noted per face, so that
    // cairo's final read of a CJK face's CFF table takes only their charstrings (text/glyph_use.hpp).
    std::optional<text::RecordedPdfSurface> surface(std::in_place, bytes, theme_.page.width, theme_.page.height);
    surface_ = surface->get();
    cairo_pdf_surface_restrict_to_version(surface_, CAIRO_PDF_VERSION_1_5);
    cr_.reset(cairo_create(surface_));
    // cairo also writes an Info dictionary of its own; without a date it would stamp the current time.
    const std::string created = base::iso8601_utc(book_.modified);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());

    hero_ = load_hero();

    // Until the font subsets are written, cairo reads a CFF font's table only to see if it is CID-keyed.
    std::optional<base::ProcessSwitch::Scope> head_reads_only(std::in_place, text::cff_head_reads_only);

    // The body. Front matter always fills an even number of pages in print, so a body page's side of the
    // spread is known from its own number before the front matter exists.
    plans_.reserve(book_.chapters.size());
    for (std::size_t c = 0; c < book_.chapters.size(); ++c) {
      const LaidChapter laid = lay_out(c);
      if (o_.print && page_number_ % 2 == 1) blank_page();  // chapters open on a right-hand (odd) page
      plans_.push_back(plan_of(laid, page_number_ + 1));
      const std::string& chapter_title = book_.chapters[c].meta.title;
      for (std::size_t p = 0; p < laid.pages.size(); ++p) {
        const int body_number = page_number_ + 1;
        const bool opening = p == 0 && !single_;
        draw_page(laid.items, laid.pages[p], body_number, std::to_string(body_number), opening ? "" : book_title(),
                  opening ? "" : chapter_title, c);
      }
      if (laid.pages.empty()) blank_page();
    }
    body_pages_ = page_number_;

    // Front matter: title page (and its blank back in print), contents, padded so the body opens on a
    // right-hand page.
    front_pages_ = 1 + (o_.print ? 1 : 0);
    std::vector<FlowItem> toc_items;
    std::vector<PagePlan> toc_plan;
    if (toc) {
      toc_items = contents_items();
      toc_plan = paginate_items(toc_items, theme_.text_height());
      toc_first_ = front_pages_ + 1;
      front_pages_ += static_cast<int>(toc_plan.size());
    }
    if (o_.print && front_pages_ % 2 == 1) ++front_pages_;
    title_page();
    if (o_.print) blank_page();
    for (const auto& page : toc_plan) {
      const int front_number = page_number_ + 1 - body_pages_;
      draw_page(toc_items, page, front_number, roman(front_number), "", "", 0);
    }
    while (page_number_ < body_pages_ + front_pages_) blank_page();
    outline(toc);
    cr_.reset();
    head_reads_only.reset();
    const auto reads_before = text::sparse_cff_reads();
    {
      const base::ProcessSwitch::Scope subsets_barely_repeat(media::huffman_only_streams);  // what finish writes
      surface->finish();
    }
    // The work-around for cairo 1.16's subsetter (text/cff_charstrings.hpp) rides on the partial reads:
    // when a CJK face could not be read for its drawn glyphs and flattened, say so rather than risk a
    // character drawn as nothing unannounced.
    if (text::sparse_cff_reads().unflattened > reads_before.unflattened)
      sink_.warning(book_.chapters[0].source_name, {},
                    "a CJK font was embedded without its glyphs' subroutine calls inlined; cairo 1.16 may draw "
                    "some characters (such as 如) as nothing",
                    {"this is a bug in postpress: please report it with the input"});
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("internal error: cairo PDF: ") + cairo_status_to_string(cairo_surface_status(surface_)));
    surface.reset();

    PdfFinish finish;
    finish.lang = book_.lang;
    finish.labels.push_back({0, PageLabelRange::Style::roman_lower, 1});
    finish.labels.push_back({front_pages_, PageLabelRange::Style::decimal, 1});
    finish.title = book_title();
    finish.author = book_.author;
    finish.subject = book_.description;
    std::vector<std::string> tags;
    for (const auto& doc : book_.chapters)
      for (const auto& t : doc.meta.tags)
        if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    for (const auto& t : tags) finish.keywords += (finish.keywords.empty() ? "" : ", ") + t;
    finish.creator = "postpress";
    finish.producer = "postpress (Pango, cairo)";
    finish.created = book_.modified;
    finish.links = resolve_links();
    for (int p = body_pages_; p < page_number_; ++p) finish.page_order.push_back(p);
    for (int p = 0; p < body_pages_; ++p) finish.page_order.push_back(p);
    finish.page_height = theme_.page.height;
    finish.image_streams = images_.pdf_streams();
    return finish_pdf(std::move(bytes), finish);
  }

 private:
  std::string book_title() const { return book_.title.empty() && single_ ? book_.chapters[0].meta.title : book_.title; }

  // Lays out and paginates chapter c.
  LaidChapter lay_out(std::size_t c) {
    const auto& doc = book_.chapters[c];
    TypesetContext ctx(theme_, doc.meta.lang.empty() ? book_.lang : doc.meta.lang);
    ChapterSetup setup{&doc, &book_, sink_, images_, !single_, highlights_.get(), o_.code_line_numbers,
                       figure::mermaid::ParseLimits::for_edges(o_.limits.max_diagram_edges)};
    LaidChapter out;
    out.items = layout_chapter(ctx, setup);
    out.pages = paginate_items(out.items, theme_.text_height());
    return out;
  }

  // Page (in drawing order: body pages come first) and position of an anchor in chapter c.
  Destination destination(std::size_t c, const Anchor& a) const {
    return {plans_[c].first_body_page + a.page, 0, theme_.margin_top + a.y};
  }

  LinkDestination resolve(const std::string& target, std::size_t chapter) const {
    const model::LinkTarget t = links_.resolve(target, chapter);
    if (t.kind == model::LinkTarget::Kind::external) return t.url;
    if (t.kind == model::LinkTarget::Kind::none) return {};
    const auto& anchors = plans_[t.chapter].anchors;
    if (auto it = anchors.find(t.fragment); !t.fragment.empty() && it != anchors.end()) return destination(t.chapter, it->second);
    if (t.same_chapter) return {};  // "#id" with no such id: plain text, as in the EPUB
    return destination(t.chapter, anchors.at("chapter-top"));
  }

  // Every link area drawn, now that every chapter's anchors are known.
  std::vector<LinkAnnotation> resolve_links() const {
    std::vector<LinkAnnotation> out;
    for (const LinkRequest& r : link_requests_) {
      const auto* known = std::get_if<Destination>(&r.to);
      const LinkDestination to = known ? LinkDestination(*known) : resolve(std::get<std::string>(r.to), r.chapter);
      LinkAnnotation link = r.area;
      if (const auto* place = std::get_if<Destination>(&to)) {
        link.target_page_index = place->page - 1;
        link.target_y = place->y;
      } else if (const auto* url = std::get_if<std::string>(&to)) {
        link.uri = *url;
      } else {
        continue;  // leads nowhere: plain text
      }
      out.push_back(std::move(link));
    }
    return out;
  }

  // `side_page` decides the side of the spread: odd pages are right-hand ones.
  double text_left(int side_page) const {
    if (!o_.print) return (theme_.margin_inner + theme_.margin_outer) / 2;
    return side_page % 2 == 1 ? theme_.margin_inner : theme_.margin_outer;
  }

  // Page furniture in the small size, one line across the text width, cut with an ellipsis.
  SharedLayout small_layout(const std::string& text, PangoAlignment align, bool italic) const {
    SharedLayout layout = share(furniture_.layout({FontRole::body, theme_.small_size, false, italic}));
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    pango_layout_set_width(layout.get(), static_cast<int>(theme_.text_width() * PANGO_SCALE));
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    return layout;
  }

  // Running heads repeat on every page of a chapter: each (text, alignment) is laid out once.
  const SharedLayout& running_head(const std::string& text, PangoAlignment align) {
    auto& layout = heads_[{text, align}];
    if (!layout) layout = small_layout(text, align, true);
    return layout;
  }

  void show_first_line(PangoLayout* layout, double x, double baseline) {
    const auto boxes = line_boxes(layout);
    if (boxes.empty()) return;
    set_colour(cr_.get(), theme_.muted);
    cairo_move_to(cr_.get(), x + boxes[0].x, baseline);
    pango_cairo_show_layout_line(cr_.get(), boxes[0].line);
  }

  // `side_page`: the page's number in the body or in the front matter, whose parity is its side of the
  // spread (both parts have an even number of pages before them in print).
  void draw_page(const std::vector<FlowItem>& items, const PagePlan& plan, int side_page, const std::string& number,
                 const std::string& left_head, const std::string& right_head, std::size_t chapter) {
    ++page_number_;
    cairo_t* cr = cr_.get();
    const double x = text_left(side_page), width = theme_.text_width();
    const bool recto = side_page % 2 == 1;
    // Heads and numbers sit on the outer side in print, centred on screen.
    const PangoAlignment align = o_.print ? (recto ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT) : PANGO_ALIGN_CENTER;
    // Running head: the book's title on left-hand pages, the chapter's on right-hand ones.
    const std::string head = recto ? right_head : left_head;
    if (!head.empty()) {
      const double baseline = theme_.margin_top - theme_.header_gap;
      show_first_line(running_head(head, align).get(), x, baseline);
      set_colour(cr, theme_.rule);
      cairo_set_line_width(cr, 0.4);
      cairo_move_to(cr, x, baseline + 4);
      cairo_line_to(cr, x + width, baseline + 4);
      cairo_stroke(cr);
    }
    if (!number.empty())
      show_first_line(small_layout(number, align, false).get(), x,
                      theme_.page.height - theme_.margin_bottom + theme_.footer_gap);
    PageLinks links(link_requests_, page_number_ - 1, chapter);
    bool first = true;
    for (const auto& placement : plan.placements) {
      DrawArgs args{cr, x, theme_.margin_top + placement.y, placement.height, first, &links};
      cairo_save(cr);
      if (plan.overfull) {  // an item taller than the page: cut at the page's edge rather than run off it
        cairo_rectangle(cr, 0, theme_.margin_top, theme_.page.width, theme_.text_height());
        cairo_clip(cr);
      }
      items[placement.item].draw(args);
      cairo_restore(cr);
      first = false;
    }
    cairo_show_page(cr);
  }

  void blank_page() {
    ++page_number_;
    cairo_show_page(cr_.get());
  }

  void title_page() {
    ++page_number_;
    cairo_t* cr = cr_.get();
    const TypesetContext& ctx = furniture_;
    const double x = text_left(1), width = theme_.text_width();
    double y = theme_.margin_top + theme_.text_height() * 0.18;
    auto block = [&](const std::string& text, const FontSpec& font, const Rgb& colour, double gap_after) {
      if (text.empty()) return;
      auto layout = share(ctx.layout(font));
      pango_layout_set_text(layout.get(), text.c_str(), -1);
      pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      set_colour(cr, colour);
      cairo_move_to(cr, x, y);
      pango_cairo_show_layout(cr, layout.get());
      int w = 0, h = 0;
      pango_layout_get_size(layout.get(), &w, &h);
      y += h / double(PANGO_SCALE) + gap_after;
    };
    const std::string subtitle = !book_.subtitle.empty() ? book_.subtitle : single_ ? book_.chapters[0].meta.description : "";
    block(book_title(), {FontRole::heading, theme_.title_size, true, false}, theme_.heading, theme_.title_size * 0.6);
    block(subtitle, {FontRole::heading, theme_.title_size * 0.55, false, false}, theme_.muted, theme_.title_size);
    hero_image(x, width, y);  // a single post's only
    std::string date = book_.date ? model::format_date(*book_.date, book_.lang) : "";
    y = std::max(y, theme_.margin_top + theme_.text_height() * 0.72);
    block(book_.author, {FontRole::heading, theme_.body_size * 1.3, false, false}, theme_.text, theme_.body_size);
    block(date, {FontRole::body, theme_.body_size, false, false}, theme_.muted, 0);
    cairo_show_page(cr);
  }

  // A single post's hero image, for its title page. Loaded before the body, so that a warning about it
  // comes in source order (front matter first) although the title page is drawn last.
  std::shared_ptr<const PageImage> load_hero() {
    if (!single_ || book_.chapters[0].meta.hero_image.empty()) return nullptr;
    const auto& doc = book_.chapters[0];
    const auto loaded = images_.get(doc.meta.hero_image, doc.source_path, book_.resource_roots);
    if (const auto* why = std::get_if<std::string>(&loaded)) {
      const auto pos = doc.meta.pos_of("heroImage");
      sink_.warning(doc.source_name, pos, "hero image '" + doc.meta.hero_image + "' cannot be shown: " + *why);
      return nullptr;
    }
    return std::get<std::shared_ptr<const PageImage>>(loaded);
  }

  void hero_image(double x, double width, double& y) {
    if (!hero_) return;
    const PageImage& image = *hero_;
    const double max_h = theme_.text_height() * 0.4;
    const double scale = std::min(width / image.width, max_h / image.height);
    const double w = image.width * scale, h = image.height * scale;
    draw_page_image(cr_.get(), image, x + (width - w) / 2, y, w, h);
    y += h + theme_.body_size * 2;
  }

  // The contents: chapters, and the headings one level below them (for one post: its top two levels).
  std::vector<FlowItem> contents_items() {
    const TypesetContext& ctx = furniture_;
    std::vector<FlowItem> items;
    const double width = theme_.text_width();
    {
      FlowItem title;
      auto layout = share(ctx.layout({FontRole::heading, theme_.heading_size[0], true, false}));
      const std::string label = model::labels_for(book_.lang).contents;
      pango_layout_set_text(layout.get(), label.c_str(), -1);
      title.height = theme_.heading_size[0] * 2.4;
      title.keep_with_next = true;
      title.anchors.push_back("contents");
      const Rgb colour = theme_.heading;
      title.draw = [layout, colour](const DrawArgs& a) {
        set_colour(a.cr, colour);
        cairo_move_to(a.cr, a.x, a.y);
        pango_cairo_show_layout(a.cr, layout.get());
      };
      items.push_back(std::move(title));
    }
    for (std::size_t c = 0; c < plans_.size(); ++c) {
      int top_level = 7;
      for (const auto& h : plans_[c].headings)
        if (h.mark.level > 0) top_level = std::min(top_level, h.mark.level);
      for (const auto& h : plans_[c].headings) {
        int depth = -1;  // 0: chapter, 1: its sections, 2: subsections
        if (h.mark.level == 0) depth = single_ ? -1 : 0;
        else if (h.mark.level == top_level) depth = single_ ? 0 : 1;
        else if (single_ && h.mark.level == top_level + 1) depth = 1;
        if (depth < 0) continue;
        const int page = plans_[c].first_body_page + h.at.page;
        items.push_back(contents_entry(ctx, h.mark.title, std::to_string(page), depth, destination(c, h.at), width));
      }
    }
    return items;
  }

  FlowItem contents_entry(const TypesetContext& ctx, const std::string& title, const std::string& page, int depth,
                          const Destination& dest, double width) {
    const bool major = depth == 0;
    const FontSpec font{major ? FontRole::heading : FontRole::body, major ? theme_.body_size : theme_.body_size - 0.5,
                        major, false};
    const double indent = depth * 1.5 * theme_.body_size;
    const double number_width = 3 * theme_.body_size;
    auto number = share(ctx.layout(font));
    pango_layout_set_text(number.get(), page.c_str(), -1);
    const double nw = text::layout_width(number.get());
    auto text = share(ctx.layout(font));
    pango_layout_set_text(text.get(), title.c_str(), -1);
    pango_layout_set_width(text.get(), static_cast<int>((width - indent - number_width) * PANGO_SCALE));
    pango_layout_set_wrap(text.get(), PANGO_WRAP_WORD_CHAR);
    const auto boxes = line_boxes(text.get());
    const double pitch = font.size * (ctx.cjk() ? 1.7 : 1.5);
    FlowItem item;
    item.gap_before = major ? theme_.body_size * 0.7 : 0;
    item.height = pitch * static_cast<double>(std::max<std::size_t>(1, boxes.size()));
    item.keep_with_next = major;
    const double baseline = text::baseline_in_box(pitch, font.size);
    const Rgb ink = theme_.text, dots = theme_.muted;
    item.draw = [text, number, boxes, nw, indent, width, pitch, baseline, ink, dots, dest](const DrawArgs& a) {
      set_colour(a.cr, ink);
      double y = a.y;
      double end_x = a.x + indent;
      for (const auto& b : boxes) {
        cairo_move_to(a.cr, a.x + indent + b.x, y + baseline);
        pango_cairo_show_layout_line(a.cr, b.line);
        PangoRectangle logical;
        pango_layout_line_get_extents(b.line, nullptr, &logical);
        end_x = a.x + indent + b.x + logical.width / double(PANGO_SCALE);
        y += pitch;
      }
      const double last_baseline = y - pitch + baseline;
      // Dot leaders on a fixed grid, so the dots of every entry line up down the page. One stroke of
      // zero-length dashes with round caps: a dot per dash, and a few numbers in the PDF rather than a
      // filled circle per dot (which made a long book's contents cost a fifth of its time).
      const double number_x = a.x + width - nw;
      constexpr double dot_pitch = 4.5;
      const double first = std::ceil((end_x - a.x + 4) / dot_pitch) * dot_pitch;
      const double last = first + std::floor((number_x - 4 - a.x - first - 1e-6) / dot_pitch) * dot_pitch;
      if (last >= first) {
        cairo_save(a.cr);
        set_colour(a.cr, dots);
        cairo_set_line_width(a.cr, 0.9);
        cairo_set_line_cap(a.cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(a.cr, std::array<double, 2>{0, dot_pitch}.data(), 2, 0);
        cairo_move_to(a.cr, a.x + first, last_baseline - 0.6);
        cairo_line_to(a.cr, a.x + last + 0.01, last_baseline - 0.6);
        cairo_stroke(a.cr);
        cairo_restore(a.cr);
      }
      set_colour(a.cr, ink);
      cairo_move_to(a.cr, number_x, last_baseline);
      pango_cairo_show_layout_line(a.cr, pango_layout_get_line_readonly(number.get(), 0));
      if (a.links) a.links->add(dest, a.x + indent, a.y, width - indent, y - a.y);
    };
    return item;
  }

  // Bookmarks mirroring the heading tree: chapters at the top, each post's headings nested by rank.
  void outline(bool toc) {
    if (toc) {
      const std::string label = model::labels_for(book_.lang).contents;
      const std::string attrs = PageLinks::position_attributes({body_pages_ + toc_first_, 0, theme_.margin_top});
      cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, label.c_str(), attrs.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
    for (std::size_t c = 0; c < plans_.size(); ++c) {
      std::vector<std::pair<int, int>> stack;  // (level, outline id)
      for (const auto& h : plans_[c].headings) {
        while (!stack.empty() && stack.back().first >= h.mark.level) stack.pop_back();
        const int parent = stack.empty() ? CAIRO_PDF_OUTLINE_ROOT : stack.back().second;
        const std::string attrs = PageLinks::position_attributes(destination(c, h.at));
        const std::string title = h.mark.title.empty() ? "\u2014" : h.mark.title;
        const int id = cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), attrs.c_str(),
                                                     h.mark.level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
        stack.push_back({h.mark.level, id});
      }
    }
  }

  // A single post's faces are held open from its layout to the font subsets written: one short run
  // draws from more faces than cairo keeps open (14 for a zh post), and cairo closed and reopened them 42
  // times. A book's are not: each chapter uses a few of them, cairo's closings cost the 300-post volume
  // 26 ms, and holding every face it uses would keep their file mappings resident (+62 MB).
  // Last destroyed: the surface is gone before.
  std::optional<text::HeldFaces> held_faces_;
  const model::Book& book_;
  const PdfOptions& o_;
  const PdfTheme& theme_;
  base::DiagnosticSink& sink_;
  const bool single_;
  std::vector<ChapterPlan> plans_;
  cairo_surface_t* surface_ = nullptr;
  text::CairoPtr cr_;
  int page_number_ = 0;  // pages drawn so far
  int body_pages_ = 0;
  int front_pages_ = 0;
  int toc_first_ = 0;    // first contents page within the front matter, 1-based
  const model::BookLinks links_;
  const TypesetContext furniture_;  // title page, contents, running heads and page numbers: the book's language
  std::vector<LinkRequest> link_requests_;
  std::shared_ptr<const PageImage> hero_;  // a single post's, loaded before the body
  PageImageCache images_;
  const std::unique_ptr<highlight::CodeHighlights> highlights_;  // null without highlighting; else on their own thread
  std::map<std::pair<std::string, PangoAlignment>, SharedLayout> heads_;  // running heads, laid out once
};

}  // namespace

std::string write_pdf(const model::Book& book, const PdfOptions& options, base::DiagnosticSink& sink) {
  if (book.chapters.empty()) throw std::runtime_error("internal error: a book without chapters");
  return Typesetter(book, options, sink).run();
}

}  // namespace pp::pdf
