// Publication file names are ASCII and readable.
#include "base/file_names.hpp"

#include <catch2/catch.hpp>

TEST_CASE("file stems keep ASCII letters and digits, fold the rest to single hyphens", "[file_names]") {
  CHECK(pp::base::ascii_file_stem("Hero Image (v2)") == "hero-image-v2");
  CHECK(pp::base::ascii_file_stem("ebook-pipeline") == "ebook-pipeline");
  CHECK(pp::base::ascii_file_stem("snake_case.name") == "snake_case-name");
  CHECK(pp::base::ascii_file_stem("中文标题") == "");
  CHECK(pp::base::ascii_file_stem("2026 年计划") == "2026");
}
