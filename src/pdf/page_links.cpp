#include "pdf/page_links.hpp"

#include "base/url_policy.hpp"

#include <cstdio>

namespace pp::pdf {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

PageLinks::PageLinks(Resolve resolve, std::string base_url, std::vector<InternalLink>* internal, int page_index)
    : resolve_(std::move(resolve)), base_url_(std::move(base_url)), internal_(internal), page_index_(page_index) {}

std::string PageLinks::position_attributes(const Destination& d) {
  return "page=" + std::to_string(d.page) + " pos=[" + number(d.x) + " " + number(d.y) + "]";
}

void PageLinks::add(const Destination& to, double x, double y, double width, double height) const {
  if (!internal_ || width <= 0 || height <= 0) return;
  internal_->push_back({page_index_, x, y, width, height, to.page - 1, to.y, {}});
}

void PageLinks::add(cairo_t*, const std::string& target, double x, double y, double width, double height) const {
  if (width <= 0 || height <= 0) return;
  std::string url;  // to open
  if (auto dest = resolve_ ? resolve_(target) : std::nullopt) {
    add(*dest, x, y, width, height);
    return;
  }
  {
    const auto verdict = base::check_url(target);
    if (!verdict.allowed) return;
    if (!verdict.scheme.empty()) {
      url = verdict.url;
    } else if (!base_url_.empty() && !verdict.url.empty() && verdict.url[0] != '#') {
      std::string base = base_url_;
      std::string rel = verdict.url;
      if (rel.starts_with("./")) rel.erase(0, 2);
      if (rel.starts_with("/")) {
        const auto scheme_end = base.find("://");
        const auto host_end = scheme_end == std::string::npos ? std::string::npos : base.find('/', scheme_end + 3);
        if (host_end != std::string::npos) base.erase(host_end);
        url = base + rel;
      } else {
        if (!base.ends_with("/")) base += '/';
        url = base + rel;
      }
    } else {
      return;  // a relative link to something outside the book: nothing to open
    }
  }
  if (internal_) internal_->push_back({page_index_, x, y, width, height, 0, 0, url});
}

}  // namespace pp::pdf
