// Clickable areas on the page being drawn: links inside the book jump to the page and place of their
// target, links out of it open their URL. Targets that lead nowhere stay plain text.
#pragma once

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
  explicit PageLinks(Resolve resolve, std::string base_url = {});

  // Makes the rectangle (page points) a link to `target`, if the target leads anywhere.
  void add(cairo_t* cr, const std::string& target, double x, double y, double width, double height) const;

  // The cairo tag attributes for a destination: "page=N pos=[x y]".
  static std::string destination_attributes(const Destination& d);

 private:
  Resolve resolve_;
  std::string base_url_;
};

}  // namespace pp::pdf
