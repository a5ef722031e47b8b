// Size texts for the resource-limit flags and the messages that name them.
#include "base/limits.hpp"

#include "base/ascii.hpp"

#include <limits>

namespace pp::base {

namespace {

// Digits then an optional suffix worth `unit(suffix)`; nullopt on anything else, zero or overflow.
template <typename Unit>
std::optional<std::uint64_t> parse_scaled(std::string_view text, Unit unit) {
  std::uint64_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    const auto digit = static_cast<std::uint64_t>(text[i] - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (i == 0 || value == 0) return std::nullopt;
  const auto scale = unit(ascii_lower(text.substr(i)));
  if (!scale) return std::nullopt;
  if (value > std::numeric_limits<std::uint64_t>::max() / *scale) return std::nullopt;
  return value * *scale;
}

}  // namespace

std::string byte_size_text(std::uintmax_t bytes) {
  constexpr const char* units[] = {"bytes", "KiB", "MiB", "GiB"};
  int unit = 0;
  std::uintmax_t whole = bytes;
  while (unit < 3 && whole >= 1024 && whole % 1024 == 0) {
    whole /= 1024;
    ++unit;
  }
  // Sizes that are no round number of a larger unit: one decimal of the largest unit that fits.
  if (unit == 0 && bytes >= 1024) {
    double value = static_cast<double>(bytes);
    while (unit < 3 && value >= 1024) {
      value /= 1024;
      ++unit;
    }
    const auto tenths = static_cast<long long>(value * 10 + 0.5);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + units[unit];
  }
  return std::to_string(whole) + " " + units[unit];
}

std::string megapixel_text(std::uint64_t pixels) {
  const std::uint64_t tenths = (pixels + 50'000) / 100'000;
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

std::optional<std::uintmax_t> parse_byte_size(std::string_view text) {
  return parse_scaled(text, [](const std::string& suffix) -> std::optional<std::uint64_t> {
    if (suffix.empty() || suffix == "b") return 1;
    for (auto [letter, scale] : {std::pair{'k', 1ull << 10}, {'m', 1ull << 20}, {'g', 1ull << 30}})
      if (suffix == std::string(1, letter) || suffix == std::string(1, letter) + "b" ||
          suffix == std::string(1, letter) + "ib")
        return scale;
    return std::nullopt;
  });
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
  return parse_scaled(text, [](const std::string& suffix) -> std::optional<std::uint64_t> {
    if (suffix.empty()) return 1;
    if (suffix == "k") return 1'000;
    if (suffix == "m") return 1'000'000;
    return std::nullopt;
  });
}

}  // namespace pp::base
