// Source checks happen before any parser sees the text, so parsers only ever get valid UTF-8.
#include "parse/source_text.hpp"

#include "base/diagnostics.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace pp::parse {

namespace {

base::SourcePos pos_of_offset(std::string_view text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(offset - line_start) + 1};
}

void reject_other_encodings(const std::string& name, std::string_view bytes) {
  auto starts = [&](const char* bom, std::size_t n) { return bytes.size() >= n && std::memcmp(bytes.data(), bom, n) == 0; };
  if (starts("\xFF\xFE\x00\x00", 4) || starts("\x00\x00\xFE\xFF", 4))
    base::fail(name, {1, 1}, "file is UTF-32 encoded; postpress reads UTF-8",
               {"convert it, e.g. iconv -f UTF-32 -t UTF-8"});
  if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2))
    base::fail(name, {1, 1}, "file is UTF-16 encoded; postpress reads UTF-8",
               {"convert it, e.g. iconv -f UTF-16 -t UTF-8"});
}

// Line endings become LF so that every later position counts lines the way editors do.
std::string fold_line_endings(std::string bytes) {
  if (bytes.find('\r') == std::string::npos) return bytes;
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out += bytes[i];
    }
  }
  return out;
}

// C0 controls other than tab and line ends, and U+FFFE/U+FFFF, cannot appear in XML 1.0 documents.
int replace_controls(std::string& text, base::SourcePos& first) {
  auto bad_at = [&](std::size_t i) -> std::size_t {  // length of a bad character at i, or 0
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n') return 1;
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE)
      return 3;
    return 0;
  };
  std::size_t i = 0;
  while (i < text.size() && !bad_at(i)) ++i;
  if (i == text.size()) return 0;
  first = pos_of_offset(text, i);
  int count = 0;
  std::string out(text, 0, i);
  out.reserve(text.size() + 16);
  while (i < text.size()) {
    if (const std::size_t n = bad_at(i)) {
      out += "\uFFFD";
      ++count;
      i += n;
    } else {
      out += text[i++];
    }
  }
  text = std::move(out);
  return count;
}

bool is_fence_line(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

}  // namespace

SourceText split_source(const std::string& name, std::string bytes) {
  reject_other_encodings(name, bytes);
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.erase(0, 3);
  // Line endings first, so that every position below counts lines as an editor does (CR-only too).
  bytes = fold_line_endings(std::move(bytes));
  if (const auto nul = bytes.find('\0'); nul != std::string::npos)
    base::fail(name, pos_of_offset(bytes, nul), "file looks binary (it contains a NUL byte), not a Markdown post");
  if (const auto bad = base::find_invalid_utf8(bytes))
    base::fail(name, pos_of_offset(bytes, *bad), "invalid UTF-8 byte sequence",
               {"save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)"});

  SourceText src;
  src.text = std::move(bytes);
  src.replaced_controls = replace_controls(src.text, src.first_control);
  const std::string_view text = src.text;

  const auto first_end = text.find('\n');
  if (first_end == std::string_view::npos || !is_fence_line(text.substr(0, first_end))) {
    src.body = text;
    return src;
  }
  // Front matter: from line 2 up to the next line that is exactly "---".
  std::size_t line_start = first_end + 1;
  int line = 2;
  while (line_start <= text.size()) {
    auto line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (is_fence_line(text.substr(line_start, line_end - line_start))) {
      src.front_matter = text.substr(first_end + 1, line_start - (first_end + 1));
      src.front_matter_line = 2;
      src.body = line_end < text.size() ? text.substr(line_end + 1) : std::string_view{};
      src.body_line = line + 1;
      return src;
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
    ++line;
  }
  base::fail(name, {1, 1}, "unterminated front matter: no closing '---' line",
             {"front matter starts with a '---' line and ends with another '---' line"});
}

}  // namespace pp::parse
