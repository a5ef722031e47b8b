// Title page XHTML.
#include "epub/title_page.hpp"

#include "epub/xhtml_page.hpp"
#include "model/labels.hpp"

namespace pp::epub {

std::string write_title_page(const model::Book& book, const std::string& cover_href) {
  const model::Labels& labels = model::labels_for(book.lang);
  XhtmlPage page;
  start_page(page, book.title, book.lang, "../styles/book.css");
  page.body.append_attribute("epub:type") = "frontmatter";
  auto section = page.body.append_child("section");
  section.append_attribute("epub:type") = "titlepage";
  section.append_attribute("class") = "titlepage";
  section.append_attribute("aria-label") = labels.title_page;
  if (!cover_href.empty()) {
    auto fig = section.append_child("figure");
    fig.append_attribute("class") = "cover";
    auto img = fig.append_child("img");
    img.append_attribute("src") = ("../" + cover_href).c_str();
    img.append_attribute("alt") = labels.cover;
  }
  auto h1 = section.append_child("h1");
  h1.append_attribute("class") = "title";
  h1.text() = book.title.c_str();
  auto para = [&](const char* cls, const std::string& text) {
    if (text.empty()) return;
    auto p = section.append_child("p");
    p.append_attribute("class") = cls;
    p.text() = text.c_str();
  };
  para("subtitle", book.subtitle.empty() ? book.description : book.subtitle);
  para("author", book.author);
  if (book.date) para("date", model::format_date(*book.date, book.lang));
  return to_bytes(page.doc);
}

}  // namespace pp::epub
