// Threads with room for deep documents. The tree's passes (parsing, both writers) recurse once per level
// of nesting, and a level of lists-in-quotes costs about 6 KB of stack (10 times that under
// AddressSanitizer): 1,000 levels, the most --max-nesting allows, would overflow the 8 MB a thread
// normally gets. Every thread that walks documents is started here instead, with a stack that is reserved,
// not committed: pages are only touched as deep as a document goes.
#pragma once

#include <pthread.h>

#include <cstddef>
#include <exception>
#include <functional>

namespace pp::base {

inline constexpr std::size_t deep_stack_bytes = std::size_t{512} << 20;

// A joinable thread running `fn` on a deep_stack_bytes stack. If the system cannot make one, `fn` runs
// in the constructor, on the caller's thread, so work is never lost.
class DeepStackThread {
 public:
  explicit DeepStackThread(std::function<void()> fn);
  ~DeepStackThread();  // joins
  DeepStackThread(const DeepStackThread&) = delete;
  DeepStackThread& operator=(const DeepStackThread&) = delete;

  // Waits for the thread; rethrows what `fn` threw.
  void join();

 private:
  static void* start(void* self);
  std::function<void()> fn_;
  std::exception_ptr error_;
  pthread_t thread_{};
  bool running_ = false;
};

// Runs `fn` on a deep stack and waits for it; what it throws is rethrown here.
void run_on_deep_stack(const std::function<void()>& fn);

// Starts `start(arg)` on a new thread with a deep_stack_bytes stack; false (and no thread) if the system
// cannot make one. The one place threads get their stacks: DeepStackThread and parallel_for's workers.
bool start_deep_stack_thread(pthread_t* thread, void* (*start)(void*), void* arg);

}  // namespace pp::base
