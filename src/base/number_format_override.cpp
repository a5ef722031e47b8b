// glibc's __snprintf_chk (what snprintf becomes in code built with _FORTIFY_SOURCE, as Debian builds
// cairo), defined by the executable so that cairo's calls bind here, as media/zlib_default_level.cpp does
// for zlib. The conversions base/number_format.hpp covers are formatted there while the locale's decimal
// point is '.' and doubles round to nearest (glibc follows fesetround, std::to_chars does not); every
// other call goes on to glibc's __vsnprintf_chk, which also keeps the fortify check.
//
// Compiled into the postpress executable, the unit tests and bench/pdf_floor.cpp (src/CMakeLists.txt).
#include "base/number_format.hpp"

#include <langinfo.h>

#include <cfenv>

#include <cstdarg>
#include <cstddef>
#include <optional>

extern "C" {

[[noreturn]] void __chk_fail();
int __vsnprintf_chk(char* out, std::size_t capacity, int flag, std::size_t out_size, const char* format, va_list args);

int __snprintf_chk(char* out, std::size_t capacity, int flag, std::size_t out_size, const char* format, ...) {
  if (out_size < capacity) __chk_fail();  // the buffer is smaller than the caller claims: glibc's verdict
  va_list args;
  va_start(args, format);
  const char* radix = nl_langinfo(RADIXCHAR);
  std::optional<int> length;
  if (radix[0] == '.' && radix[1] == '\0' && std::fegetround() == FE_TONEAREST)
    length = pp::base::format_number(out, capacity, format, args);
  const int result = length ? *length : __vsnprintf_chk(out, capacity, flag, out_size, format, args);
  va_end(args);
  return result;
}

}  // extern "C"
