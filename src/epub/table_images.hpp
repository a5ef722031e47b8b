// The book's tables drawn as images by the shared table renderer, before any chapter is written
// (`--tables image`, the default): e-readers squeeze, clip or scroll wide XHTML tables each their own way,
// while an image looks the same in every one of them.
#pragma once

#include "epub/generated_image.hpp"
#include "epub/resources.hpp"
#include "model/book.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pp::epub {

// A table taller than a phone's screen is cut between rows into several parts, each opening with the
// header row, so that every part reads on its own.
struct TableImage {
  std::vector<GeneratedImage> parts;  // alt: the header and the part's rows
};

using TableImages = std::map<const model::Block*, TableImage>;

// How an image table is set: its text size, the width it wraps its cells to and may grow to, and the
// tallest part. In CSS pixels: a reader shows the image at `width / 16` em, so its text follows the
// reader's font size at about 0.88 of the body text's, the size of the XHTML tables' text.
struct TableImageGeometry {
  double text_size = 14;
  double width = 440;       // cells wrap to this
  double max_width = 760;   // a table whose longest words need more may widen to this
  double max_height = 640;  // the tallest part (a phone screen in portrait)
};

TableImages render_tables(const model::Book& book, figure::ImageFormat format, unsigned jobs, Resources& resources,
                          const TableImageGeometry& geometry = {});

}  // namespace pp::epub
