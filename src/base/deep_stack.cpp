// POSIX threads, because std::thread cannot be given a stack size.
#include "base/deep_stack.hpp"

#include <utility>

namespace pp::base {

bool start_deep_stack_thread(pthread_t* thread, void* (*start)(void*), void* arg) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  const bool started =
      pthread_attr_setstacksize(&attr, deep_stack_bytes) == 0 && pthread_create(thread, &attr, start, arg) == 0;
  pthread_attr_destroy(&attr);
  return started;
}

DeepStackThread::DeepStackThread(std::function<void()> fn) : fn_(std::move(fn)) {
  running_ = start_deep_stack_thread(&thread_, &DeepStackThread::start, this);
  if (!running_) start(this);
}

DeepStackThread::~DeepStackThread() {
  if (running_) pthread_join(thread_, nullptr);
}

void DeepStackThread::join() {
  if (running_) {
    pthread_join(thread_, nullptr);
    running_ = false;
  }
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void* DeepStackThread::start(void* self) {
  auto* t = static_cast<DeepStackThread*>(self);
  try {
    t->fn_();
  } catch (...) {
    t->error_ = std::current_exception();
  }
  return nullptr;
}

void run_on_deep_stack(const std::function<void()>& fn) {
  DeepStackThread thread(fn);
  thread.join();
}

}  // namespace pp::base
