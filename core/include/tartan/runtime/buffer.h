// A device buffer and the transfers in and out of it.
#pragma once

#include <cstddef>
#include <span>
#include <type_traits>

#include "tartan/runtime/context.h"
#include "tartan/runtime/event.h"

namespace tartan::runtime {

enum class Blocking { kNo, kYes };

class Buffer {
 public:
  // Out-of-memory and oversize requests throw OpenCLError naming the requested size.
  Buffer(const Context& context, std::size_t bytes, cl_mem_flags flags = CL_MEM_READ_WRITE);

  cl_mem get() const { return handle_.get(); }
  std::size_t size() const { return bytes_; }

  // With Blocking::kNo the host memory must stay valid until the returned event completes.
  Event write(Queue& queue, const void* src, std::size_t bytes, std::size_t offset = 0,
              Blocking blocking = Blocking::kYes);
  Event read(Queue& queue, void* dst, std::size_t bytes, std::size_t offset = 0,
             Blocking blocking = Blocking::kYes) const;
  // Repeats `pattern` (1, 2, 4, ..., 128 bytes) over [offset, offset + bytes).
  Event fill(Queue& queue, const void* pattern, std::size_t pattern_size, std::size_t bytes,
             std::size_t offset = 0);

  template <typename T>
  Event write(Queue& queue, std::span<const T> src, Blocking blocking = Blocking::kYes) {
    return write(queue, src.data(), src.size_bytes(), 0, blocking);
  }
  template <typename T>
  Event read(Queue& queue, std::span<T> dst, Blocking blocking = Blocking::kYes) const {
    return read(queue, dst.data(), dst.size_bytes(), 0, blocking);
  }
  template <typename T>
  requires std::is_trivially_copyable_v<T> Event fill(Queue& queue, const T& value) {
    return fill(queue, &value, sizeof(T), bytes_ - bytes_ % sizeof(T));
  }

 private:
  std::size_t bytes_;
  ClHandle<cl_mem, clReleaseMemObject> handle_;
};

}  // namespace tartan::runtime
