// A move-only owner of one OpenCL object, released exactly once. The destructor never throws:
// a failing release during unwinding must not terminate the program, and there is nothing a
// caller could do about it anyway.
#pragma once

#include <utility>

#include "tartan/runtime/cl.h"

namespace tartan::runtime {

template <typename T, cl_int(CL_API_CALL* Release)(T)>
class ClHandle {
 public:
  ClHandle() = default;
  // Takes ownership of one reference (as returned by a clCreate* call).
  explicit ClHandle(T object) : object_(object) {}
  ~ClHandle() { reset(); }

  ClHandle(ClHandle&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  ClHandle& operator=(ClHandle&& other) noexcept {
    if (this != &other) {
      reset();
      object_ = std::exchange(other.object_, nullptr);
    }
    return *this;
  }
  ClHandle(const ClHandle&) = delete;
  ClHandle& operator=(const ClHandle&) = delete;

  T get() const { return object_; }
  explicit operator bool() const { return object_ != nullptr; }

  void reset() noexcept {
    if (object_ != nullptr) (void)Release(std::exchange(object_, nullptr));
  }

 private:
  T object_ = nullptr;
};

}  // namespace tartan::runtime
