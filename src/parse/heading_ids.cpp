// Heading anchors: the same text always gives the same id, so links into a chapter survive rebuilds.
#include "parse/heading_ids.hpp"

#include "base/utf8.hpp"
#include "model/walk.hpp"

namespace pp::parse {

namespace {

bool is_dropped_punctuation(char32_t cp) {
  if (cp < 0x80) return false;
  return base::is_cjk_punctuation(cp) || (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation
         (cp >= 0x00A0 && cp <= 0x00BF) ||                                  // Latin-1 symbols
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x2190 && cp <= 0x2BFF) ||  // arrows, symbols
         (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xFE00 && cp <= 0xFE0F);  // emoji, variation selectors
}

// Capitals of the scripts headings are commonly written in: Latin-1, Latin Extended-A, Greek, Cyrillic.
char32_t lower_case(char32_t cp) {
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
      (cp >= 0x410 && cp <= 0x42F))
    return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x178) {
    // Latin Extended-A pairs capitals and smalls on alternate code points, shifted after U+0138.
    const bool shifted = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (shifted ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
  }
  return cp;
}

std::string unique(std::string id, std::set<std::string>& used) {
  if (used.insert(id).second) return id;
  for (int n = 1;; ++n) {
    std::string candidate = id + "-" + std::to_string(n);
    if (used.insert(candidate).second) return candidate;
  }
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = base::decode_utf8(text, i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
      else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if (c == ' ') out += '-';
    } else if (cp == 0x3000) {
      out += '-';  // ideographic space separates like a space
    } else if (!is_dropped_punctuation(cp)) {
      base::append_utf8(out, lower_case(cp));
    }
  }
  return out;
}

void assign_heading_ids(std::vector<model::Block>& blocks) {
  std::set<std::string> used;
  model::walk_blocks(blocks, [&](model::Block& b) {
    if (b.kind == model::BlockKind::heading) {
      std::string base = b.id.empty() ? slugify(model::plain_text(b.inlines)) : b.id;
      if (base.empty()) base = "section";
      b.id = unique(base, used);
    }
    return true;
  });
}

}  // namespace pp::parse
