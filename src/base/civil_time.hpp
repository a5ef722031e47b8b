// Calendar arithmetic without the C library's time zone state, so results never depend on TZ.
#pragma once

#include <cstdint>
#include <string>

namespace pp::base {

// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12).
std::int64_t days_from_civil(int year, int month, int day);

// "YYYY-MM-DDThh:mm:ssZ" for seconds since the Unix epoch (UTC).
std::string iso8601_utc(std::int64_t epoch_seconds);

struct CivilTime {
  int year, month, day, hour, minute, second;
};
CivilTime civil_from_epoch(std::int64_t epoch_seconds);

}  // namespace pp::base
