// Clickable areas on the page being drawn. They are only collected here: a link may point into a chapter
// that is not laid out yet, so the typesetter resolves them all at the end (links inside the book jump to
// the page and place of their target, links out of it open their URL, targets that lead nowhere stay
// plain text), and pdf_finish writes the annotations (cairo 1.16 loses links to pages it has not written
// yet; docs/pdf.md).
#pragma once

#include "pdf/pdf_finish.hpp"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace pp::pdf {

struct Destination {
  int page = 0;  // 1-based page, in the order cairo draws them
  double x = 0, y = 0;
};

// Where a link leads: nowhere, a place in the book, or a URL to open.
using LinkDestination = std::variant<std::monostate, Destination, std::string>;

// A clickable rectangle as drawn (`area`, whose target fields are filled in when it is resolved): to a
// place already known, or to a target as written in a post of chapter `chapter`.
struct LinkRequest {
  LinkAnnotation area;
  std::variant<Destination, std::string> to;
  std::size_t chapter = 0;
};

class PageLinks {
 public:
  PageLinks(std::vector<LinkRequest>& out, int page_index, std::size_t chapter);

  void add(const std::string& target, double x, double y, double width, double height) const;
  void add(const Destination& to, double x, double y, double width, double height) const;

  // The cairo attributes for an outline entry ("page=N pos=[x y]"): the outline is added after every page
  // exists, which cairo handles.
  static std::string position_attributes(const Destination& d);

 private:
  void add(std::variant<Destination, std::string> to, double x, double y, double width, double height) const;

  std::vector<LinkRequest>& out_;
  int page_index_;
  std::size_t chapter_;
};

}  // namespace pp::pdf
