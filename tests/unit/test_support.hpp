// Helpers shared by unit tests: parse Markdown text as a post without touching the disk.
#pragma once

#include "base/diagnostics.hpp"
#include "model/document.hpp"
#include "model/dump.hpp"
#include "parse/post.hpp"

#include <string>

namespace pp::test {

inline model::Document parse_text(const std::string& text, base::DiagnosticSink& sink,
                                  const std::string& path = "/tmp/pp-test/post.md") {
  return parse::parse_post(path, path, text, parse::PostOptions{}, sink);
}

inline model::Document parse_text(const std::string& text, const std::string& path = "/tmp/pp-test/post.md") {
  base::DiagnosticSink sink;
  return parse_text(text, sink, path);
}

inline std::string tree(const std::string& markdown) { return model::dump(parse_text(markdown).blocks); }

}  // namespace pp::test
