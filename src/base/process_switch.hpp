// A process-wide switch, on while any scope holds it: how code that holds no handle on a library's call
// (an entry point the executable defines in place of a library's, such as media/zlib_default_level.cpp)
// learns what the caller is doing at the moment.
#pragma once

#include <atomic>

namespace pp::base {

class ProcessSwitch {
 public:
  // Holds the switch on for its lifetime; scopes nest and may overlap across threads.
  class Scope {
   public:
    explicit Scope(ProcessSwitch& s) : switch_(s) { ++switch_.holders_; }
    ~Scope() { --switch_.holders_; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ProcessSwitch& switch_;
  };

  bool on() const { return holders_ > 0; }

 private:
  std::atomic<int> holders_{0};
};

}  // namespace pp::base
