// Table blocks -> images. Like diagrams, names come from a hash of what is drawn (the table, language,
// format and geometry), so the same table twice is one file and the bytes never depend on post order.
#include "epub/table_images.hpp"

#include "base/parallel.hpp"
#include "base/sha1.hpp"
#include "figure/image_output.hpp"
#include "figure/table_figure.hpp"
#include "model/dump.hpp"
#include "model/lang.hpp"
#include "model/walk.hpp"
#include "text/font_system.hpp"

#include <pango/pangocairo.h>


namespace pp::epub {

namespace {

constexpr double margin = 2;  // keeps the outer rules whole at the image's edges

// The screen look: the book's table colours, sans-serif text in the language's CJK face.
figure::TableStyle screen_style(const std::string& lang, double size, PangoContext* context,
                                std::function<int(const std::string&)> footnote_number) {
  figure::TableStyle s;  // the book look's colours, at screen sizes
  s.look.size = size;
  s.look.pitch = size * (model::is_cjk_lang(lang) ? 1.6 : 1.45);
  s.look.pad_x = 0.6 * size;
  s.look.pad_y = 0.35 * size;
  s.look.heavy_rule = 1.5;
  s.look.hairline = 0.75;
  const std::string cjk = text::cjk_sans_family(lang);  // "Noto Sans CJK JP"
  s.inlines.mono_family = "Liberation Mono, Noto Sans Mono CJK " + cjk.substr(cjk.size() - 2);
  s.inlines.footnote_number = std::move(footnote_number);
  const std::string family = "Liberation Sans, " + cjk;
  s.new_layout = [context, family, size](bool bold) {
    text::GObjectPtr<PangoLayout> layout(pango_layout_new(context));
    text::FontDescriptionPtr font(pango_font_description_new());
    pango_font_description_set_family(font.get(), family.c_str());
    pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    return layout;
  };
  return s;
}

struct Part {
  std::size_t first = 1, end = 1;  // rows of the figure (row 0 is the header)
  double height = 0;
};

// Cuts between rows so that no part is taller than `max_height` (a single taller row stands alone).
std::vector<Part> cut_into_parts(const figure::TableFigure& figure, double max_height) {
  std::vector<Part> parts;
  const double header = figure.row_height(0);
  std::size_t start = 1;
  do {
    Part p{start, start, header};
    while (p.end < figure.row_count() && (p.end == start || p.height + figure.row_height(p.end) <= max_height))
      p.height += figure.row_height(p.end++);
    parts.push_back(p);
    start = p.end;
  } while (start < figure.row_count());
  return parts;
}

}  // namespace

TableImages render_tables(const model::Book& book, figure::ImageFormat format, unsigned jobs, Resources& resources,
                          const TableImageGeometry& geometry) {
  struct Work {
    const model::Document* doc;
    const model::Block* block;
    std::string stem;
    std::vector<GeneratedImage> parts;
    std::vector<std::string> bytes;
    bool added = false;  // its images are in the book (at the first use)
  };
  std::vector<Work> work;
  std::map<std::string, std::size_t> by_stem;
  std::vector<std::pair<const model::Block*, std::size_t>> uses;
  const std::string key_suffix = std::string(figure::extension_of(format)) + "\n" +
                                 std::to_string(geometry.text_size) + "/" + std::to_string(geometry.width) + "/" +
                                 std::to_string(geometry.max_width) + "/" + std::to_string(geometry.max_height);
  for (const auto& doc : book.chapters) {
    model::walk_blocks(doc.blocks, [&](const model::Block& b) {
      if (b.kind != model::BlockKind::table || b.table.header.empty()) return true;
      // Footnote numbers depend on the post, so a table citing notes is drawn per post.
      const std::string content = model::dump({b});
      const bool cites_notes = content.find("fnref") != std::string::npos;
      const std::string stem = "table-" + base::short_hash(doc.meta.lang + "\n" + key_suffix + "\n" + content +
                                                           (cites_notes ? "\n" + doc.source_name : std::string()));
      auto [it, fresh] = by_stem.emplace(stem, work.size());
      if (fresh) work.push_back(Work{&doc, &b, stem, {}, {}, false});
      uses.emplace_back(&b, it->second);
      return false;
    });
  }

  base::parallel_for(work.size(), jobs, [&](std::size_t i) {
    Work& w = work[i];
    const std::string& lang = w.doc->meta.lang;
    std::map<std::string, int> notes;
    for (const model::Block* def : model::footnote_definitions(w.doc->blocks))
      notes.emplace(def->id, static_cast<int>(notes.size()) + 1);
    auto context = text::FontSystem::for_this_thread().context(lang);
    const auto style = screen_style(lang, geometry.text_size, context.get(), [&notes](const std::string& label) {
      const auto it = notes.find(label);
      return it == notes.end() ? 0 : it->second;
    });
    const figure::TableFigure figure(w.block->table, style, geometry.width, geometry.max_width);
    figure::ImageRequest request;
    request.format = format;
    request.max_pixels = figure::ebook_png_pixels;
    request.opaque_background = true;
    const auto parts = cut_into_parts(figure, geometry.max_height);
    for (const Part& part : parts) {
      const double width = figure.width() + 2 * margin, height = part.height + 2 * margin;
      w.bytes.push_back(figure::render_image(width, height, request, [&](cairo_t* cr) {
        // Opaque, so that a reader's dark mode never puts the dark text on a dark page.
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_translate(cr, margin, margin);
        figure.draw_row(cr, 0, 0, 0, false);
        double y = figure.row_height(0);
        for (std::size_t r = part.first; r < part.end; ++r) {
          figure.draw_row(cr, r, 0, y, r + 1 == part.end);
          y += figure.row_height(r);
        }
      }));
      w.parts.push_back(GeneratedImage{{}, figure::table_alt_text(w.block->table, lang, part.first - 1, part.end - 1),
                                       width, height});
    }
  });

  // Images join the book in book order, each once.
  TableImages images;
  for (const auto& [block, index] : uses) {
    Work& w = work[index];
    if (!w.added)
      for (std::size_t p = 0; p < w.parts.size(); ++p) {
        const std::string stem = w.parts.size() == 1 ? w.stem : w.stem + "-" + std::to_string(p + 1);
        w.parts[p].href = resources.add_generated(stem, format, std::move(w.bytes[p]));
      }
    w.added = true;
    images[block] = TableImage{w.parts};
  }
  return images;
}

}  // namespace pp::epub
