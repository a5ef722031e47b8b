// Reading inputs and writing outputs atomically (temp file in the same folder, then rename).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pp::base {

// The whole file, or nullopt with `why` set (e.g. "no such file", "is a directory", "permission denied").
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& why,
                                     std::uintmax_t max_bytes = UINTMAX_MAX);

// Writes bytes to a temp file beside `path`, flushes it, then renames it over `path`; on any failure the
// temp file is removed, `path` is left as it was, and the reason is returned. A symlink keeps pointing
// at the (replaced) file; a device or pipe such as /dev/null is written directly, never replaced.
std::optional<std::string> write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace pp::base
