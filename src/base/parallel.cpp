#include "base/parallel.hpp"

#include "base/deep_stack.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace pp::base {

namespace {

thread_local bool inside_loop = false;  // this thread is running some loop's fn

class Workers {
 public:
  // Never destroyed: the workers stay parked on its condition variable until the process exits.
  static Workers& shared() {
    static auto* workers = new Workers();
    return *workers;
  }

  void run(std::size_t n, unsigned helpers, const std::function<void(std::size_t)>& fn) {
    std::lock_guard one_loop_at_a_time(loop_mutex_);
    std::unique_lock lock(mutex_);
    while (started_ < helpers && start_worker()) ++started_;
    fn_ = &fn;
    n_ = n;
    next_ = 0;
    helpers_ = std::min(helpers, started_);
    busy_ = helpers_;
    ++generation_;
    lock.unlock();
    wake_.notify_all();
    drain();
    lock.lock();
    done_.wait(lock, [&] { return busy_ == 0; });
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  bool start_worker() {
    auto arg = std::make_unique<WorkerArg>(WorkerArg{this, started_});
    pthread_t thread;
    if (!start_deep_stack_thread(&thread, &Workers::worker_main, arg.get())) return false;
    arg.release();  // the worker owns it now
    pthread_detach(thread);
    return true;
  }

  struct WorkerArg {
    Workers* workers;
    unsigned index;
  };

  static void* worker_main(void* p) {
    const std::unique_ptr<WorkerArg> arg(static_cast<WorkerArg*>(p));
    arg->workers->serve(arg->index);
    return nullptr;
  }

  void serve(unsigned index) {
    std::uint64_t seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return generation_ != seen; });
      seen = generation_;
      if (index >= helpers_) continue;  // a smaller loop than the pool
      lock.unlock();
      drain();
      lock.lock();
      if (--busy_ == 0) done_.notify_all();
    }
  }

  // Takes indices until none are left; run() waits for every helper to get here before the loop ends, so
  // fn_ and n_ stay valid meanwhile. What fn throws (it should not) ends the loop early and reaches the
  // caller once every thread has stopped using fn.
  void drain() {
    inside_loop = true;
    try {
      for (std::size_t i = next_++; i < n_; i = next_++) (*fn_)(i);
    } catch (...) {
      next_ = n_;
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    inside_loop = false;
  }

  std::mutex loop_mutex_;  // callers on unrelated threads take turns
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(std::size_t)>* fn_ = nullptr;
  std::size_t n_ = 0;
  std::atomic<std::size_t> next_{0};
  unsigned started_ = 0, helpers_ = 0, busy_ = 0;
  std::uint64_t generation_ = 0;
  std::exception_ptr error_;
};

}  // namespace

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
  if (jobs <= 1 || inside_loop) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  Workers::shared().run(n, jobs - 1, fn);
}

}  // namespace pp::base
