// An image the book makes (a diagram, a part of a table) as the chapter shows it.
#pragma once

#include <string>

namespace pp::epub {

struct GeneratedImage {
  std::string href;  // in the publication folder
  std::string alt;   // its content in reading order
  double width = 0, height = 0;  // CSS pixels (a 2x PNG has twice as many)
};

}  // namespace pp::epub
