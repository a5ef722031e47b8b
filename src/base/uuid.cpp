// UUID v5 over SHA-1 of namespace + name.
#include "base/uuid.hpp"

#include "base/sha1.hpp"

namespace pp::base {

std::string uuid_v5_url(std::string_view name) {
  // RFC 4122 appendix C: the URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static constexpr unsigned char url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                      0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  std::string input(reinterpret_cast<const char*>(url_namespace), sizeof url_namespace);
  input += name;
  auto hash = sha1(input);
  hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0F) | 0x50);
  hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3F) | 0x80);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[hash[static_cast<std::size_t>(i)] >> 4];
    out += hex[hash[static_cast<std::size_t>(i)] & 0x0F];
  }
  return out;
}

}  // namespace pp::base
