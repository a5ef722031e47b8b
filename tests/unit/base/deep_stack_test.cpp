#include "base/deep_stack.hpp"
#include "base/parallel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

namespace {

// About 4 KB of stack a level, in a way no optimiser can fold into a loop.
int descend(int levels) {
  volatile char frame[4096];
  frame[levels % 4096] = static_cast<char>(levels);
  if (levels == 0) return frame[0];
  return descend(levels - 1) + frame[levels % 4096] - static_cast<char>(levels) + 1;
}

}  // namespace

TEST_CASE("work on a deep stack may recurse far past a normal thread's 8 MB", "[base][deep_stack]") {
  int result = 0;
  pp::base::run_on_deep_stack([&] { result = descend(20'000); });  // about 80 MB
  CHECK(result == 20'000);
}

TEST_CASE("what deep-stack work throws reaches the caller", "[base][deep_stack]") {
  CHECK_THROWS_WITH(pp::base::run_on_deep_stack([] { throw std::runtime_error("from the thread"); }), "from the thread");
}

TEST_CASE("parallel_for's workers have deep stacks too", "[base][deep_stack]") {
  std::atomic<int> total{0};
  pp::base::run_on_deep_stack([&] {
    pp::base::parallel_for(4, 4, [&](std::size_t) { total += descend(10'000) == 10'000 ? 1 : 0; });
  });
  CHECK(total == 4);
}
