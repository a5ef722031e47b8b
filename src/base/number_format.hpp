// The few printf conversions cairo's PDF writer makes per glyph, formatted with std::to_chars.
//
// cairo 1.16 writes every number in a PDF through snprintf: "%f" (or "%.*f" for small values) for each
// coordinate and glyph adjustment, "%d" for object numbers. glibc formats a double through multi-precision
// arithmetic; on the 300-post volume that was about a tenth of the run. std::to_chars gives the same
// characters (C++ defines it as printf's conversion in the "C" locale, rounded exactly) several times
// faster. The executable's __snprintf_chk (base/number_format_override.cpp) uses this for the formats it
// covers and hands every other call to glibc.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <optional>

namespace pp::base {

// Formats `format` with the arguments in `args` as vsnprintf would into `out` (at most `capacity` bytes,
// NUL-terminated when capacity > 0), and returns the length the whole result has; or nullopt, having read
// no argument and written nothing, when the format is not one this covers. Covered: a lone conversion
// "%f", "%.Nf" or "%.*f" of a finite double (precision 0-40), and "%d", "%u", "%ld", "%lu". Decimal
// points are '.' and doubles round to nearest, whatever the locale and fesetround say: callers check
// both (the override does).
std::optional<int> format_number(char* out, std::size_t capacity, const char* format, va_list args);

}  // namespace pp::base
