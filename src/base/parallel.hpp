// A minimal parallel loop: indices handed out one at a time to a few threads.
#pragma once

#include "base/deep_stack.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace pp::base {

// Calls fn(i) for every i in [0, n) on up to `jobs` threads (0: one per core), each with a deep stack like
// the caller's (base/deep_stack.hpp). fn must not throw; results go into per-index slots, so the outcome
// never depends on scheduling.
inline void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::unique_ptr<DeepStackThread>> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.push_back(std::make_unique<DeepStackThread>(worker));
  worker();
  for (auto& t : threads) t->join();
}

}  // namespace pp::base
