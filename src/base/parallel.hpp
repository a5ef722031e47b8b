// Parallel loops on a few long-lived worker threads.
#pragma once

#include <cstddef>
#include <functional>

namespace pp::base {

// Calls fn(i) for every i in [0, n) on the caller's thread and up to `jobs` - 1 workers (jobs 0: one
// thread per core), indices handed out one at a time. Results go into per-index slots, so the outcome
// never depends on scheduling. What fn throws reaches the caller once every thread has stopped.
//
// The workers are started on first use and kept for the life of the process, each with a deep stack
// (base/deep_stack.hpp). So what a thread sets up once (its fonts, thread-local) serves every later
// loop, rather than being built again by a fresh thread per loop.
// A loop started from inside another loop's fn runs on the calling thread alone.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn);

}  // namespace pp::base
