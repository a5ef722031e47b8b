// Dates in the forms blog front matter uses (Astro coerces them with JavaScript's Date).
#pragma once

#include "model/document.hpp"

#include <optional>
#include <string_view>

namespace pp::parse {

// Accepts "2026-03-14", "2026-03-14T09:30:00+09:00" (also with a space, "Z", fractions, "+0900"),
// "2026/03/14", "Mar 14 2026", "March 14, 2026", "14 March 2026", with an optional leading weekday.
// Returns nullopt for anything else, including impossible dates such as 2026-02-30.
std::optional<model::Date> parse_date(std::string_view text);

}  // namespace pp::parse
