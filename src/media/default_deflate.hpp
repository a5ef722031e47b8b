// How the executable's deflateInit_ (media/zlib_default_level.cpp) codes the streams that cairo, and
// anyone else, starts at zlib's default level.
//
// Normally at level 1. While `huffman_only_streams` is on, with Huffman codes alone and no search for
// repeats: the PDF writer holds it on while cairo writes the font subsets at the end of a PDF. A Noto CJK
// subset is charstring bytes that hardly repeat: zlib's level 1 took 78 ms for a zh post's 1.5 MB of
// subsets and saved 21%; Huffman codes alone take 20 ms and save 14% (docs/benchmarks.md). Like the
// binding itself, the scope is process-wide: any stream started at the default level meanwhile, on any
// thread, is coded so too. Nothing else postpress writes starts one (libzip, libpng, our PNG and EPUB
// deflaters name their level).
#pragma once

#include "base/process_switch.hpp"

namespace pp::media {

inline base::ProcessSwitch huffman_only_streams;

}  // namespace pp::media
