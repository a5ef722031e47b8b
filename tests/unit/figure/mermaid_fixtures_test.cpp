// figure/mermaid syntax: every fixture in tests/fixtures/mermaid parses, with the type and counts expected.tsv gives.
#include "mermaid_test_support.hpp"
#include "../test_support.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace pp::test::mermaid;

namespace {

const std::filesystem::path fixture_dir = std::filesystem::path(PP_SOURCE_DIR) / "tests" / "fixtures" / "mermaid";

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, '\t')) out.push_back(field);
  return out;
}

std::size_t message_count(const SequenceDiagram& d) {
  std::size_t n = 0;
  for (const SequenceEvent& e : d.events) n += std::holds_alternative<Message>(e) ? 1 : 0;
  return n;
}

// Checks one expected.tsv row: file type nodes edges subgraphs participants messages error_line ('-' = n/a).
void check_row(const std::vector<std::string>& row) {
  REQUIRE(row.size() >= 8);
  INFO(row[0]);
  const ParsedDiagram d = parse_diagram(pp::test::file_bytes(fixture_dir / row[0]));
  INFO(issues_text(d.errors));
  const auto count = [](const std::string& field) { return static_cast<std::size_t>(std::stoul(field)); };
  if (row[1] == "invalid") {
    REQUIRE_FALSE(d.errors.empty());
    CHECK(d.errors.front().pos.line == std::stoi(row[7]));
    return;
  }
  CHECK(d.errors.empty());
  if (row[1] == "flowchart") {
    REQUIRE(d.type == DiagramType::flowchart);
    const Flowchart& f = std::get<Flowchart>(d.diagram);
    CHECK(f.nodes.size() == count(row[2]));
    CHECK(f.edges.size() == count(row[3]));
    CHECK(f.subgraphs.size() == count(row[4]));
  } else if (row[1] == "sequence") {
    REQUIRE(d.type == DiagramType::sequence);
    const SequenceDiagram& s = std::get<SequenceDiagram>(d.diagram);
    CHECK(s.participants.size() == count(row[5]));
    CHECK(message_count(s) == count(row[6]));
  } else {
    CHECK(row[1] == "other");
    CHECK(d.type == DiagramType::other);
  }
}

}  // namespace

TEST_CASE("mermaid: every fixture parses, the invalid ones fail and the others do not", "[mermaid][fixtures]") {
  if (!std::filesystem::is_directory(fixture_dir)) return;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixture_dir)) {
    if (entry.path().extension() != ".mmd") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    INFO(name);
    const ParsedDiagram d = parse_diagram(pp::test::file_bytes(entry.path()));
    INFO(issues_text(d.errors));
    if (name.starts_with("invalid-")) CHECK_FALSE(d.errors.empty());
    else CHECK(d.errors.empty());
  }
  CHECK(files > 0);
}

TEST_CASE("mermaid: fixtures match expected.tsv", "[mermaid][fixtures]") {
  std::ifstream tsv(fixture_dir / "expected.tsv");
  if (!tsv) return;
  std::string line;
  std::getline(tsv, line);  // header
  std::size_t rows = 0;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    check_row(split_tabs(line));
    ++rows;
  }
  CHECK(rows > 0);
}
