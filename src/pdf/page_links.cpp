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

// Cairo's attribute strings quote with single quotes and escape with backslashes.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

PageLinks::PageLinks(Resolve resolve, std::string base_url) : resolve_(std::move(resolve)), base_url_(std::move(base_url)) {}

std::string PageLinks::destination_attributes(const Destination& d) {
  return "page=" + std::to_string(d.page) + " pos=[" + number(d.x) + " " + number(d.y) + "]";
}

void PageLinks::add(cairo_t* cr, const std::string& target, double x, double y, double width, double height) const {
  if (width <= 0 || height <= 0) return;
  std::string attributes;
  if (auto dest = resolve_ ? resolve_(target) : std::nullopt) {
    attributes = destination_attributes(*dest);
  } else {
    const auto verdict = base::check_url(target);
    if (!verdict.allowed) return;
    if (!verdict.scheme.empty()) {
      attributes = "uri=" + quoted(verdict.url);
    } else if (!base_url_.empty() && !verdict.url.empty() && verdict.url[0] != '#') {
      std::string base = base_url_;
      std::string rel = verdict.url;
      if (rel.starts_with("./")) rel.erase(0, 2);
      if (rel.starts_with("/")) {
        const auto scheme_end = base.find("://");
        const auto host_end = scheme_end == std::string::npos ? std::string::npos : base.find('/', scheme_end + 3);
        if (host_end != std::string::npos) base.erase(host_end);
        attributes = "uri=" + quoted(base + rel);
      } else {
        if (!base.ends_with("/")) base += '/';
        attributes = "uri=" + quoted(base + rel);
      }
    } else {
      return;  // a relative link to something outside the book: nothing to open
    }
  }
  attributes += " rect=[" + number(x) + " " + number(y) + " " + number(width) + " " + number(height) + "]";
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

}  // namespace pp::pdf
