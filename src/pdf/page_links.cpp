#include "pdf/page_links.hpp"

#include <cstdio>

namespace pp::pdf {

PageLinks::PageLinks(Resolve resolve, std::vector<LinkAnnotation>* out, int page_index)
    : resolve_(std::move(resolve)), out_(out), page_index_(page_index) {}

std::string PageLinks::position_attributes(const Destination& d) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "page=%d pos=[%.2f %.2f]", d.page, d.x, d.y);
  return buf;
}

void PageLinks::add(const Destination& to, double x, double y, double width, double height) const {
  if (!out_ || width <= 0 || height <= 0) return;
  out_->push_back({page_index_, x, y, width, height, to.page - 1, to.y, {}});
}

void PageLinks::add(const std::string& target, double x, double y, double width, double height) const {
  if (!out_ || !resolve_ || width <= 0 || height <= 0) return;
  const LinkDestination to = resolve_(target);
  if (const auto* place = std::get_if<Destination>(&to)) add(*place, x, y, width, height);
  else if (const auto* url = std::get_if<std::string>(&to)) out_->push_back({page_index_, x, y, width, height, 0, 0, *url});
}

}  // namespace pp::pdf
