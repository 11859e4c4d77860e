// The completion event of one enqueued command, with its profiling timestamps.
#pragma once

#include <cstdint>

#include "tartan/runtime/handle.h"

namespace tartan::runtime {

struct ProfilingTimes {
  std::uint64_t queued_ns = 0;
  std::uint64_t submit_ns = 0;
  std::uint64_t start_ns = 0;
  std::uint64_t end_ns = 0;
  std::uint64_t duration_ns() const { return end_ns - start_ns; }  // execution only
};

class Event {
 public:
  Event() = default;
  explicit Event(cl_event event) : handle_(event) {}  // takes ownership

  cl_event get() const { return handle_.get(); }
  explicit operator bool() const { return static_cast<bool>(handle_); }

  void wait() const;
  // Waits for completion, then reads CL_PROFILING_COMMAND_{QUEUED,SUBMIT,START,END}. The queue
  // must have profiling enabled (tartan's queues always do).
  ProfilingTimes profile() const;
  std::uint64_t duration_ns() const { return profile().duration_ns(); }

 private:
  ClHandle<cl_event, clReleaseEvent> handle_;
};

}  // namespace tartan::runtime
