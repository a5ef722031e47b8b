// XHTML page skeleton. format_raw: no added whitespace, so <pre> and inline spacing stay exact.
#include "epub/xhtml_page.hpp"

namespace pp::epub {

namespace {

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

void start_page(XhtmlPage& page, const std::string& title, const std::string& lang, const std::string& css_href) {
  auto decl = page.doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  page.doc.append_child(pugi::node_doctype).set_value("html");
  page.html = page.doc.append_child("html");
  page.html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
  page.html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
  page.html.append_attribute("xml:lang") = lang.c_str();
  page.html.append_attribute("lang") = lang.c_str();
  page.head = page.html.append_child("head");
  page.head.append_child("meta").append_attribute("charset") = "utf-8";
  page.head.append_child("title").text() = title.c_str();
  if (!css_href.empty()) {
    auto link = page.head.append_child("link");
    link.append_attribute("rel") = "stylesheet";
    link.append_attribute("type") = "text/css";
    link.append_attribute("href") = css_href.c_str();
  }
  page.body = page.html.append_child("body");
}

std::string to_bytes(const pugi::xml_document& doc) {
  StringWriter writer;
  doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  writer.out += '\n';
  return std::move(writer.out);
}

}  // namespace pp::epub
