// Only a few things in cairo's output are read: the last startxref, the cross-reference sections it leads to
// (with their trailers), the catalog dictionary, the page tree and pages when links or the page order ask
// for them, and the dictionaries of image placeholders, found by their markers. The rest of the file is
// copied without being looked at.
#include "pdf/pdf_finish.hpp"

#include "base/civil_time.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace pp::pdf {

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("internal error: " + what); }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) { return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

std::optional<std::int64_t> to_integer(std::string_view s) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

using Entries = std::vector<std::pair<std::string, std::string>>;  // key with its slash, raw value text

// Just enough of PDF's object syntax (ISO 32000-1 7.3) to split a dictionary into keys and raw values and
// to step over objects it does not need to understand.
class Lexer {
 public:
  Lexer(std::string_view text, std::size_t at) : text_(text), at_(at) {
    if (at_ > text_.size()) fail("offset " + std::to_string(at) + " is past the end of the PDF");
  }

  std::size_t at() const { return at_; }

  void skip_space() {
    while (at_ < text_.size()) {
      if (is_space(text_[at_])) {
        ++at_;
      } else if (text_[at_] == '%') {
        while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
      } else {
        break;
      }
    }
  }

  // A run of regular characters (number, keyword), or "" when the next thing is a delimiter or the end.
  std::string_view token() {
    skip_space();
    const std::size_t start = at_;
    while (at_ < text_.size() && is_regular(text_[at_])) ++at_;
    return text_.substr(start, at_ - start);
  }

  std::int64_t integer(const char* what) {
    const std::string_view t = token();
    const auto value = to_integer(t);
    if (!value) fail(std::string("expected ") + what + ", found \"" + std::string(t.substr(0, 20)) + "\"");
    return *value;
  }

  void expect(std::string_view keyword, const char* where) {
    if (token() != keyword) fail("no \"" + std::string(keyword) + "\" " + where);
  }

  Entries dictionary() {
    skip_space();
    if (text_.substr(at_, 2) != "<<") fail("expected a dictionary");
    at_ += 2;
    Entries entries;
    while (true) {
      skip_space();
      if (text_.substr(at_, 2) == ">>") {
        at_ += 2;
        return entries;
      }
      if (at_ >= text_.size() || text_[at_] != '/') fail("expected a name as a dictionary key");
      std::string key(object(1));
      entries.emplace_back(std::move(key), std::string(object(1)));
    }
  }

  // The raw text of one object, an indirect reference ("12 0 R") counting as one.
  std::string_view object(int depth = 0) {
    if (depth > 64) fail("objects nested too deeply");
    skip_space();
    const std::size_t start = at_;
    if (at_ >= text_.size()) fail("the PDF ends inside an object");
    const char c = text_[at_];
    if (text_.substr(at_, 2) == "<<") {
      at_ += 2;
      while (true) {
        skip_space();
        if (text_.substr(at_, 2) == ">>") break;
        object(depth + 1);  // key and value alike
      }
      at_ += 2;
    } else if (c == '<') {
      const std::size_t end = text_.find('>', at_);
      if (end == std::string_view::npos) fail("unterminated hex string");
      at_ = end + 1;
    } else if (c == '[') {
      ++at_;
      while (true) {
        skip_space();
        if (at_ < text_.size() && text_[at_] == ']') break;
        object(depth + 1);
      }
      ++at_;
    } else if (c == '(') {
      int open = 0;
      for (; at_ < text_.size(); ++at_) {
        if (text_[at_] == '\\') ++at_;
        else if (text_[at_] == '(') ++open;
        else if (text_[at_] == ')' && --open == 0) break;
      }
      if (at_ >= text_.size()) fail("unterminated literal string");
      ++at_;
    } else if (c == '/') {
      ++at_;
      while (at_ < text_.size() && is_regular(text_[at_])) ++at_;
    } else if (is_regular(c)) {
      const std::string_view first = token();
      const std::size_t after_first = at_;
      if (to_integer(first) && to_integer(token()) && token() == "R") return text_.substr(start, at_ - start);
      at_ = after_first;
    } else {
      fail(std::string("unexpected '") + c + "'");
    }
    return text_.substr(start, at_ - start);
  }

 private:
  std::string_view text_;
  std::size_t at_;
};

struct Reference {
  std::int64_t number = 0, generation = 0;
  bool operator==(const Reference&) const = default;
};

Reference to_reference(std::string_view raw, const char* what) {
  Lexer lexer(raw, 0);
  Reference r;
  r.number = lexer.integer(what);
  r.generation = lexer.integer(what);
  lexer.expect("R", what);
  return r;
}

const std::string* find(const Entries& entries, std::string_view key) {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

struct XrefEntry {
  std::int64_t offset = 0, generation = 0;
  bool in_use = false;
};

struct Original {
  std::int64_t startxref = 0;
  Entries trailer;                            // of the newest section
  std::map<std::int64_t, XrefEntry> objects;  // newest section wins
};

std::int64_t last_startxref(std::string_view pdf) {
  const std::size_t at = pdf.rfind("startxref");
  if (at == std::string_view::npos) fail("no startxref in cairo's PDF");
  Lexer lexer(pdf, at + 9);
  return lexer.integer("the startxref offset");
}

// Follows /Prev back through every classic cross-reference section.
Original read_original(std::string_view pdf) {
  Original original;
  original.startxref = last_startxref(pdf);
  std::set<std::int64_t> seen;
  std::optional<std::int64_t> section = original.startxref;
  bool newest = true;
  while (section) {
    if (*section < 0 || !seen.insert(*section).second || seen.size() > 1000) fail("cross-reference sections loop");
    Lexer lexer(pdf, static_cast<std::size_t>(*section));
    if (lexer.token() != "xref") fail("no classic cross-reference table at offset " + std::to_string(*section));
    while (true) {
      const std::string_view t = lexer.token();
      if (t == "trailer") break;
      const auto first = to_integer(t);
      if (!first) fail("no trailer after the cross-reference table");
      const std::int64_t count = lexer.integer("an entry count");
      for (std::int64_t i = 0; i < count; ++i) {
        XrefEntry entry;
        entry.offset = lexer.integer("an object offset");
        entry.generation = lexer.integer("a generation number");
        const std::string_view type = lexer.token();
        if (type != "n" && type != "f") fail("bad cross-reference entry type");
        entry.in_use = type == "n";
        original.objects.try_emplace(*first + i, entry);
      }
    }
    Entries trailer = lexer.dictionary();
    section.reset();
    if (const std::string* prev = find(trailer, "/Prev")) {
      section = to_integer(*prev);
      if (!section) fail("bad /Prev in a trailer");
    }
    if (newest) original.trailer = std::move(trailer);
    newest = false;
  }
  return original;
}

// A lexer standing just after "N G obj" of `ref`, found through the cross-reference table.
Lexer object_at(std::string_view pdf, const Original& original, Reference ref, const std::string& what) {
  const auto entry = original.objects.find(ref.number);
  if (entry == original.objects.end() || !entry->second.in_use || entry->second.generation != ref.generation ||
      entry->second.offset < 0)
    fail(what + " " + std::to_string(ref.number) + " is not in the cross-reference table");
  Lexer lexer(pdf, static_cast<std::size_t>(entry->second.offset));
  if (to_integer(lexer.token()) != ref.number || to_integer(lexer.token()) != ref.generation || lexer.token() != "obj")
    fail(what + " " + std::to_string(ref.number) + " is not where the cross-reference table says");
  return lexer;
}

Entries read_dictionary_object(std::string_view pdf, const Original& original, Reference ref,
                               const std::string& what = "object") {
  return object_at(pdf, original, ref, what).dictionary();
}

std::string read_raw_object(std::string_view pdf, const Original& original, Reference ref) {
  return std::string(object_at(pdf, original, ref, "object").object());
}

// The references inside an array's raw text ("[ 4 0 R 9 0 R ]").
std::vector<Reference> references_in(std::string_view array) {
  const std::size_t open = array.find('['), close = array.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) fail("expected an array");
  std::vector<Reference> out;
  Lexer lexer(array.substr(0, close), open + 1);
  while (true) {
    const std::string_view t = lexer.token();
    if (t.empty()) break;
    const auto number = to_integer(t);
    if (!number) fail("expected a reference in an array");
    Reference r{*number, lexer.integer("a generation number")};
    lexer.expect("R", "an array of references");
    out.push_back(r);
  }
  return out;
}

// Page objects in order, through the page tree from /Pages.
void collect_pages(std::string_view pdf, const Original& original, Reference node, std::vector<Reference>& pages, int depth) {
  if (depth > 32) fail("the page tree is too deep");
  const Entries dict = read_dictionary_object(pdf, original, node);
  const std::string* type = find(dict, "/Type");
  if (type && *type == "/Page") {
    pages.push_back(node);
    return;
  }
  const std::string* kids = find(dict, "/Kids");
  if (!kids) fail("a page tree node without /Kids");
  for (const Reference& kid : references_in(*kids)) collect_pages(pdf, original, kid, pages, depth + 1);
}

// ---- writing ----

// URIs are 7-bit ASCII (ISO 32000-1 12.6.4.7): other bytes are percent-encoded, and the string's
// delimiters escaped.
std::string uri_string(std::string_view uri) {
  std::string out = "(";
  for (unsigned char c : uri) {
    if (c < 0x21 || c > 0x7E) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out + ")";
}

// PDF text strings (ISO 32000-1 7.9.2.2): plain ASCII stays readable as a literal string; anything else
// goes as UTF-16BE with a byte order mark, the one encoding every reader takes for CJK titles.
std::string text_string(std::string_view utf8) {
  const bool printable = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
  std::string out;
  if (printable) {
    out += '(';
    for (const char c : utf8) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    out += ')';
    return out;
  }
  static constexpr char hex[] = "0123456789ABCDEF";
  const auto unit = [&out](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[u >> shift & 15];
  };
  out = "<FEFF";
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = base::decode_utf8(utf8, i);
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  out += '>';
  return out;
}

std::optional<std::string> pdf_date(std::int64_t epoch_seconds) {
  if (epoch_seconds <= 0) return std::nullopt;
  const base::CivilTime t = base::civil_from_epoch(epoch_seconds);
  if (t.year > 9999) return std::nullopt;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "(D:%04d%02d%02d%02d%02d%02dZ)", t.year, t.month, t.day, t.hour, t.minute,
                t.second);
  return buffer;
}

// The number tree's keys must be unique and ascending, and page 0 must have one (ISO 32000-1 12.4.2).
std::string page_labels(std::vector<PageLabelRange> given) {
  for (const PageLabelRange& r : given)
    if (r.first_page_index < 0 || r.start < 1) fail("bad page label range");
  std::stable_sort(given.begin(), given.end(), [](const PageLabelRange& a, const PageLabelRange& b) {
    return a.first_page_index < b.first_page_index;
  });
  // Of two ranges starting on one page the later wins: "roman from 0, decimal from the first chapter" stays
  // right when there are no front pages and the chapter is page 0.
  std::vector<PageLabelRange> labels;
  for (const PageLabelRange& r : given) {
    if (!labels.empty() && labels.back().first_page_index == r.first_page_index) labels.back() = r;
    else labels.push_back(r);
  }
  if (labels.front().first_page_index != 0) labels.insert(labels.begin(), PageLabelRange{});
  std::string out = "<< /Nums [";
  for (const PageLabelRange& r : labels) {
    out += ' ' + std::to_string(r.first_page_index) + " <<";
    if (r.style == PageLabelRange::Style::roman_lower) out += " /S /r";
    if (r.style == PageLabelRange::Style::decimal) out += " /S /D";
    if (r.style != PageLabelRange::Style::none && r.start != 1) out += " /St " + std::to_string(r.start);
    out += " >>";
  }
  out += " ] >>";
  return out;
}

void set(Entries& entries, const std::string& key, std::string value) {
  for (auto& [k, v] : entries)
    if (k == key) {
      v = std::move(value);
      return;
    }
  entries.emplace_back(key, std::move(value));
}

// Merges into an inline dictionary cairo may have written; a reference is replaced, as cairo never writes one.
std::string viewer_preferences(const std::string* existing) {
  Entries entries;
  if (existing && existing->rfind("<<", 0) == 0) entries = Lexer(*existing, 0).dictionary();
  set(entries, "/DisplayDocTitle", "true");
  std::string out = "<<";
  for (const auto& [k, v] : entries) out += ' ' + k + ' ' + v;
  return out + " >>";
}

// Appends an indirect object: the dictionary, and the stream after it when there is one (written straight
// into `out`: an image's stream can be megabytes).
void append_object(std::string& out, std::int64_t number, std::int64_t generation, const Entries& entries,
                   std::optional<std::string_view> stream = std::nullopt) {
  out += std::to_string(number) + ' ' + std::to_string(generation) + " obj\n<<";
  for (std::size_t i = 0; i < entries.size(); ++i)
    out += (i == 0 ? " " : "   ") + entries[i].first + ' ' + entries[i].second + '\n';
  if (entries.empty()) out += ' ';
  out += ">>\n";
  if (stream) {
    out += "stream\n";
    out += *stream;
    out += "\nendstream\n";
  }
  out += "endobj\n";
}

// Each entry is exactly 20 bytes, as ISO 32000-1 7.5.4 requires: "nnnnnnnnnn ggggg n" and a two-byte end of line.
std::string xref_section(const std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>>& objects) {
  std::string out = "xref\n";
  for (auto it = objects.begin(); it != objects.end();) {
    auto run_end = std::next(it);
    while (run_end != objects.end() && run_end->first == std::prev(run_end)->first + 1) ++run_end;
    out += std::to_string(it->first) + ' ' + std::to_string(std::distance(it, run_end)) + '\n';
    for (; it != run_end; ++it) {
      char entry[32];
      std::snprintf(entry, sizeof entry, "%010lld %05lld n \n", static_cast<long long>(it->second.first),
                    static_cast<long long>(it->second.second));
      out += entry;
    }
  }
  return out;
}

// The image XObjects cairo wrote as placeholders (pdf/page_image.hpp), by object number, each with its
// generation, the dictionary and the stream it is written again with: one scan of cairo's bytes for the
// markers' prefix.
struct ImageReplacement {
  std::int64_t generation = 0;
  Entries dict;
  const ImageStream* image;
};

std::map<std::int64_t, ImageReplacement> image_replacements(std::string_view cairo_bytes, const Original& original,
                                                            const std::vector<std::shared_ptr<const ImageStream>>& images) {
  std::map<std::int64_t, ImageReplacement> replacements;
  if (images.empty()) return replacements;
  std::map<std::string_view, const ImageStream*> by_marker;
  for (const auto& image : images) {
    if (!image->marker.starts_with(placeholder_marker_prefix)) fail("an image marker without the placeholder prefix");
    by_marker.emplace(image->marker, image.get());
  }
  // Each marker lies in the object that starts last before it; the objects' starts are sorted once a
  // marker of ours turns up.
  std::vector<std::pair<std::int64_t, std::int64_t>> starts;  // offset, object number
  const auto marker_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; };
  for (std::size_t at = cairo_bytes.find(placeholder_marker_prefix); at != std::string_view::npos;
       at = cairo_bytes.find(placeholder_marker_prefix, at + 1)) {
    std::size_t end = at + placeholder_marker_prefix.size();
    while (end < cairo_bytes.size() && marker_char(cairo_bytes[end])) ++end;
    const auto known = by_marker.find(cairo_bytes.substr(at, end - at));
    if (known == by_marker.end()) continue;  // not one of ours: text that happens to start so
    const ImageStream& image = *known->second;
    if (starts.empty()) {
      for (const auto& [number, entry] : original.objects)
        if (entry.in_use) starts.emplace_back(entry.offset, number);
      std::sort(starts.begin(), starts.end());
    }
    const auto after = std::upper_bound(starts.begin(), starts.end(),
                                        std::pair{static_cast<std::int64_t>(at), std::numeric_limits<std::int64_t>::max()});
    if (after == starts.begin()) continue;
    const std::int64_t number = std::prev(after)->second;
    if (replacements.contains(number)) continue;
    const std::int64_t generation = original.objects.at(number).generation;
    Lexer lexer = object_at(cairo_bytes, original, {number, generation}, "the image placeholder");
    Entries dict = lexer.dictionary();
    const std::string* subtype = find(dict, "/Subtype");
    if (!subtype || *subtype != "/Image" || lexer.token() != "stream") continue;  // a heading, say
    std::size_t data = lexer.at();
    data += cairo_bytes.substr(data, 2) == "\r\n" ? 2 : cairo_bytes.substr(data, 1) == "\n" ? 1 : 0;
    // Only the placeholder itself, whole: a JPEG of the author's own may carry the marker in a comment.
    const std::string_view rest = cairo_bytes.substr(data);
    if (!rest.starts_with(image.placeholder)) continue;
    const std::string_view tail = rest.substr(image.placeholder.size());
    if (!tail.starts_with("\nendstream") && !tail.starts_with("\r\nendstream") && !tail.starts_with("endstream")) continue;
    std::erase_if(dict, [](const auto& e) { return e.first == "/Filter" || e.first == "/DecodeParms" || e.first == "/Length"; });
    for (const auto& [key, value] : image.entries) set(dict, key, value);
    set(dict, "/Length", std::to_string(image.data.size()));
    replacements.emplace(number, ImageReplacement{generation, std::move(dict), &image});
  }
  return replacements;
}

}  // namespace

