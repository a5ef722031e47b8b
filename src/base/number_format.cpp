#include "base/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace pp::base {

namespace {

enum class Conversion { none, fixed, fixed_star, int_, unsigned_, long_, unsigned_long };

struct Spec {
  Conversion conversion = Conversion::none;
  int precision = 6;
};

// Only "%" [".N" | ".*"] ("f" | "d" | "u" | "ld" | "lu"), with nothing before or after.
Spec parse(const char* f) {
  Spec spec;
  if (*f++ != '%') return spec;
  bool star = false, has_precision = false;
  if (*f == '.') {
    ++f;
    has_precision = true;
    if (*f == '*') {
      star = true;
      ++f;
    } else {
      int p = 0, digits = 0;
      for (; *f >= '0' && *f <= '9' && digits < 3; ++f, ++digits) p = p * 10 + (*f - '0');
      if (digits == 0) p = 0;  // "%.f" is precision 0
      spec.precision = p;
    }
  }
  if (f[0] == 'f' && f[1] == '\0') spec.conversion = star ? Conversion::fixed_star : Conversion::fixed;
  else if (has_precision) return spec;  // "%.3d" and the like: glibc's
  else if (f[0] == 'd' && f[1] == '\0') spec.conversion = Conversion::int_;
  else if (f[0] == 'u' && f[1] == '\0') spec.conversion = Conversion::unsigned_;
  else if (f[0] == 'l' && f[1] == 'd' && f[2] == '\0') spec.conversion = Conversion::long_;
  else if (f[0] == 'l' && f[1] == 'u' && f[2] == '\0') spec.conversion = Conversion::unsigned_long;
  return spec;
}

int put(char* out, std::size_t capacity, const char* text, std::size_t length) {
  if (capacity > 0) {
    const std::size_t kept = length < capacity - 1 ? length : capacity - 1;
    std::memcpy(out, text, kept);
    out[kept] = '\0';
  }
  return static_cast<int>(length);
}

constexpr int max_precision = 40;

}  // namespace

std::optional<int> format_number(char* out, std::size_t capacity, const char* format, va_list args) {
  const Spec spec = parse(format);
  if (spec.conversion == Conversion::none || spec.precision > max_precision) return std::nullopt;
  char text[400];  // a finite double's integer part has at most 309 digits
  std::to_chars_result written{};
  va_list ap;
  va_copy(ap, args);  // read nothing from the caller's list unless the call is ours
  switch (spec.conversion) {
    case Conversion::fixed:
    case Conversion::fixed_star: {
      const int precision = spec.conversion == Conversion::fixed_star ? va_arg(ap, int) : spec.precision;
      const double value = va_arg(ap, double);
      if (precision < 0 || precision > max_precision || !std::isfinite(value)) {  // glibc's business
        va_end(ap);
        return std::nullopt;
      }
      written = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, precision);
      break;
    }
    case Conversion::int_: written = std::to_chars(text, text + sizeof text, va_arg(ap, int)); break;
    case Conversion::unsigned_: written = std::to_chars(text, text + sizeof text, va_arg(ap, unsigned)); break;
    case Conversion::long_: written = std::to_chars(text, text + sizeof text, va_arg(ap, long)); break;
    case Conversion::unsigned_long: written = std::to_chars(text, text + sizeof text, va_arg(ap, unsigned long)); break;
    case Conversion::none: break;
  }
  va_end(ap);
  if (written.ec != std::errc()) return std::nullopt;
  return put(out, capacity, text, static_cast<std::size_t>(written.ptr - text));
}

}  // namespace pp::base
