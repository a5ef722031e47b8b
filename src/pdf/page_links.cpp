#include "pdf/page_links.hpp"

#include <cstdio>

namespace pp::pdf {

PageLinks::PageLinks(std::vector<LinkRequest>& out, int page_index, std::size_t chapter)
    : out_(out), page_index_(page_index), chapter_(chapter) {}

std::string PageLinks::position_attributes(const Destination& d) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "page=%d pos=[%.2f %.2f]", d.page, d.x, d.y);
  return buf;
}

void PageLinks::add(const Destination& to, double x, double y, double width, double height) const {
  add(std::variant<Destination, std::string>(to), x, y, width, height);
}

void PageLinks::add(const std::string& target, double x, double y, double width, double height) const {
  if (!target.empty()) add(std::variant<Destination, std::string>(target), x, y, width, height);
}

void PageLinks::add(std::variant<Destination, std::string> to, double x, double y, double width, double height) const {
  if (width <= 0 || height <= 0) return;
  LinkAnnotation area;
  area.page_index = page_index_;
  area.x = x;
  area.y = y;
  area.width = width;
  area.height = height;
  out_.push_back({area, std::move(to), chapter_});
}

}  // namespace pp::pdf
