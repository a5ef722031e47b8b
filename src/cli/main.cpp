// postpress executable: hands the arguments to cli::run, on a thread deep enough for any document the
// limits admit (base/deep_stack.hpp).
#include "base/deep_stack.hpp"
#include "cli/run.hpp"

#include <exception>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    int status = 1;
    pp::base::run_on_deep_stack(
        [&] { status = pp::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr); });
    return status;
  } catch (const std::bad_alloc&) {
    std::cerr << "postpress: error: out of memory\n";
  } catch (const std::exception& e) {
    // Our own internal errors already say so ("internal error: ..."); a library's exception does not.
    const std::string_view what = e.what();
    std::cerr << "postpress: " << (what.starts_with("internal error: ") ? "" : "internal error: ") << what << '\n';
  }
  return 1;
}
