// The images a book embeds: resolved against the allowed roots, read once, named once.
#pragma once

#include "figure/image_output.hpp"
#include "base/diagnostics.hpp"
#include "model/document.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pp::epub {

struct ImageItem {
  std::string id;     // manifest id
  std::string href;   // path inside the publication folder, e.g. "images/hero.png"
  std::string mime;
  std::string bytes;
  bool cover = false;
};

class Resources {
 public:
  // Images over `max_image_pixels` (read from their headers) are left out with a warning.
  Resources(std::vector<std::filesystem::path> roots, std::uint64_t max_image_pixels, base::DiagnosticSink& sink)
      : roots_(std::move(roots)), max_image_pixels_(max_image_pixels), sink_(sink) {}

  // The image's href inside the publication, or nullopt (with a warning at `pos`) when it cannot be used.
  std::optional<std::string> image(const std::string& ref, const model::Document& doc, base::SourcePos pos);

  // An image the book makes (a diagram, a table): call once per distinct image; `stem` names its content.
  std::string add_generated(const std::string& stem, figure::ImageFormat format, std::string bytes);

  void mark_cover(const std::string& href);
  const std::vector<ImageItem>& items() const { return items_; }

 private:
  std::vector<std::filesystem::path> roots_;
  std::uint64_t max_image_pixels_;
  base::DiagnosticSink& sink_;
  std::vector<ImageItem> items_;
  std::map<std::filesystem::path, std::string> by_path_;  // canonical path -> href
  std::set<std::string> hrefs_used_;
};

}  // namespace pp::epub
