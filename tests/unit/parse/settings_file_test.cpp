// parse/settings_file: YAML settings flattened to dotted keys, each at its value's line and column.
#include "parse/settings_file.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using pp::base::DiagnosticSink;
using pp::base::SettingsFile;
using pp::base::SourcePos;
using pp::test::fatal_diagnostic;

namespace {

SettingsFile parse(const std::string& yaml, DiagnosticSink& sink) {
  return pp::parse::parse_settings_file("theme.yaml", yaml, sink);
}

SettingsFile parse(const std::string& yaml) {
  DiagnosticSink sink;
  auto file = parse(yaml, sink);
  CHECK(sink.diagnostics().empty());
  return file;
}

// "key=value@line:col" for each setting, in file order.
std::vector<std::string> entries(const SettingsFile& file) {
  std::vector<std::string> out;
  for (const auto& s : file.settings)
    out.push_back(s.key + "=" + s.value + "@" + std::to_string(s.pos.line) + ":" + std::to_string(s.pos.column));
  return out;
}

std::optional<pp::base::Diagnostic> failure(const std::string& yaml) {
  DiagnosticSink sink;
  return fatal_diagnostic([&] { parse(yaml, sink); });
}

}  // namespace

TEST_CASE("settings files flatten nested mappings to dotted keys at the value's position", "[settings_file]") {
  const SettingsFile file = parse(
      "page:\n"
      "  size: A5\n"
      "  margin:\n"
      "    top: 20mm\n"
      "    inner:   15mm\n"
      "text.size: 11pt\n"
      "fonts: {body: {ja: Noto Serif CJK JP}}\n");
  CHECK(file.name == "theme.yaml");
  CHECK(entries(file) == std::vector<std::string>{"page.size=A5@2:9", "page.margin.top=20mm@4:10",
                                                  "page.margin.inner=15mm@5:14", "text.size=11pt@6:12",
                                                  "fonts.body.ja=Noto Serif CJK JP@7:20"});
}

TEST_CASE("settings file values are kept as written with their quotes removed", "[settings_file]") {
  const SettingsFile file = parse(
      "a: '#1f1f1f'\n"
      "b: \"x: y\"\n"
      "c: 0010\n"
      "d: true\n"
      "e: ''\n"
      "f: Liberation Serif, Noto Serif CJK SC\n");
  CHECK(entries(file) == std::vector<std::string>{"a=#1f1f1f@1:4", "b=x: y@2:4", "c=0010@3:4", "d=true@4:4", "e=@5:4",
                                                  "f=Liberation Serif, Noto Serif CJK SC@6:4"});
}

TEST_CASE("lists and empty values in settings files are warned about and skipped", "[settings_file]") {
  DiagnosticSink sink;
  const SettingsFile file = parse(
      "a: [1, 2]\n"
      "b:\n"
      "  - x\n"
      "c:\n"
      "d: ~\n"
      "colors:\n"
      "  text: #1f1f1f\n"
      "  muted: '#6b6b6b'\n",
      sink);
  CHECK(entries(file) == std::vector<std::string>{"colors.muted=#6b6b6b@8:10"});
  const auto d = sink.diagnostics();
  REQUIRE(d.size() == 5);
  CHECK(d[0].format() == "theme.yaml:1:4: warning: setting 'a' is a list, not a single value; ignored");
  CHECK(d[1].format() == "theme.yaml:3:3: warning: setting 'b' is a list, not a single value; ignored");
  CHECK(d[2].format() == "theme.yaml:4:1: warning: setting 'c' has no value; ignored");
  CHECK(d[3].format() == "theme.yaml:5:1: warning: setting 'd' has no value; ignored");
  CHECK(d[4].pos == SourcePos{7, 3});
  CHECK(d[4].message == "setting 'colors.text' has no value; ignored");
  REQUIRE(d[4].hints.size() == 1);
  CHECK(d[4].hints[0].find("quote the value") != std::string::npos);
  CHECK(d[2].hints.empty());
}

TEST_CASE("empty settings files have no settings", "[settings_file]") {
  CHECK(parse("").settings.empty());
  CHECK(parse("# only a comment\n\n").settings.empty());
  CHECK(parse("page: {}\n").settings.empty());
}

TEST_CASE("bad YAML in a settings file is fatal at the error's line and column", "[settings_file]") {
  auto d = failure("page:\n  size: A5\n margin: 20mm\n");
  REQUIRE(d);
  CHECK(d->file == "theme.yaml");
  CHECK(d->pos.line == 3);
  CHECK(d->message.rfind("invalid YAML: ", 0) == 0);
  CHECK(d->message.back() != '.');

  d = failure("page: {size: A5\n");
  REQUIRE(d);
  CHECK(d->pos == SourcePos{2, 1});
  CHECK(d->message == "invalid YAML: end of map flow not found");
}

TEST_CASE("a settings file whose top level is not a mapping is fatal", "[settings_file]") {
  for (const std::string yaml : {"- a\n- b\n", "just text\n"}) {
    const auto d = failure(yaml);
    REQUIRE(d);
    CHECK(d->pos == SourcePos{1, 1});
    CHECK(d->message == "a settings file must be a mapping of keys to values (key: value)");
  }
}

TEST_CASE("aliases that expand beyond any real settings file are fatal", "[settings_file]") {
  std::string yaml = "a: &a {x: 1, y: 1, z: 1, w: 1, v: 1, u: 1, t: 1, s: 1, r: 1, q: 1}\n";
  for (char level = 'b'; level <= 'h'; ++level) {
    const std::string prev(1, static_cast<char>(level - 1));
    yaml += std::string(1, level) + ": &" + std::string(1, level) + " {";
    for (int i = 0; i < 10; ++i) yaml += (i ? ", k" : "k") + std::to_string(i) + ": *" + prev;
    yaml += "}\n";
  }
  const auto d = failure(yaml);
  REQUIRE(d);
  CHECK(d->message.find("settings file is too large") == 0);
}

TEST_CASE("read_settings_file reads a file and fails clearly when it cannot", "[settings_file]") {
  const auto dir = std::filesystem::temp_directory_path() / ("pp-settings-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "theme.yaml";
  std::ofstream(path) << "text:\n  size: 11pt\n";

  DiagnosticSink sink;
  const SettingsFile file = pp::parse::read_settings_file(path, sink);
  CHECK(file.name == path.string());
  CHECK(entries(file) == std::vector<std::string>{"text.size=11pt@2:9"});
  CHECK(sink.diagnostics().empty());

  auto d = fatal_diagnostic([&] { pp::parse::read_settings_file(dir / "missing.yaml", sink); });
  REQUIRE(d);
  CHECK(d->file == (dir / "missing.yaml").string());
  CHECK(d->message == "cannot read settings file: no such file or directory");

  d = fatal_diagnostic([&] { pp::parse::read_settings_file(dir, sink); });
  REQUIRE(d);
  CHECK(d->message == "cannot read settings file: is a directory");
  std::filesystem::remove_all(dir);
}
