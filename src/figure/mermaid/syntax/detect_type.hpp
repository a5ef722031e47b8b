// Diagram type detection from the first word after preprocessing (notes §0.6).
#pragma once

#include "figure/mermaid/diagram.hpp"

#include <string_view>

namespace pp::figure::mermaid::syntax {

// The type for a header word as written; nullopt for a word that names no Mermaid diagram type.
std::optional<DiagramType> type_of_word(std::string_view word);

// Where the header word starts (the first non-blank byte) and how long it is; word is empty for blank text.
std::string_view header_word(std::string_view text, std::size_t& at);

// A known type word spelt in another letter case ("Graph" -> "graph"), for the error message; empty if none.
std::string_view case_insensitive_type(std::string_view word);

}  // namespace pp::figure::mermaid::syntax
