// Assembles the publication: chapters first (they discover the images), then navigation, package, zip.
#include "epub/epub_writer.hpp"

#include "base/sha1.hpp"
#include "base/uuid.hpp"
#include "epub/diagram_images.hpp"
#include "epub/table_images.hpp"
#include "epub/chapter_xhtml.hpp"
#include "epub/navigation.hpp"
#include "epub/package_document.hpp"
#include "epub/title_page.hpp"
#include "epub/zip_archive.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>
#include <variant>

namespace pp::embedded {
extern const std::string_view book_css;
}

namespace pp::epub {

namespace {

constexpr const char* publication_dir = "EPUB/";

std::string container_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         "  <rootfiles>\n"
         "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
         "  </rootfiles>\n"
         "</container>\n";
}

}  // namespace

std::string book_identifier(const model::Book& book) {
  // Title, author and the posts' identities, not their text: a corrected typo keeps the same book,
  // so readers keep their place and notes.
  std::string name = "postpress:book\n" + book.title + "\n" + book.author + "\n" + book.lang;
  for (const auto& doc : book.chapters) name += "\n" + doc.meta.lang + "/" + doc.meta.slug;
  return "urn:uuid:" + base::uuid_v5_url(name);
}

std::string write_epub(const model::Book& book, const EpubOptions& options, base::DiagnosticSink& sink) {
  ChapterTable chapters(book);
  // Started first, so that it runs while the figures are drawn.
  const auto highlights = options.highlight ? std::make_unique<highlight::CodeHighlights>(
                                                  book, highlight::CodeText::as_written, options.jobs)
                                            : nullptr;
  Resources resources(book.resource_roots, options.limits.max_image_pixels, sink);
  const auto format = options.figures == FigureFormat::svg ? figure::ImageFormat::svg : figure::ImageFormat::png;
  const DiagramImages diagrams = render_diagrams(book, format, options.jobs, figure::mermaid::ParseLimits::for_edges(options.limits.max_diagram_edges),
                      resources, sink);
  const TableImages tables = options.tables == TableFormat::image ? render_tables(book, format, options.jobs, resources) : TableImages{};

  // A one-post book shows the post's hero image as its cover rather than repeating it in the chapter.
  const bool single = book.chapters.size() == 1;
  std::string cover_href;
  if (single && !book.chapters[0].meta.hero_image.empty()) {
    const auto& doc = book.chapters[0];
    if (auto href = resources.image(doc.meta.hero_image, doc, doc.meta.pos_of("heroImage"))) cover_href = *href;
  }

  // Sorted by name: the zip's order after mimetype. Text is deflated as soon as it is written: while this
  // thread compresses a chapter, the highlighting thread works on the next chapter's code.
  std::map<std::string, std::variant<std::string, media::RawDeflated>> files;
  const auto put = [&files](const std::string& name, std::string data) {
    // Already-compressed images gain nothing from deflate.
    const bool stored = name.ends_with(".png") || name.ends_with(".jpg") || name.ends_with(".gif") ||
                        name.ends_with(".webp");
    constexpr int level = 6;  // zlib's default: the EPUB is written once and read often
    if (stored) files[name] = std::move(data);
    else files[name] = media::raw_deflate(data, level);
  };
  for (const auto& entry : chapters.entries())
    put(publication_dir + entry.href, write_chapter(entry, chapters, resources, ChapterStyle{!single, &diagrams, options.code_line_numbers, &tables, highlights.get()}));
  if (!cover_href.empty()) resources.mark_cover(cover_href);

  const std::string identifier = book_identifier(book);
  const std::string title_page_href = "text/title.xhtml";
  put(publication_dir + title_page_href, write_title_page(book, cover_href));

  const auto toc = build_toc(chapters);
  NavDocument nav{book.title, book.lang, identifier, title_page_href,
                  chapters.entries().empty() ? "" : chapters.entries().front().href};
  put(std::string(publication_dir) + "nav.xhtml", write_nav_xhtml(toc, nav));
  put(std::string(publication_dir) + "toc.ncx", write_ncx(toc, nav));
  put(std::string(publication_dir) + "styles/book.css", std::string(embedded::book_css));
  put(std::string(publication_dir) + "package.opf",
      write_package_document(book, chapters, resources, PackageInfo{identifier, title_page_href, "styles/book.css"}));
  for (const auto& image : resources.items()) put(publication_dir + image.href, image.bytes);
  put("META-INF/container.xml", container_xml());

  ZipArchive zip(book.modified);
  zip.add_stored("mimetype", "application/epub+zip");  // first and stored, so readers can sniff it
  for (auto& [name, data] : files) {
    if (auto* deflated = std::get_if<media::RawDeflated>(&data)) zip.add_deflated(name, std::move(*deflated));
    else zip.add_stored(name, std::move(std::get<std::string>(data)));
  }
  return zip.finish();
}

}  // namespace pp::epub
