// Label text: entity codes, <br> line breaks, quoted and markdown strings, as the Mermaid grammars hand them over.
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pp::figure::mermaid::syntax {

// The text of a named HTML entity (`quot` -> `"`), or nullopt for a name we do not know.
std::optional<std::string> named_entity(std::string_view name);

// Decodes Mermaid entity codes (`#quot;`, `#35;`, `#9829;`) and HTML entities (`&amp;`, `&#35;`, `&#x23;`),
// because Mermaid draws labels as HTML. Unknown names and invalid numbers stay as written.
std::string decode_entities(std::string_view s);

// `<br>`, `<br/>`, `<br />` in any letter case become '\n'.
std::string breaks_to_newlines(std::string_view s);

// Entities and <br>: the text of sequence-diagram messages, notes, aliases and titles.
std::string plain_text(std::string_view raw);

// The label for the raw text between a shape's brackets (or a pipe label, a link text, a subgraph title):
// "`...`" is a markdown string, "..." a quoted string (lines trimmed, quotes dropped), anything else is trimmed.
// A literal backslash-n also breaks the line outside markdown strings: blog authors write it expecting that.
Label make_label(std::string_view raw);

}  // namespace pp::figure::mermaid::syntax
