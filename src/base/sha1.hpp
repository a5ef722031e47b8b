// SHA-1, needed only for RFC 4122 name-based (version 5) UUIDs; not used for anything security-relevant.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pp::base {

std::array<std::uint8_t, 20> sha1(std::string_view data);

}  // namespace pp::base
