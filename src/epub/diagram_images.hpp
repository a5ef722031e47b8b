// The book's diagrams rendered to images once, before any chapter is written.
#pragma once

#include "base/diagnostics.hpp"
#include "epub/generated_image.hpp"
#include "epub/resources.hpp"
#include "figure/mermaid/diagram.hpp"
#include "model/book.hpp"

#include <map>
#include <string>

namespace pp::epub {

using DiagramImages = std::map<const model::Block*, GeneratedImage>;

// Renders every diagram block of every chapter (in the chapter's language). A diagram that cannot be
// drawn gets a warning at its own line in the post and no entry (the chapter shows its source instead).
DiagramImages render_diagrams(const model::Book& book, figure::ImageFormat format, unsigned jobs,
                              const figure::mermaid::ParseLimits& limits, Resources& resources,
                              base::DiagnosticSink& sink);

}  // namespace pp::epub
