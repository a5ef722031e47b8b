// base/sha1 (the digest, whole and short, as hex) and base/uuid: FIPS 180 test vectors and RFC 4122
// name-based UUIDs (checked against Python's uuid5).
#include "base/sha1.hpp"
#include "base/uuid.hpp"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("sha1 matches the FIPS 180 test vectors", "[sha1]") {
  CHECK(pp::base::sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(pp::base::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  // 56 bytes: the padding needs a second block.
  CHECK(pp::base::sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(pp::base::sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  CHECK(pp::base::short_hash("abc") == "a9993e364706");  // the digest's first 12 digits
}

TEST_CASE("uuid_v5_url gives the RFC 4122 version 5 UUID in the URL namespace", "[uuid]") {
  CHECK(pp::base::uuid_v5_url("http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e");
  CHECK(pp::base::uuid_v5_url("") == "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
  CHECK(pp::base::uuid_v5_url("https://example.com/blog/\xE4\xB8\xAD\xE6\x96\x87") ==
        "d3ab4ad4-b55e-524b-962e-8ef04e9868b0");
}

TEST_CASE("uuid_v5_url is stable and well-formed", "[uuid]") {
  const std::string a = pp::base::uuid_v5_url("urn:postpress:book:1");
  CHECK(a == pp::base::uuid_v5_url("urn:postpress:book:1"));
  CHECK(a != pp::base::uuid_v5_url("urn:postpress:book:2"));
  REQUIRE(a.size() == 36);
  for (std::size_t i : {8u, 13u, 18u, 23u}) CHECK(a[i] == '-');
  CHECK(a[14] == '5');                                                       // version
  CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));  // RFC 4122 variant
  CHECK(a.find_first_not_of("0123456789abcdef-") == std::string::npos);
}
