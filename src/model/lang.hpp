// Languages as BCP 47 tags, normalised to the few forms the pipeline distinguishes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pp::model {

// Normalises a tag: "zh", "zh-CN", "zh-hans" -> "zh-Hans"; "zh-TW", "zh-hant" -> "zh-Hant";
// other tags keep their subtags in canonical case ("en-us" -> "en-US"). nullopt for text that is not a tag.
std::optional<std::string> normalize_lang(std::string_view tag);

// The language named by a path segment such as content/blog/zh/post.md (en, zh, zh-hant, ja, ko).
std::optional<std::string> lang_from_path_segment(std::string_view segment);

// "en", "zh", "ja", "ko": the primary subtag, for choosing localized strings.
std::string primary_lang(std::string_view tag);

bool is_cjk_lang(std::string_view tag);

}  // namespace pp::model
