// Small queries over the document tree.
#include "model/document.hpp"

#include "base/civil_time.hpp"

#include <cstdio>

namespace pp::model {

std::int64_t Date::epoch_seconds() const {
  return base::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
         static_cast<std::int64_t>(utc_offset_minutes) * 60;
}

std::string Date::iso_date() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<std::int64_t> newest_date(const Metadata& meta) {
  std::optional<std::int64_t> newest;
  for (const auto* d : {&meta.pub_date, &meta.updated_date})
    if (*d && (!newest || (*d)->epoch_seconds() > *newest)) newest = (*d)->epoch_seconds();
  return newest;
}

namespace {

void append_plain(const Inlines& inlines, std::string& out) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
      case InlineKind::code: out += in.text; break;
      case InlineKind::soft_break:
      case InlineKind::hard_break: out += ' '; break;
      case InlineKind::footnote_ref: break;
      default: append_plain(in.children, out); break;
    }
  }
}

}  // namespace

std::optional<LoneImage> lone_image(const Inlines& inlines) {
  LoneImage found;
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::soft_break || (in.kind == InlineKind::text && in.text.find_first_not_of(" \t") == std::string::npos))
      continue;
    if (found.image) return std::nullopt;  // a second thing besides the image
    if (in.kind == InlineKind::image) found.image = &in;
    else if (in.kind == InlineKind::link && in.children.size() == 1 && in.children[0].kind == InlineKind::image)
      found = {&in.children[0], &in};
    else return std::nullopt;
  }
  if (!found.image) return std::nullopt;
  return found;
}

std::vector<const Block*> footnote_definitions(const std::vector<Block>& blocks) {
  std::vector<const Block*> out;
  for (const auto& b : blocks)
    if (b.kind == BlockKind::footnote_definition) out.push_back(&b);
  return out;
}

std::string plain_text(const Inlines& inlines) {
  std::string out;
  append_plain(inlines, out);
  return out;
}

}  // namespace pp::model
