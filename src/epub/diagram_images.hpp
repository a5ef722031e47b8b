// The book's diagrams rendered to images once, before any chapter is written.
#pragma once

#include "base/diagnostics.hpp"
#include "epub/resources.hpp"
#include "model/book.hpp"

#include <map>
#include <string>

namespace pp::epub {

struct DiagramImage {
  std::string href;  // in the publication folder
  std::string alt;   // the diagram's text in reading order
  double width = 0, height = 0;  // CSS pixels
};

using DiagramImages = std::map<const model::Block*, DiagramImage>;

// Renders every diagram block of every chapter (in the chapter's language). A diagram that cannot be
// drawn gets a warning at its own line in the post and no entry (the chapter shows its source instead).
DiagramImages render_diagrams(const model::Book& book, bool svg, std::int64_t timestamp, Resources& resources,
                              base::DiagnosticSink& sink);

}  // namespace pp::epub
