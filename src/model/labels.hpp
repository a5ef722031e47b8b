// Words the book itself adds ("Contents", "Notes", "Related posts") in the reader's language.
#pragma once

#include <string>
#include <string_view>

namespace pp::model {

struct Labels {
  const char* contents;
  const char* notes;
  const char* related;
  const char* title_page;
  const char* cover;
  const char* back_to_text;
  const char* missing_image;
  const char* task_done;
  const char* task_open;
  const char* diagram;
};

// English for languages we have no words for.
const Labels& labels_for(std::string_view lang);

}  // namespace pp::model

#include "model/document.hpp"

namespace pp::model {

// "March 14, 2026", "2026年3月14日", "2026년 3월 14일".
std::string format_date(const Date& date, std::string_view lang);

}  // namespace pp::model
