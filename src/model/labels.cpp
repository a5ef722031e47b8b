// Localized book furniture for en, zh-Hans, zh-Hant, ja and ko.
#include "model/labels.hpp"

#include "model/lang.hpp"

namespace pp::model {

const Labels& labels_for(std::string_view lang) {
  static constexpr Labels en{"Contents", "Notes", "Related posts", "Title page", "Cover", "Back to text",
                             "Image not available", "done", "to do", "Diagram", "Table"};
  static constexpr Labels zh_hans{"目录", "注释", "相关文章", "书名页", "封面", "返回正文", "图片不可用", "已完成", "待办", "图表", "表格"};
  static constexpr Labels zh_hant{"目錄", "註釋", "相關文章", "書名頁", "封面", "返回正文", "圖片不可用", "已完成", "待辦", "圖表", "表格"};
  static constexpr Labels ja{"目次", "注", "関連記事", "扉", "表紙", "本文へ戻る", "画像を表示できません", "完了", "未完了", "図", "表"};
  static constexpr Labels ko{"목차", "주석", "관련 글", "속표지", "표지", "본문으로", "이미지를 표시할 수 없음", "완료", "할 일", "다이어그램", "표"};
  const std::string primary = primary_lang(lang);
  if (primary == "zh") return lang == "zh-Hant" ? zh_hant : zh_hans;
  if (primary == "ja") return ja;
  if (primary == "ko") return ko;
  return en;
}

}  // namespace pp::model

namespace pp::model {

std::string table_row_label(std::string_view lang, std::size_t number) {
  const std::string primary = primary_lang(lang), n = std::to_string(number);
  if (primary == "zh") return "第" + n + "行";
  if (primary == "ja") return n + "行目";
  if (primary == "ko") return n + "행";
  return "Row " + n;
}

const char* list_separator(std::string_view lang) {
  const std::string primary = primary_lang(lang);
  if (primary == "zh") return "，";
  if (primary == "ja") return "、";
  return ", ";
}

const char* label_colon(std::string_view lang) {
  const std::string primary = primary_lang(lang);
  return primary == "zh" || primary == "ja" ? "：" : ": ";
}

const char* sentence_end(std::string_view lang) {
  const std::string primary = primary_lang(lang);
  return primary == "zh" || primary == "ja" ? "。" : ". ";
}

std::string format_date(const Date& d, std::string_view lang) {
  static constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
  const std::string primary = primary_lang(lang);
  const std::string y = std::to_string(d.year), m = std::to_string(d.month), day = std::to_string(d.day);
  if (primary == "zh" || primary == "ja") return y + "年" + m + "月" + day + "日";
  if (primary == "ko") return y + "년 " + m + "월 " + day + "일";
  if (primary == "en") return std::string(months[d.month - 1]) + " " + day + ", " + y;
  return d.iso_date();
}

}  // namespace pp::model
