// Name-based UUIDs (RFC 4122 version 5): the same name always gives the same identifier.
#pragma once

#include <string>
#include <string_view>

namespace pp::base {

// UUID v5 in the URL namespace, formatted "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
std::string uuid_v5_url(std::string_view name);

}  // namespace pp::base
