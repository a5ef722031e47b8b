// The document tree: one post as metadata plus blocks of inlines. Knows nothing of any output format.
#pragma once

#include "base/source_pos.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pp::model {

using base::SourcePos;

enum class InlineKind {
  text,           // `text` holds the characters
  emphasis,
  strong,
  strikethrough,
  code,           // `text` holds the code
  link,           // `url`, `title`; children are the link text
  image,          // `url`, `title`; children are the alt text
  soft_break,     // a source line break that reads as a space (never between CJK characters)
  hard_break,
  footnote_ref,   // `text` holds the footnote label
  superscript,
  subscript,
  keyboard,
  mark,
  underline,
  span,           // a neutral group (from <span>); renders its children
  ruby,           // children are the base text, `text` the reading (from <ruby>...<rt>...</rt>)
};

struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;
  std::string url;
  std::string title;
  std::vector<Inline> children;
  SourcePos pos;
};

enum class BlockKind {
  paragraph,            // inlines
  heading,              // level, id, inlines
  list,                 // ordered, start, tight; children are list_items
  list_item,            // task; children are blocks
  block_quote,          // children
  code_block,           // info (language), text
  diagram,              // info (diagram language, e.g. "mermaid"), text (its source); pos is the fence
  table,                // table
  thematic_break,
  footnote_definition,  // id (the label), children
  details,              // inlines (the summary), children
  division,             // children (from <div>): a neutral block group
};

enum class Align { none, left, center, right };
enum class TaskState { none, open, done };

using Inlines = std::vector<Inline>;

struct Table {
  std::vector<Align> align;               // one per column
  std::vector<Inlines> header;            // one cell per column
  std::vector<std::vector<Inlines>> rows;  // each row has as many cells as columns
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  SourcePos pos;
  Inlines inlines;
  std::vector<Block> children;
  int level = 0;
  std::string id;
  bool ordered = false;
  int start = 1;
  bool tight = true;
  TaskState task = TaskState::none;
  std::string info;
  std::string text;
  Table table;
};

// A calendar date with optional time of day, as a front-matter field gave it.
struct Date {
  int year = 1970, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
  int utc_offset_minutes = 0;
  bool has_time = false;

  std::int64_t epoch_seconds() const;
  std::string iso_date() const;  // "YYYY-MM-DD"
  friend bool operator==(const Date&, const Date&) = default;
};

struct RelatedPost {
  std::string slug;
  std::optional<double> score;
  std::map<std::string, std::string> reason;  // keyed by language as written in the front matter
};

struct Metadata {
  std::string title;  // never empty once parsed: parse_post falls back to the slug, with a warning
  std::string description;
  std::string author;
  std::string lang;  // BCP 47, normalised (en, zh-Hans, zh-Hant, ja, ko, ...)
  std::string slug;  // file stem
  std::optional<Date> pub_date;
  std::optional<Date> updated_date;
  std::string hero_image;  // as written; resolved against the post's folder by the writers
  std::vector<std::string> tags;
  bool draft = false;
  std::vector<RelatedPost> related;
  std::map<std::string, std::string> extra;         // every other field, as YAML text
  std::map<std::string, SourcePos> field_pos;       // where each top-level field starts, by canonical name
                                                    // (lang for language:, pubDate for date:)
  // Where `field` was written, or an unknown position (0:0) when it was not (a default).
  SourcePos pos_of(const std::string& field) const {
    const auto it = field_pos.find(field);
    return it == field_pos.end() ? SourcePos{} : it->second;
  }
};

struct Document {
  std::string source_name;             // the path as the user gave it, for diagnostics
  std::filesystem::path source_path;   // for resolving relative resources
  Metadata meta;
  std::vector<Block> blocks;
};

// The newest of pubDate and updatedDate, if any.
std::optional<std::int64_t> newest_date(const Metadata& meta);

// Reading text of inlines: text, code and alt text, soft breaks as spaces.
std::string plain_text(const Inlines& inlines);

// An image alone in its paragraph (spaces and line breaks aside), possibly inside a link: writers show it
// as a figure, as readers and Markdown renderers do. `link` is the enclosing link or null.
struct LoneImage {
  const Inline* image = nullptr;
  const Inline* link = nullptr;
};
std::optional<LoneImage> lone_image(const Inlines& inlines);

// A post's footnote definitions (top-level blocks) in order: note n is element n - 1.
std::vector<const Block*> footnote_definitions(const std::vector<Block>& blocks);

}  // namespace pp::model
