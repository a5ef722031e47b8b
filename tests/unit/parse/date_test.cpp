// parse/date: every form front matter uses, impossible dates refused, offsets honoured.
#include "parse/date.hpp"

#include <catch2/catch.hpp>

#include <string>

using pp::parse::parse_date;

namespace {

constexpr std::int64_t march14 = 1773446400;  // 2026-03-14T00:00:00Z

struct Expect {
  int year, month, day, hour = 0, minute = 0, second = 0, offset = 0;
  bool has_time = false;
};

void check_date(const std::string& text, const Expect& e) {
  INFO("parse_date(\"" << text << "\")");
  const auto d = parse_date(text);
  REQUIRE(d);
  CHECK(d->year == e.year);
  CHECK(d->month == e.month);
  CHECK(d->day == e.day);
  CHECK(d->hour == e.hour);
  CHECK(d->minute == e.minute);
  CHECK(d->second == e.second);
  CHECK(d->utc_offset_minutes == e.offset);
  CHECK(d->has_time == e.has_time);
}

}  // namespace

TEST_CASE("parse_date reads ISO dates and date-times", "[date]") {
  check_date("2026-03-14", {2026, 3, 14});
  check_date("  2026-03-14\n", {2026, 3, 14});
  check_date("2026-03-14T09:30:00+09:00", {2026, 3, 14, 9, 30, 0, 540, true});
  check_date("2026-03-14t09:30:00+09:00", {2026, 3, 14, 9, 30, 0, 540, true});
  check_date("2026-03-14 09:30:00+09:00", {2026, 3, 14, 9, 30, 0, 540, true});
  check_date("2026-03-14T09:30:15Z", {2026, 3, 14, 9, 30, 15, 0, true});
  check_date("2026-03-14T09:30:15z", {2026, 3, 14, 9, 30, 15, 0, true});
  check_date("2026-03-14T09:30:15.123Z", {2026, 3, 14, 9, 30, 15, 0, true});
  check_date("2026-03-14T09:30:15,5+01:00", {2026, 3, 14, 9, 30, 15, 60, true});
  check_date("2026-03-14T09:30:00+0900", {2026, 3, 14, 9, 30, 0, 540, true});
  check_date("2026-03-14T09:30+09", {2026, 3, 14, 9, 30, 0, 540, true});
  check_date("2026-03-14T09:30:00-05:30", {2026, 3, 14, 9, 30, 0, -330, true});
  check_date("2026-03-14T09:30", {2026, 3, 14, 9, 30, 0, 0, true});
  check_date("2026-03-14 09:30:00 +09:00", {2026, 3, 14, 9, 30, 0, 540, true});
  check_date("2016-12-31T23:59:60Z", {2016, 12, 31, 23, 59, 59, 0, true});  // a leap second reads as :59
}

TEST_CASE("parse_date reads slashes and English month names", "[date]") {
  check_date("2026/03/14", {2026, 3, 14});
  check_date("2026/03/14 10:00", {2026, 3, 14, 10, 0, 0, 0, true});
  check_date("Mar 14 2026", {2026, 3, 14});
  check_date("Mar 14, 2026", {2026, 3, 14});
  check_date("March 14, 2026", {2026, 3, 14});
  check_date("march 14 2026", {2026, 3, 14});
  check_date("MARCH 14 2026", {2026, 3, 14});
  check_date("14 March 2026", {2026, 3, 14});
  check_date("14 Mar 2026", {2026, 3, 14});
  check_date("Sept 1 2026", {2026, 9, 1});
  check_date("May 5 2026", {2026, 5, 5});
  check_date("Mar 14 2026 10:00", {2026, 3, 14, 10, 0, 0, 0, true});
  check_date("14 Mar 2026 10:00:30 +09:00", {2026, 3, 14, 10, 0, 30, 540, true});
}

TEST_CASE("parse_date refuses impossible calendar dates", "[date]") {
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2025-02-29"));  // 2025 is not a leap year
  CHECK_FALSE(parse_date("1900-02-29"));  // nor is 1900
  CHECK_FALSE(parse_date("2026-04-31"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-00-10"));
  CHECK_FALSE(parse_date("2026-01-00"));
  CHECK_FALSE(parse_date("2026-01-32"));
  CHECK_FALSE(parse_date("Feb 30 2026"));
  CHECK_FALSE(parse_date("31 April 2026"));
  check_date("2024-02-29", {2024, 2, 29});
  check_date("2000-02-29", {2000, 2, 29});
  check_date("Feb 29 2024", {2024, 2, 29});
}

TEST_CASE("parse_date refuses impossible times and offsets", "[date]") {
  CHECK_FALSE(parse_date("2026-03-14T24:00:00Z"));
  CHECK_FALSE(parse_date("2026-03-14T23:60:00Z"));
  CHECK_FALSE(parse_date("2026-03-14T23:59:61Z"));
  CHECK_FALSE(parse_date("2026-03-14T09:30:00+15:00"));
  CHECK_FALSE(parse_date("2026-03-14T09:30:00+09:60"));
  CHECK_FALSE(parse_date("2026-03-14T9:30"));
  CHECK_FALSE(parse_date("2026-03-14T"));
  CHECK_FALSE(parse_date("2026-03-14T09:30:00+9"));
  CHECK_FALSE(parse_date("2026-03-14T09:30:00 junk"));
}

TEST_CASE("parse_date refuses text that is not a date", "[date]") {
  for (const char* bad : {"", "   ", "garbage", "today", "2026", "2026-03", "2026-3-14", "2026-03-4", "26-03-14",
                          "2026-03/14", "2026.03.14", "2026-03-14x", "14 2026", "Mar 2026", "Ma 14 2026",
                          "Mar 14 26", "Mar 123 2026", "Mar 14 2026 garbage", "Foo 14 2026", "1773446400"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad));
  }
}

TEST_CASE("time zone offsets change epoch_seconds", "[date]") {
  const auto utc = parse_date("2026-03-14T09:30:00Z");
  const auto tokyo = parse_date("2026-03-14T09:30:00+09:00");
  const auto tokyo_compact = parse_date("2026-03-14T09:30:00+0900");
  const auto new_york = parse_date("2026-03-14T09:30:00-05:00");
  const auto plain = parse_date("2026-03-14");
  REQUIRE(utc);
  REQUIRE(tokyo);
  REQUIRE(tokyo_compact);
  REQUIRE(new_york);
  REQUIRE(plain);
  CHECK(plain->epoch_seconds() == march14);
  CHECK(utc->epoch_seconds() == march14 + 9 * 3600 + 30 * 60);
  CHECK(tokyo->epoch_seconds() == march14 + 30 * 60);
  CHECK(tokyo_compact->epoch_seconds() == tokyo->epoch_seconds());
  CHECK(new_york->epoch_seconds() == march14 + 14 * 3600 + 30 * 60);
  CHECK(utc->epoch_seconds() - tokyo->epoch_seconds() == 9 * 3600);
  CHECK(new_york->epoch_seconds() - utc->epoch_seconds() == 5 * 3600);
  CHECK(tokyo->iso_date() == "2026-03-14");
}
