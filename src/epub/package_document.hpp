// package.opf: metadata (Dublin Core, dcterms:modified, accessibility), manifest and spine.
#pragma once

#include "epub/chapter_table.hpp"
#include "epub/resources.hpp"
#include "model/book.hpp"

#include <string>

namespace pp::epub {

struct PackageInfo {
  std::string identifier;  // "urn:uuid:..."
  std::string title_page_href;
  std::string css_href;
};

std::string write_package_document(const model::Book& book, const ChapterTable& chapters, const Resources& resources,
                                   const PackageInfo& info);

}  // namespace pp::epub
