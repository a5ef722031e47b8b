// postpress executable: hands the arguments to cli::run.
#include "cli/run.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return pp::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  } catch (const std::bad_alloc&) {
    std::cerr << "postpress: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "postpress: internal error: " << e.what() << '\n';
  }
  return 1;
}
