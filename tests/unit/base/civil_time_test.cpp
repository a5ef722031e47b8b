// base/civil_time: proleptic Gregorian calendar arithmetic, independent of TZ.
#include "base/civil_time.hpp"

#include <catch2/catch.hpp>

using pp::base::civil_from_epoch;
using pp::base::days_from_civil;
using pp::base::iso8601_utc;

TEST_CASE("days_from_civil counts days since 1970-01-01", "[civil_time]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1970, 1, 2) == 1);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);  // 2000 is a leap year
  CHECK(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28) == 1);  // 1900 is not
  CHECK(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28) == 2);
  CHECK(days_from_civil(2026, 3, 14) == 1773446400 / 86400);
  CHECK(days_from_civil(1900, 3, 1) == -2203891200 / 86400);
}

TEST_CASE("civil_from_epoch inverts the calendar, before and after 1970", "[civil_time]") {
  auto check = [](std::int64_t t, int y, int mo, int d, int h, int mi, int s) {
    const auto c = civil_from_epoch(t);
    INFO("epoch " << t);
    CHECK(c.year == y);
    CHECK(c.month == mo);
    CHECK(c.day == d);
    CHECK(c.hour == h);
    CHECK(c.minute == mi);
    CHECK(c.second == s);
  };
  check(0, 1970, 1, 1, 0, 0, 0);
  check(-1, 1969, 12, 31, 23, 59, 59);
  check(-86400, 1969, 12, 31, 0, 0, 0);
  check(1234567890, 2009, 2, 13, 23, 31, 30);
  check(1709164800, 2024, 2, 29, 0, 0, 0);
  check(951782400, 2000, 2, 29, 0, 0, 0);
  check(4107542399, 2100, 2, 28, 23, 59, 59);
  check(4107542400, 2100, 3, 1, 0, 0, 0);  // 2100 is not a leap year
  check(-2203891200, 1900, 3, 1, 0, 0, 0);
}

TEST_CASE("iso8601_utc formats seconds since the epoch", "[civil_time]") {
  CHECK(iso8601_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(iso8601_utc(-1) == "1969-12-31T23:59:59Z");
  CHECK(iso8601_utc(1773446400 + 9 * 3600 + 30 * 60 + 5) == "2026-03-14T09:30:05Z");
}

TEST_CASE("days_from_civil and civil_from_epoch round-trip over four centuries", "[civil_time]") {
  for (std::int64_t day = days_from_civil(1800, 1, 1); day <= days_from_civil(2200, 1, 1); day += 1) {
    const auto c = civil_from_epoch(day * 86400 + 43200);
    if (days_from_civil(c.year, c.month, c.day) != day) FAIL("round trip failed for day " << day);
  }
  SUCCEED();
}
