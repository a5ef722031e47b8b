#include "pdf/page_links.hpp"

#include <cstdio>

namespace pp::pdf {

PageLinks::PageLinks(std::vector<LinkRequest>* out, int page_index, std::size_t chapter)
    : out_(out), page_index_(page_index), chapter_(chapter) {}

std::string PageLinks::position_attributes(const Destination& d) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "page=%d pos=[%.2f %.2f]", d.page, d.x, d.y);
  return buf;
}

void PageLinks::add(const Destination& to, double x, double y, double width, double height) const {
  if (!out_ || width <= 0 || height <= 0) return;
  out_->push_back({page_index_, x, y, width, height, to, {}, chapter_});
}

void PageLinks::add(const std::string& target, double x, double y, double width, double height) const {
  if (!out_ || target.empty() || width <= 0 || height <= 0) return;
  out_->push_back({page_index_, x, y, width, height, std::nullopt, target, chapter_});
}

}  // namespace pp::pdf
