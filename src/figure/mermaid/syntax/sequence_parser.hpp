// The sequence-diagram grammar (notes §2): participants, messages, notes, activations, blocks, boxes.
#pragma once

#include "figure/mermaid/syntax/source_text.hpp"

#include <string>

namespace pp::figure::mermaid::syntax {

// Parses the sequence diagram whose header word starts at `header`. `show_numbers` comes from
// sequence.showSequenceNumbers in the configuration.
SequenceDiagram parse_sequence(const SourceText& source, std::size_t header, IssueLog& log, const ParseLimits& limits,
                               bool show_numbers);

}  // namespace pp::figure::mermaid::syntax
