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
  const char* table;
};

// English for languages we have no words for.
const Labels& labels_for(std::string_view lang);

}  // namespace pp::model

#include "model/document.hpp"

namespace pp::model {

// How a table's alt text says "Row 3" ("第3行", "3行目", "3행"), and what it puts between cells and after
// a label: CJK text takes its own punctuation.
std::string table_row_label(std::string_view lang, std::size_t number);
const char* list_separator(std::string_view lang);
const char* label_colon(std::string_view lang);
const char* sentence_end(std::string_view lang);

// "March 14, 2026", "2026年3月14日", "2026년 3월 14일".
std::string format_date(const Date& date, std::string_view lang);

}  // namespace pp::model
