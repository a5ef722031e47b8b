// model/lang and model/labels: language tags, localized book words and dates.
#include "model/labels.hpp"
#include "model/lang.hpp"

#include <catch2/catch.hpp>

#include <string>

using pp::model::normalize_lang;

TEST_CASE("normalize_lang gives Chinese its script", "[lang]") {
  CHECK(normalize_lang("zh") == "zh-Hans");
  CHECK(normalize_lang("ZH") == "zh-Hans");
  CHECK(normalize_lang("zh-CN") == "zh-Hans");
  CHECK(normalize_lang("zh-SG") == "zh-Hans");
  CHECK(normalize_lang("zh-hans") == "zh-Hans");
  CHECK(normalize_lang("zh-Hans-CN") == "zh-Hans");
  CHECK(normalize_lang("zh_CN") == "zh-Hans");
  CHECK(normalize_lang("zh-TW") == "zh-Hant");
  CHECK(normalize_lang("zh-HK") == "zh-Hant");
  CHECK(normalize_lang("zh-MO") == "zh-Hant");
  CHECK(normalize_lang("zh-hant") == "zh-Hant");
  CHECK(normalize_lang("zh-Hant-TW") == "zh-Hant");
}

TEST_CASE("normalize_lang puts other tags in canonical case", "[lang]") {
  CHECK(normalize_lang("en") == "en");
  CHECK(normalize_lang("EN") == "en");
  CHECK(normalize_lang("en-us") == "en-US");
  CHECK(normalize_lang("en_GB") == "en-GB");
  CHECK(normalize_lang("ja-JP") == "ja-JP");
  CHECK(normalize_lang("ja-jp") == "ja-JP");
  CHECK(normalize_lang("ko") == "ko");
  CHECK(normalize_lang("sr-latn-rs") == "sr-Latn-RS");
  CHECK(normalize_lang("es-419") == "es-419");
  CHECK(normalize_lang("yue") == "yue");
}

TEST_CASE("normalize_lang rejects text that is not a language tag", "[lang]") {
  for (const char* bad : {"", "garbage", "e", "english", "12", "en-", "-en", "en--us", "en us", "zh-\xE4\xB8\xAD",
                          "en-toolongsubtag", "x1"}) {
    INFO(bad);
    CHECK_FALSE(normalize_lang(bad));
  }
}

TEST_CASE("lang_from_path_segment knows the blog folder names", "[lang]") {
  using pp::model::lang_from_path_segment;
  CHECK(lang_from_path_segment("en") == "en");
  CHECK(lang_from_path_segment("ja") == "ja");
  CHECK(lang_from_path_segment("ko") == "ko");
  CHECK(lang_from_path_segment("zh") == "zh-Hans");
  CHECK(lang_from_path_segment("zh-CN") == "zh-Hans");
  CHECK(lang_from_path_segment("zh-hant") == "zh-Hant");
  CHECK(lang_from_path_segment("zh-TW") == "zh-Hant");
  CHECK_FALSE(lang_from_path_segment("blog"));
  CHECK_FALSE(lang_from_path_segment("fr"));
  CHECK_FALSE(lang_from_path_segment(""));
}

TEST_CASE("primary_lang and is_cjk_lang", "[lang]") {
  CHECK(pp::model::primary_lang("zh-Hant") == "zh");
  CHECK(pp::model::primary_lang("EN-us") == "en");
  CHECK(pp::model::primary_lang("ja") == "ja");
  CHECK(pp::model::is_cjk_lang("zh-Hans"));
  CHECK(pp::model::is_cjk_lang("ja"));
  CHECK(pp::model::is_cjk_lang("ko-KR"));
  CHECK_FALSE(pp::model::is_cjk_lang("en"));
  CHECK_FALSE(pp::model::is_cjk_lang("vi"));
}

TEST_CASE("labels_for picks the reader's language, English otherwise", "[labels]") {
  using pp::model::labels_for;
  CHECK(std::string(labels_for("en").contents) == "Contents");
  CHECK(std::string(labels_for("en-GB").notes) == "Notes");
  CHECK(std::string(labels_for("zh-Hans").contents) == "目录");
  CHECK(std::string(labels_for("zh-Hant").contents) == "目錄");
  CHECK(std::string(labels_for("zh-Hant").notes) == "註釋");
  CHECK(std::string(labels_for("ja").contents) == "目次");
  CHECK(std::string(labels_for("ja-JP").related) == "関連記事");
  CHECK(std::string(labels_for("ko").contents) == "목차");
  CHECK(std::string(labels_for("fr").contents) == "Contents");
  CHECK(std::string(labels_for("").related) == "Related posts");
}

TEST_CASE("format_date writes dates the way each language does", "[labels]") {
  const pp::model::Date d{2026, 3, 14};
  CHECK(pp::model::format_date(d, "en") == "March 14, 2026");
  CHECK(pp::model::format_date(d, "en-US") == "March 14, 2026");
  CHECK(pp::model::format_date(d, "zh-Hans") == "2026年3月14日");
  CHECK(pp::model::format_date(d, "zh-Hant") == "2026年3月14日");
  CHECK(pp::model::format_date(d, "ja") == "2026年3月14日");
  CHECK(pp::model::format_date(d, "ko") == "2026년 3월 14일");
  CHECK(pp::model::format_date(d, "fr") == "2026-03-14");
  CHECK(pp::model::format_date({1999, 12, 1}, "en") == "December 1, 1999");
  CHECK(pp::model::format_date({2000, 1, 9}, "en") == "January 9, 2000");
}

TEST_CASE("Date::epoch_seconds and iso_date", "[date]") {
  pp::model::Date d{2026, 3, 14};
  CHECK(d.epoch_seconds() == 1773446400);
  CHECK(d.iso_date() == "2026-03-14");
  d.hour = 9;
  d.minute = 30;
  d.utc_offset_minutes = 540;
  CHECK(d.epoch_seconds() == 1773446400 + 30 * 60);
  CHECK(pp::model::Date{987, 1, 2}.iso_date() == "0987-01-02");
}
