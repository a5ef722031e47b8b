// A book job: posts named on the command line become one model::Book, then one output file.
#pragma once

#include "base/diagnostics.hpp"
#include "base/limits.hpp"
#include "model/book.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pp::build {

enum class ChapterOrder { input, date };

struct BookRequest {
  std::vector<std::string> inputs;  // as the user wrote them
  std::filesystem::path output;
  std::string title, author, lang;  // overrides; empty keeps the default
  ChapterOrder order = ChapterOrder::input;
  std::vector<std::filesystem::path> resource_paths;  // more folders images may come from
  std::string base_url;
  std::optional<std::int64_t> source_date_epoch;
  unsigned jobs = 0;  // parser threads; 0 = one per core
  base::ResourceLimits limits;
};

// Parses every input; a post that fails is reported in `sink` and left out of the result.
std::vector<model::Document> load_posts(const BookRequest& request, base::DiagnosticSink& sink);

// Book metadata from the request and the posts. Throws base::FatalError (no file) when several posts
// have no --title.
model::Book assemble_book(std::vector<model::Document> posts, const BookRequest& request);

}  // namespace pp::build
