// Clickable areas on the page being drawn: links inside the book jump to the page and place of their
// target, links out of it open their URL, targets that lead nowhere stay plain text. The areas are
// collected for pdf_finish, which writes the annotations (cairo 1.16 loses links to pages it has not
// written yet; docs/pdf.md).
#pragma once

#include "pdf/pdf_finish.hpp"

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace pp::pdf {

struct Destination {
  int page = 0;       // 1-based physical page
  double x = 0, y = 0;
};

// Where a link leads: nowhere, a place in the book, or a URL to open.
using LinkDestination = std::variant<std::monostate, Destination, std::string>;

class PageLinks {
 public:
  using Resolve = std::function<LinkDestination(const std::string& target)>;
  PageLinks(Resolve resolve, std::vector<LinkAnnotation>* out, int page_index);

  // Makes the rectangle (page points, from the top-left corner) a link to `target` as written in the post.
  void add(const std::string& target, double x, double y, double width, double height) const;
  void add(const Destination& to, double x, double y, double width, double height) const;

  // The cairo attributes for an outline entry ("page=N pos=[x y]"): the outline is added after every page
  // exists, which cairo handles.
  static std::string position_attributes(const Destination& d);

 private:
  Resolve resolve_;
  std::vector<LinkAnnotation>* out_;
  int page_index_;
};

}  // namespace pp::pdf
