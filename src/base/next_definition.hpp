// The library's own definition of a function that the executable defines in its place (the
// *_override.cpp files): the next one in the dynamic linker's search order. A library without it is an
// internal error, reported before anything calls through a null pointer.
#pragma once

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace pp::base {

template <typename Function>
Function next_definition(const char* name) {
  void* found = dlsym(RTLD_NEXT, name);
  if (found == nullptr) {
    std::fprintf(stderr, "postpress: internal error: no library defines %s\n", name);
    std::abort();
  }
  return reinterpret_cast<Function>(found);
}

}  // namespace pp::base
