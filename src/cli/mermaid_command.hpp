// `postpress mermaid IN.mmd -o OUT.svg|png|pdf`: one diagram alone, like mermaid-cli.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pp::cli {

// `args` are the words after "mermaid". Exit codes as for the main command.
int run_mermaid(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace pp::cli
