// base/url_policy: only link targets that cannot run script or read local files pass.
#include "base/url_policy.hpp"

#include <catch2/catch.hpp>

#include <string>

using pp::base::check_url;

TEST_CASE("check_url refuses script, data and local-file schemes however they are spelled", "[url]") {
  struct Case {
    std::string url, scheme;
  };
  for (const auto& [url, scheme] : {Case{"javascript:alert(1)", "javascript"},
                                    Case{"JAVASCRIPT:alert(1)", "javascript"},
                                    Case{"JavaScript:alert(1)", "javascript"},
                                    Case{"java\tscript:alert(1)", "javascript"},
                                    Case{"java\nscript:alert(1)", "javascript"},
                                    Case{"java\r\nscript:alert(1)", "javascript"},
                                    Case{"  javascript:alert(1)  ", "javascript"},
                                    Case{"\x01javascript:alert(1)", "javascript"},
                                    Case{"vbscript:msgbox(1)", "vbscript"},
                                    Case{"VBScript:msgbox(1)", "vbscript"},
                                    Case{"data:text/html;base64,PHNjcmlwdD4=", "data"},
                                    Case{"data:image/png;base64,AAAA", "data"},
                                    Case{"file:///etc/passwd", "file"},
                                    Case{"FILE:///etc/passwd", "file"},
                                    Case{"chrome://settings", "chrome"},
                                    Case{"x-unknown+scheme.1:thing", "x-unknown+scheme.1"}}) {
    INFO(url);
    const auto v = check_url(url);
    CHECK_FALSE(v.allowed);
    CHECK(v.scheme == scheme);
  }
}

TEST_CASE("check_url allows web links, mail, relative paths and fragments", "[url]") {
  struct Case {
    std::string url, scheme;
  };
  for (const auto& [url, scheme] : {Case{"http://example.com/", "http"},
                                    Case{"https://example.com/a?b=c#d", "https"},
                                    Case{"HTTPS://EXAMPLE.COM", "https"},
                                    Case{"mailto:someone@example.com", "mailto"},
                                    Case{"tel:+1-555-0100", "tel"},
                                    Case{"ftp://example.com/f", "ftp"},
                                    Case{"relative/page.html", ""},
                                    Case{"../up/page.md", ""},
                                    Case{"/site/absolute", ""},
                                    Case{"//example.com/protocol-relative", ""},
                                    Case{"#fragment", ""},
                                    Case{"?query=1", ""},
                                    Case{"page.html#a:b", ""},
                                    Case{"", ""}}) {
    INFO(url);
    const auto v = check_url(url);
    CHECK(v.allowed);
    CHECK(v.scheme == scheme);
  }
}

TEST_CASE("check_url trims surrounding whitespace from the cleaned URL", "[url]") {
  const auto v = check_url("  https://example.com/x \n");
  CHECK(v.allowed);
  CHECK(v.url == "https://example.com/x");
  CHECK(check_url("#top").url == "#top");
}
