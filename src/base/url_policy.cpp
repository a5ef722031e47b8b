// URL allow-list: it is safer to name what may pass than what may not.
#include "base/url_policy.hpp"

#include <array>
#include <cctype>

namespace pp::base {

UrlVerdict check_url(std::string_view url) {
  UrlVerdict v;
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  v.url = std::string(url);
  std::string scheme;
  for (char c : url) {
    if (c == '\t' || c == '\n' || c == '\r') continue;  // browsers drop these before reading the scheme
    if (c == ':') {
      v.scheme = scheme;
      break;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (!(std::isalnum(uc) || c == '+' || c == '-' || c == '.')) break;
    scheme += static_cast<char>(std::tolower(uc));
  }
  if (v.scheme.empty()) return v;
  static constexpr std::array<std::string_view, 12> allowed = {"http", "https", "mailto", "tel",  "ftp",   "ftps",
                                                               "sftp", "news",  "irc",    "ircs", "xmpp", "geo"};
  v.allowed = false;
  for (auto a : allowed)
    if (v.scheme == a) v.allowed = true;
  return v;
}

}  // namespace pp::base
