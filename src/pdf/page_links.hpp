// Clickable areas on the page being drawn: links inside the book jump to the page and place of their
// target, links out of it open their URL. Targets that lead nowhere stay plain text.
#pragma once

#include "pdf/pdf_finish.hpp"

#include <cairo.h>

#include <functional>
#include <optional>
#include <string>

namespace pp::pdf {

struct Destination {
  int page = 0;       // 1-based physical page
  double x = 0, y = 0;
};

class PageLinks {
 public:
  // `resolve` maps a target as written ("#id", "other-post/", "https://...") to an in-book destination,
  // or returns nullopt; external URLs are handled here.
  using Resolve = std::function<std::optional<Destination>(const std::string& target)>;
  // In-book links are collected into `internal` (pdf_finish writes them: cairo 1.16 loses links to pages
  // it has not written yet); links out of the book become cairo link tags on the current page.
  PageLinks(Resolve resolve, std::string base_url, std::vector<InternalLink>* internal, int page_index);

  // Makes the rectangle (page points) a link to `target`, if the target leads anywhere.
  void add(cairo_t* cr, const std::string& target, double x, double y, double width, double height) const;
  void add(const Destination& to, double x, double y, double width, double height) const;

  // The cairo attributes for an outline entry ("page=N pos=[x y]"): the outline is added after every page
  // exists, which cairo handles.
  static std::string position_attributes(const Destination& d);

 private:
  Resolve resolve_;
  std::string base_url_;
  std::vector<InternalLink>* internal_;
  int page_index_;
};

}  // namespace pp::pdf
