// Which link targets may reach an output document: nothing that runs script or reads local files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pp::base {

struct UrlVerdict {
  bool allowed = true;
  std::string url;     // cleaned (surrounding space removed)
  std::string scheme;  // lower case, empty for relative URLs
};

// Relative URLs, fragments and http(s), mailto, tel, ftp, news, irc, xmpp and geo are allowed;
// javascript:, vbscript:, data:, file: and any other scheme are not. Tabs and newlines inside the
// scheme (which browsers ignore) do not hide it.
UrlVerdict check_url(std::string_view url);

}  // namespace pp::base
