// Command-line options: what the user asked for, checked for form but not yet for content.
#pragma once

#include "build/book_job.hpp"
#include "epub/epub_writer.hpp"
#include "pdf/pdf_writer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pp::cli {

enum class Mode { convert, check, dump_tree, help, version };
enum class Format { epub, pdf };

struct Options {
  Mode mode = Mode::convert;
  std::optional<Format> format;
  build::BookRequest request;
  epub::EpubOptions epub;
  pdf::PdfOptions pdf;
  std::string theme_file;               // --theme: settings over the built-in print theme
  std::optional<pdf::PageSize> page_size;  // --page-size: over the theme's
  bool strict = false;
  bool quiet = false;
  bool verbose = false;
};

struct UsageError {
  std::string message;
};

// Throws UsageError for unknown options, missing values or a missing output.
Options parse_options(const std::vector<std::string>& args);

const char* usage_text();

}  // namespace pp::cli
