// cairo 1.16 deflates every PDF stream it writes (page contents, font subsets, images) at zlib's default
// level 6, and offers no setting for it. At level 1 the 300-post volume takes 10.6 s instead of 12.7 s,
// for a file 12% larger (docs/benchmarks.md).
//
// zlib's deflateInit_ is the one entry point cairo uses to start a stream, so the executable defines it:
// the dynamic linker binds cairo's call to this definition (an executable's symbols come first), and
// this starts zlib's stream through deflateInit2_ at level 1 whenever the caller asked for the default.
// The binding is process-wide: zlib's own compress() also comes here (through the PLT), and so would any
// library that starts a stream at the default level; nothing in postpress relies on level 6. An explicit
// level passes through unchanged; libpng, libzip and our PNG writer call deflateInit2_ and never come
// here. tests/e2e/pdf_samples.sh checks that the PDF's streams carry level 1's zlib header.
//
// While the PDF writer has cairo write the font subsets, such streams code Huffman only
// (media/default_deflate.hpp).
//
// It lives with the other zlib code in media/, but is compiled into the postpress executable itself
// (src/CMakeLists.txt): in a static library nothing would pull it in, and it must be the executable's
// symbol to come before zlib's.
#include "media/default_deflate.hpp"

#include <zlib.h>

extern "C" int deflateInit_(z_streamp stream, int level, const char* version, int stream_size) {
  int strategy = Z_DEFAULT_STRATEGY;
  if (level == Z_DEFAULT_COMPRESSION) {
    level = Z_BEST_SPEED;
    if (pp::media::huffman_only_streams.on()) strategy = Z_HUFFMAN_ONLY;
  }
  constexpr int default_memory_level = 8;  // zlib's DEF_MEM_LEVEL, which deflateInit_ itself would use
  return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, default_memory_level, strategy, version, stream_size);
}
