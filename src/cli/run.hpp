// The command line's entry point: runs a job and turns its diagnostics into output and an exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pp::cli {

// Exit codes: 0 done, 1 input errors, 2 usage errors.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace pp::cli
