// Helpers shared by unit tests: parse Markdown text as a post without touching the disk.
#pragma once

#include "base/diagnostics.hpp"
#include "base/file_io.hpp"
#include "model/document.hpp"
#include "model/dump.hpp"
#include "parse/post.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pp::test {

inline model::Document parse_text(const std::string& text, base::DiagnosticSink& sink,
                                  const std::string& path = "/tmp/pp-test/post.md") {
  return parse::parse_post(path, path, text, parse::PostOptions{}, sink);
}

inline model::Document parse_text(const std::string& text, const std::string& path = "/tmp/pp-test/post.md") {
  base::DiagnosticSink sink;
  return parse_text(text, sink, path);
}

// The bytes of a file the tests read; a missing one is an error, never an empty input.
inline std::string file_bytes(const std::filesystem::path& path) {
  std::string why;
  auto bytes = base::read_file(path, why);
  if (!bytes) throw std::runtime_error("test input " + path.string() + ": " + why);
  return *bytes;
}

// The bytes of tests/fixtures/RELATIVE ("mermaid/flow-td-basic.mmd").
inline std::string fixture(const std::string& relative) {
  return file_bytes(std::filesystem::path(PP_SOURCE_DIR) / "tests" / "fixtures" / relative);
}

// The bytes of tests/fixtures/images/NAME.
inline std::string image_fixture(const std::string& name) { return fixture("images/" + name); }

inline std::string tree(const std::string& markdown) { return model::dump(parse_text(markdown).blocks); }

// The diagnostic a FatalError carried, or nullopt when `fn` returned normally.
template <class Fn>
std::optional<base::Diagnostic> fatal_diagnostic(Fn&& fn) {
  try {
    fn();
  } catch (const base::FatalError& e) {
    return e.diagnostic();
  }
  return std::nullopt;
}

// Messages of the diagnostics in `sink` that contain `needle`, each as "line:col: message".
inline std::vector<std::string> messages_with(const base::DiagnosticSink& sink, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics())
    if (d.message.find(needle) != std::string::npos)
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message);
  return out;
}

// Warnings in `sink` other than the "post has no title" one that every title-less snippet gets.
inline std::vector<std::string> other_warnings(const base::DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics())
    if (d.message.find("post has no title") == std::string::npos)
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message);
  return out;
}

}  // namespace pp::test
