// The printf conversions formatted without glibc (base/number_format.hpp) must give glibc's characters,
// and the executable's __snprintf_chk (linked into this binary too) glibc's results for every call.
#include "base/number_format.hpp"

#include <catch2/catch.hpp>

#include <cfenv>
#include <cfloat>
#include <cmath>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

extern "C" int __snprintf_chk(char* out, std::size_t capacity, int flag, std::size_t out_size, const char* format, ...);

namespace {

struct Formatted {
  bool ours = false;  // format_number took the call
  int length = 0;
  std::string text;
};

Formatted ours(std::size_t capacity, const char* format, ...) {
  char buffer[512];
  std::memset(buffer, 'x', sizeof buffer);
  va_list args;
  va_start(args, format);
  const auto length = pp::base::format_number(buffer, capacity, format, args);
  va_end(args);
  if (!length) return {};
  return {true, *length, capacity > 0 ? std::string(buffer) : std::string(buffer, 3)};
}

Formatted glibc(std::size_t capacity, const char* format, ...) {
  char buffer[512];
  std::memset(buffer, 'x', sizeof buffer);
  va_list args;
  va_start(args, format);
  const int length = std::vsnprintf(buffer, capacity, format, args);
  va_end(args);
  return {true, length, capacity > 0 ? std::string(buffer) : std::string(buffer, 3)};
}

void same_double(const char* format, double value, std::size_t capacity = 512) {
  const Formatted a = ours(capacity, format, value), b = glibc(capacity, format, value);
  INFO(format << " of " << value << " into " << capacity);
  REQUIRE(a.ours);
  CHECK(a.length == b.length);
  CHECK(a.text == b.text);
}

void same_star(int precision, double value) {
  const Formatted a = ours(512, "%.*f", precision, value), b = glibc(512, "%.*f", precision, value);
  INFO("%.*f, precision " << precision << " of " << value);
  REQUIRE(a.ours);
  CHECK(a.text == b.text);
}

}  // namespace

TEST_CASE("fixed-point conversions give glibc's characters, exact ties and all", "[base][number_format]") {
  const double special[] = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-7, -1e-7, 0.1, 0.05, 123456.789,
                            1e22, 1e300, -1e300, DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, 9.9999995, 0.0000005,
                            0.00000049999999999999999, 999999.9999995};
  for (double v : special) {
    same_double("%f", v);
    same_double("%.18f", v);
    same_double("%.3f", v);
    same_double("%.0f", v);
    for (int p = 0; p <= 40; p += 7) same_star(p, v);
  }
  std::mt19937_64 random(20261124);
  std::uniform_real_distribution<double> mantissa(-10, 10);
  std::uniform_int_distribution<int> exponent(-25, 25), precision(0, 20);
  for (int i = 0; i < 20000; ++i) {
    const double v = std::ldexp(mantissa(random), exponent(random));
    same_double("%f", v);
    same_star(precision(random), v);
  }
  // PDF coordinates as cairo writes them: multiples of 1/256 and of Pango's 1/1024, where ties lie.
  for (int n = -4096; n <= 4096; ++n) {
    same_double("%f", n / 1024.0);
    same_star(3, n / 1024.0);
    same_star(2, n / 256.0);
  }
}

TEST_CASE("integer conversions give glibc's characters", "[base][number_format]") {
  for (int v : {0, 1, -1, 42, 1000000, INT_MAX, INT_MIN}) {
    CHECK(ours(512, "%d", v).text == glibc(512, "%d", v).text);
    CHECK(ours(512, "%u", static_cast<unsigned>(v)).text == glibc(512, "%u", static_cast<unsigned>(v)).text);
  }
  for (long v : {0L, -5L, LONG_MAX, LONG_MIN}) CHECK(ours(512, "%ld", v).text == glibc(512, "%ld", v).text);
  CHECK(ours(512, "%lu", ULONG_MAX).text == glibc(512, "%lu", ULONG_MAX).text);
}

TEST_CASE("a short buffer gets what fits and the whole length back, as from snprintf", "[base][number_format]") {
  for (std::size_t capacity : {0u, 1u, 2u, 5u, 9u, 10u, 11u}) {
    same_double("%f", -123.456789, capacity);
    const Formatted a = ours(capacity, "%d", -123456), b = glibc(capacity, "%d", -123456);
    CHECK(a.length == b.length);
    CHECK(a.text == b.text);  // with capacity 0, neither wrote a byte
  }
}

TEST_CASE("anything else is left to glibc, with no argument read", "[base][number_format]") {
  for (const char* format : {"%g", "%s", "%x", "%5d", "%-f", "%+f", "%lld", "%.3d", "%f %f", "x%d", "%d ", "%.1234f", "%Lf", ""})
    CHECK_FALSE(ours(512, format, 1.5).ours);
  CHECK_FALSE(ours(512, "%.50f", 1.5).ours);    // longer than this covers
  CHECK_FALSE(ours(512, "%.*f", 41, 1.5).ours);
  CHECK_FALSE(ours(512, "%.*f", -1, 1.5).ours);  // negative precision means 6 to printf
  CHECK_FALSE(ours(512, "%f", HUGE_VAL).ours);   // inf and nan are spelled by glibc
  CHECK_FALSE(ours(512, "%f", std::nan("")).ours);
}

TEST_CASE("the executable's __snprintf_chk gives glibc's results, covered or not", "[base][number_format]") {
  char a[64];
  const auto same = [&](int length, const Formatted& glibc_result) {
    CHECK(length == glibc_result.length);
    CHECK(std::string(a) == glibc_result.text);
  };
  same(__snprintf_chk(a, sizeof a, 1, sizeof a, "%f", 0.1), glibc(sizeof a, "%f", 0.1));
  same(__snprintf_chk(a, 4, 1, sizeof a, "%d", 123456), glibc(4, "%d", 123456));
  same(__snprintf_chk(a, sizeof a, 1, sizeof a, "%s=%g", "x", 2.5), glibc(sizeof a, "%s=%g", "x", 2.5));
  // Handed to glibc after the arguments were looked at: glibc must still see them from the start.
  same(__snprintf_chk(a, sizeof a, 1, sizeof a, "%.*f", 41, 1.5), glibc(sizeof a, "%.*f", 41, 1.5));
  same(__snprintf_chk(a, sizeof a, 1, sizeof a, "%.*f", -1, 2.25), glibc(sizeof a, "%.*f", -1, 2.25));
  same(__snprintf_chk(a, sizeof a, 1, sizeof a, "%f", std::nan("")), glibc(sizeof a, "%f", std::nan("")));
  same(__snprintf_chk(a, sizeof a, 1, sizeof a, "%f", -HUGE_VAL), glibc(sizeof a, "%f", -HUGE_VAL));
}

TEST_CASE("the executable's __snprintf_chk leaves other rounding modes to glibc", "[base][number_format]") {
  char a[64];
  std::fesetround(FE_UPWARD);
  const int length = __snprintf_chk(a, sizeof a, 1, sizeof a, "%.3f", 1.0 / 3);
  const Formatted upward = glibc(sizeof a, "%.3f", 1.0 / 3);
  std::fesetround(FE_TONEAREST);
  CHECK(upward.text == "0.334");  // glibc rounds the way it is told; std::to_chars would say 0.333
  CHECK(length == upward.length);
  CHECK(std::string(a) == upward.text);
}
