// One post file to one model::Document: encoding checks, front matter, Markdown, tree passes.
#pragma once

#include "base/diagnostics.hpp"
#include "base/limits.hpp"
#include "model/document.hpp"

#include <filesystem>
#include <string>

namespace pp::parse {

struct PostOptions {
  std::string fallback_lang = "en";  // --lang, used when neither front matter nor path names one
  base::ResourceLimits limits;  // max_input_bytes and max_nesting apply here
};

// `name` is how diagnostics name the file (as the user wrote it). Throws base::FatalError when the post
// cannot be read or parsed; recoverable problems go to `sink`.
model::Document parse_post(const std::string& name, const std::filesystem::path& path, std::string bytes,
                           const PostOptions& options, base::DiagnosticSink& sink);

model::Document load_post(const std::string& name, const std::filesystem::path& path, const PostOptions& options,
                          base::DiagnosticSink& sink);

// The language a path implies: the nearest folder named en, zh, zh-hant, ja or ko.
std::optional<std::string> lang_from_path(const std::filesystem::path& path);

}  // namespace pp::parse
