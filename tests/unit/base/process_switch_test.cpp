// A process-wide switch is on exactly while some scope holds it, from any thread.
#include "base/process_switch.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <thread>

TEST_CASE("a process switch is on while any scope holds it", "[base][switch]") {
  pp::base::ProcessSwitch s;
  CHECK_FALSE(s.on());
  {
    const pp::base::ProcessSwitch::Scope outer(s);
    CHECK(s.on());
    std::optional<pp::base::ProcessSwitch::Scope> inner(std::in_place, s);
    inner.reset();
    CHECK(s.on());  // the outer scope still holds it
    bool seen_on_other_thread = false;
    std::thread([&] { seen_on_other_thread = s.on(); }).join();
    CHECK(seen_on_other_thread);
  }
  CHECK_FALSE(s.on());
}
