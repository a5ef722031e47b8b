#include "base/parallel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

// Holds each of the first `threads` calls until that many threads are inside at once (or a second has
// passed), so a loop of that many indices is certain to be spread over that many threads.
class Rendezvous {
 public:
  explicit Rendezvous(int threads) : threads_(threads) {}
  void meet() {
    arrived_++;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (arrived_ < threads_ && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
  }

 private:
  int threads_;
  std::atomic<int> arrived_{0};
};

// A number per thread, never reused (thread ids can be: a new thread may get an exited one's).
int thread_serial() {
  static std::atomic<int> threads{0};
  thread_local const int serial = ++threads;
  return serial;
}

}  // namespace

TEST_CASE("parallel_for uses at most `jobs` threads, and the caller's alone for one job", "[base][parallel]") {
  for (unsigned jobs : {1u, 2u, 3u}) {
    std::mutex mutex;
    std::set<std::thread::id> seen;
    pp::base::parallel_for(64, jobs, [&](std::size_t) {
      std::lock_guard lock(mutex);
      seen.insert(std::this_thread::get_id());
      std::this_thread::sleep_for(std::chrono::microseconds(200));  // long enough for every worker to take some
    });
    INFO("jobs " << jobs);
    CHECK(seen.size() <= jobs);
    if (jobs == 1) CHECK(seen == std::set<std::thread::id>{std::this_thread::get_id()});
  }
}

TEST_CASE("parallel_for calls fn once per index, loop after loop", "[base][parallel]") {
  for (int loop = 0; loop < 50; ++loop) {
    const std::size_t n = static_cast<std::size_t>(loop * 7 % 40);
    std::vector<std::atomic<int>> calls(n);
    pp::base::parallel_for(n, 1 + loop % 4, [&](std::size_t i) { calls[i]++; });
    for (std::size_t i = 0; i < n; ++i) REQUIRE(calls[i] == 1);
  }
}

TEST_CASE("later loops run on the same worker threads, so per-thread setup is done once", "[base][parallel]") {
  std::set<int> first, second;
  std::mutex mutex;
  for (auto* seen : {&first, &second}) {
    Rendezvous both(2);
    pp::base::parallel_for(2, 2, [&](std::size_t) {
      both.meet();
      std::lock_guard lock(mutex);
      seen->insert(thread_serial());
    });
  }
  REQUIRE(first.size() == 2);
  CHECK(first == second);
}

TEST_CASE("a loop inside a loop runs on the thread that starts it", "[base][parallel]") {
  std::atomic<int> inner_calls{0};
  std::atomic<int> foreign{0};
  pp::base::parallel_for(8, 2, [&](std::size_t) {
    const auto outer = std::this_thread::get_id();
    pp::base::parallel_for(5, 2, [&](std::size_t) {
      inner_calls++;
      if (std::this_thread::get_id() != outer) foreign++;
    });
  });
  CHECK(inner_calls == 40);
  CHECK(foreign == 0);
}

TEST_CASE("what fn throws reaches the caller after the loop has stopped", "[base][parallel]") {
  CHECK_THROWS_WITH(pp::base::parallel_for(1000, 2,
                                           [&](std::size_t i) {
                                             if (i == 3) throw std::runtime_error("index 3");
                                           }),
                    "index 3");
  // The pool is usable afterwards.
  std::atomic<int> after{0};
  pp::base::parallel_for(10, 2, [&](std::size_t) { after++; });
  CHECK(after == 10);
}
