// SHA-1, for RFC 4122 name-based (version 5) UUIDs and content-named files; not used for anything
// security-relevant.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pp::base {

std::array<std::uint8_t, 20> sha1(std::string_view data);

// The whole digest as 40 lower-case hex digits.
std::string sha1_hex(std::string_view data);

// The first 12 hex digits of the digest: a file name stem for generated content.
std::string short_hash(std::string_view data);

}  // namespace pp::base
