// The skeleton every XHTML content document shares, and serialising a pugixml document to bytes.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace pp::epub {

struct XhtmlPage {
  pugi::xml_document doc;
  pugi::xml_node html;
  pugi::xml_node head;
  pugi::xml_node body;
};

// <?xml?>, <!DOCTYPE html>, <html> with xml:lang and lang, <head> with title and the stylesheet.
// `css_href` is relative to the page ("../styles/book.css"); empty for none.
void start_page(XhtmlPage& page, const std::string& title, const std::string& lang, const std::string& css_href);

std::string to_bytes(const pugi::xml_document& doc);

}  // namespace pp::epub
