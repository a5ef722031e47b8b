// parse_diagram: size limit, preprocessing, type detection, then the grammar of the detected type.
#include "figure/mermaid/syntax/detect_type.hpp"
#include "figure/mermaid/syntax/flowchart_parser.hpp"
#include "figure/mermaid/syntax/preprocess.hpp"
#include "figure/mermaid/syntax/sequence_parser.hpp"

namespace pp::figure::mermaid {

namespace {

using namespace syntax;

void parse_body(const SourceText& text, std::size_t at, const DiagramConfig& config, IssueLog& log,
                const ParseLimits& limits, ParsedDiagram& out) {
  const std::string theme = config.theme.empty() ? "default" : config.theme;
  if (out.type == DiagramType::flowchart) {
    Flowchart chart = parse_flowchart(text, at, log, limits, config.curve);
    chart.title = config.title;
    chart.theme = theme;
    chart.theme_variables = config.theme_variables;
    out.diagram = std::move(chart);
  } else if (out.type == DiagramType::sequence) {
    SequenceDiagram seq = parse_sequence(text, at, log, limits, config.show_sequence_numbers);
    if (seq.title.empty()) seq.title = config.title;
    seq.theme = theme;
    seq.theme_variables = config.theme_variables;
    out.diagram = std::move(seq);
  }
}

}  // namespace

ParsedDiagram parse_diagram(std::string_view source, const ParseLimits& limits) {
  using namespace syntax;
  ParsedDiagram out;
  if (source.size() > limits.max_source_bytes) {
    out.errors.push_back(SyntaxIssue{
        SyntaxPos{1, 1}, "the diagram is " + std::to_string(source.size()) + " bytes, more than the limit of " +
                             std::to_string(limits.max_source_bytes) + " (--max-diagram-edges raises the limit)"});
    return out;
  }
  SourceText text(source);
  IssueLog log(text, out);
  const DiagramConfig config = preprocess(text, log);
  std::size_t at = 0;
  const std::string_view word = header_word(text.text(), at);
  if (word.empty()) {
    if (!log.has_errors()) log.error(0, "empty diagram");
    return out;
  }
  out.type_word = std::string(word);
  const auto type = type_of_word(word);
  if (!type) {
    const std::string_view fixed = case_insensitive_type(word);
    log.error(at, "unknown diagram type '" + out.type_word + "'" +
                      (fixed.empty() ? std::string()
                                     : "; diagram types are case-sensitive: write '" + std::string(fixed) + "'"));
    return out;
  }
  out.type = *type;
  parse_body(text, at, config, log, limits, out);
  return out;
}

}  // namespace pp::figure::mermaid
