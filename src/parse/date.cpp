// Date parsing by hand: std::get_time depends on the C locale and accepts impossible dates.
#include "parse/date.hpp"

#include "base/ascii.hpp"

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace pp::parse {

namespace {

bool valid_day(int y, int m, int d) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
}

// Reads exactly n digits at s[i].
std::optional<int> digits(std::string_view s, std::size_t& i, std::size_t n) {
  if (i + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[i + k]))) return std::nullopt;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  return v;
}

// hh:mm[:ss[.fraction]][Z|+hh:mm|+hhmm|+hh] from s[i] to the end.
bool parse_time(std::string_view s, std::size_t i, model::Date& d) {
  auto hh = digits(s, i, 2);
  if (!hh || i >= s.size() || s[i++] != ':') return false;
  auto mm = digits(s, i, 2);
  if (!mm) return false;
  int ss = 0;
  if (i < s.size() && s[i] == ':') {
    ++i;
    auto sec = digits(s, i, 2);
    if (!sec) return false;
    ss = *sec;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  int offset = 0;
  if (i < s.size()) {
    if (s[i] == 'Z' || s[i] == 'z') {
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      const int sign = s[i++] == '-' ? -1 : 1;
      auto oh = digits(s, i, 2);
      if (!oh) return false;
      int om = 0;
      if (i < s.size() && s[i] == ':') ++i;
      if (i < s.size()) {
        auto m = digits(s, i, 2);
        if (!m) return false;
        om = *m;
      }
      if (*oh > 14 || om > 59) return false;
      offset = sign * (*oh * 60 + om);
    }
    if (i != s.size()) return false;
  }
  if (*hh > 23 || *mm > 59 || ss > 60) return false;
  d.hour = *hh;
  d.minute = *mm;
  d.second = ss == 60 ? 59 : ss;
  d.utc_offset_minutes = offset;
  d.has_time = true;
  return true;
}

std::optional<model::Date> parse_numeric(std::string_view s) {
  std::size_t i = 0;
  auto y = digits(s, i, 4);
  if (!y || i >= s.size() || (s[i] != '-' && s[i] != '/')) return std::nullopt;
  const char sep = s[i++];
  auto m = digits(s, i, 2);
  if (!m || i >= s.size() || s[i++] != sep) return std::nullopt;
  auto d = digits(s, i, 2);
  if (!d || !valid_day(*y, *m, *d)) return std::nullopt;
  model::Date date;
  date.year = *y;
  date.month = *m;
  date.day = *d;
  if (i == s.size()) return date;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  if (!parse_time(s, i + 1, date)) return std::nullopt;
  return date;
}

int month_from_name(const std::string& word) {
  static constexpr std::array<const char*, 12> names = {"january", "february", "march",     "april",   "may",      "june",
                                                        "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  for (std::size_t m = 0; m < names.size(); ++m)
    if (std::string(names[m]).compare(0, word.size(), word) == 0) return static_cast<int>(m) + 1;
  return 0;
}

bool is_weekday(const std::string& word) {
  static constexpr std::array<const char*, 7> names = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (word.size() < 3) return false;
  for (const char* n : names)
    if (std::string(n).compare(0, word.size(), word) == 0) return true;
  return false;
}

// "Mar 14 2026", "March 14, 2026", "14 Mar 2026", optionally "Sat, " before and "10:00[:00] [Z|+hh:mm]" after.
std::optional<model::Date> parse_words(std::string_view s) {
  struct Token {
    std::string text;  // lower case
    std::size_t at;
  };
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == ',') {
      ++i;
      continue;
    }
    Token t{"", i};
    while (i < s.size() && s[i] != ' ' && s[i] != ',') t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
    tokens.push_back(std::move(t));
  }
  if (!tokens.empty() && is_weekday(tokens.front().text) && !month_from_name(tokens.front().text))
    tokens.erase(tokens.begin());
  if (tokens.size() < 3) return std::nullopt;
  auto number = [](const std::string& t, std::size_t len_max) -> int {
    if (t.empty() || t.size() > len_max) return 0;
    for (char c : t)
      if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    return std::stoi(t);
  };
  int month = 0, day = 0, year = 0;
  if ((month = month_from_name(tokens[0].text))) {
    day = number(tokens[1].text, 2);
  } else if ((month = month_from_name(tokens[1].text))) {
    day = number(tokens[0].text, 2);
  }
  if (tokens[2].text.size() == 4) year = number(tokens[2].text, 4);
  if (!month || !day || !year || !valid_day(year, month, day)) return std::nullopt;
  model::Date date;
  date.year = year;
  date.month = month;
  date.day = day;
  if (tokens.size() > 3 && !parse_time(s, tokens[3].at, date)) return std::nullopt;
  return date;
}

}  // namespace

std::optional<model::Date> parse_date(std::string_view text) {
  text = base::trim_ascii(text);
  if (text.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(text.front()))) {
    if (auto d = parse_numeric(text)) return d;
  }
  return parse_words(text);
}

}  // namespace pp::parse