std::string finish_pdf(std::string cairo_pdf, const PdfFinish& finish) {
  if (cairo_pdf.rfind("%PDF-", 0) != 0) fail("cairo's output does not start with %PDF-");
  const Original original = read_original(cairo_pdf);
  if (find(original.trailer, "/Encrypt")) fail("cairo's PDF is encrypted");
  const std::string* root_value = find(original.trailer, "/Root");
  if (!root_value) fail("no /Root in the trailer");
  const Reference root = to_reference(*root_value, "a /Root reference");
  const std::string* size_value = find(original.trailer, "/Size");
  const std::optional<std::int64_t> size = size_value ? to_integer(*size_value) : std::nullopt;
  if (!size || *size <= root.number) fail("no usable /Size in the trailer");

  Entries catalog = read_dictionary_object(cairo_pdf, original, root, "the /Root object");
  if (!finish.lang.empty()) set(catalog, "/Lang", text_string(finish.lang));
  if (!finish.labels.empty()) set(catalog, "/PageLabels", page_labels(finish.labels));
  if (finish.display_doc_title)
    set(catalog, "/ViewerPreferences", viewer_preferences(find(catalog, "/ViewerPreferences")));

  Entries info;
  const std::pair<const char*, const std::string*> fields[] = {
      {"/Title", &finish.title},       {"/Author", &finish.author},   {"/Subject", &finish.subject},
      {"/Keywords", &finish.keywords}, {"/Creator", &finish.creator}, {"/Producer", &finish.producer}};
  for (const auto& [key, value] : fields)
    if (!value->empty()) info.emplace_back(key, text_string(*value));
  if (const auto date = pdf_date(finish.created)) {
    info.emplace_back("/CreationDate", *date);
    info.emplace_back("/ModDate", *date);
  }

  // Found before anything is appended.
  const auto replacements = image_replacements(cairo_pdf, original, finish.image_streams);

  std::string& pdf = cairo_pdf;
  std::size_t image_bytes = 0;
  for (const auto& [number, r] : replacements) image_bytes += r.image->data.size() + 1024;  // and its dictionary
  pdf.reserve(pdf.size() + image_bytes + 65536);  // the images' data at once, not by doubling the PDF
  if (pdf.back() != '\n' && pdf.back() != '\r') pdf += '\n';
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> written;  // number -> offset, generation
  written[root.number] = {static_cast<std::int64_t>(pdf.size()), root.generation};
  append_object(pdf, root.number, root.generation, catalog);
  const std::int64_t info_number = *size;
  written[info_number] = {static_cast<std::int64_t>(pdf.size()), 0};
  append_object(pdf, info_number, 0, info);

  for (const auto& [number, r] : replacements) {
    written[number] = {static_cast<std::int64_t>(pdf.size()), r.generation};
    append_object(pdf, number, r.generation, r.dict, r.image->data);
  }

  std::int64_t next_number = info_number + 1;
  const std::string* pages_value = find(catalog, "/Pages");
  if (!pages_value) fail("no /Pages in the catalog");
  const Reference pages_root = to_reference(*pages_value, "a /Pages reference");
  std::vector<Reference> pages;  // in cairo's order, which every index in `finish` uses
  if (!finish.links.empty() || !finish.page_order.empty()) collect_pages(cairo_pdf, original, pages_root, pages, 0);
  if (!finish.page_order.empty()) {
    // Cairo writes one flat page tree; every page keeps it as /Parent, so only its /Kids change.
    Entries tree = read_dictionary_object(cairo_pdf, original, pages_root, "the page tree");
    const std::string* old_kids = find(tree, "/Kids");
    if (!old_kids || references_in(*old_kids) != pages) fail("the page tree is not flat");
    if (finish.page_order.size() != pages.size())
      fail("the page order has " + std::to_string(finish.page_order.size()) + " pages, cairo wrote " + std::to_string(pages.size()));
    std::vector<int> order = finish.page_order;
    std::sort(order.begin(), order.end());
    for (std::size_t k = 0; k < order.size(); ++k)
      if (order[k] != static_cast<int>(k)) fail("the page order is not a permutation of the pages");
    std::string kids = "[";
    for (const int index : finish.page_order) {
      const Reference& page = pages[static_cast<std::size_t>(index)];
      kids += ' ' + std::to_string(page.number) + ' ' + std::to_string(page.generation) + " R";
    }
    set(tree, "/Kids", kids + " ]");
    written[pages_root.number] = {static_cast<std::int64_t>(pdf.size()), pages_root.generation};
    append_object(pdf, pages_root.number, pages_root.generation, tree);
  }
  if (!finish.links.empty()) {
    std::map<int, std::vector<const LinkAnnotation*>> by_page;
    for (const auto& link : finish.links)
      if (link.page_index >= 0 && static_cast<std::size_t>(link.page_index) < pages.size() &&
          (!link.uri.empty() || (link.target_page_index >= 0 && static_cast<std::size_t>(link.target_page_index) < pages.size())))
        by_page[link.page_index].push_back(&link);
    auto num = [](double v) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", v);
      return std::string(buf);
    };
    for (const auto& [page_index, links] : by_page) {
      const Reference page = pages[static_cast<std::size_t>(page_index)];
      Entries dict = read_dictionary_object(cairo_pdf, original, page);
      std::string annots = "[";
      if (const std::string* existing = find(dict, "/Annots")) {
        const std::string raw = existing->front() == '[' ? *existing
                                                         : read_raw_object(cairo_pdf, original, to_reference(*existing, "an /Annots reference"));
        for (const Reference& r : references_in(raw)) annots += ' ' + std::to_string(r.number) + ' ' + std::to_string(r.generation) + " R";
      }
      for (const LinkAnnotation* link : links) {
        const double h = finish.page_height;
        Entries annot{{"/Type", "/Annot"},
                      {"/Subtype", "/Link"},
                      {"/Rect", "[" + num(link->x) + ' ' + num(h - link->y - link->height) + ' ' + num(link->x + link->width) + ' ' +
                                    num(h - link->y) + "]"},
                      {"/Border", "[0 0 0]"}};
        if (!link->uri.empty()) {
          annot.emplace_back("/A", "<< /Type /Action /S /URI /URI " + uri_string(link->uri) + " >>");
        } else {
          const Reference target = pages[static_cast<std::size_t>(link->target_page_index)];
          annot.emplace_back("/Dest", "[" + std::to_string(target.number) + ' ' + std::to_string(target.generation) +
                                          " R /XYZ null " + num(h - link->target_y) + " null]");
        }
        written[next_number] = {static_cast<std::int64_t>(pdf.size()), 0};
        append_object(pdf, next_number, 0, annot);
        annots += ' ' + std::to_string(next_number) + " 0 R";
        ++next_number;
      }
      set(dict, "/Annots", annots + " ]");
      written[page.number] = {static_cast<std::int64_t>(pdf.size()), page.generation};
      append_object(pdf, page.number, page.generation, dict);
    }
  }

  const auto xref_offset = pdf.size();
  pdf += xref_section(written);
  pdf += "trailer\n<< /Size " + std::to_string(next_number) + "\n   /Root " + *root_value + "\n   /Info " +
         std::to_string(info_number) + " 0 R\n   /Prev " + std::to_string(original.startxref) + '\n';
  // The file identifier must stay the same across incremental updates (ISO 32000-1 14.4).
  if (const std::string* id = find(original.trailer, "/ID")) pdf += "   /ID " + *id + '\n';
  pdf += ">>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return cairo_pdf;
}

}  // namespace pp::pdf
