// One OpenCL context per device and its command queue. tartan enqueues all work of a run on a
// single in-order queue (no host round trips between kernels), with profiling on by default so
// every kernel's time can be reported.
#pragma once

#include "tartan/runtime/device.h"
#include "tartan/runtime/handle.h"

namespace tartan::runtime {

class Context {
 public:
  explicit Context(Device device);

  cl_context get() const { return handle_.get(); }
  const Device& device() const { return device_; }

 private:
  Device device_;
  ClHandle<cl_context, clReleaseContext> handle_;
};

class Queue {
 public:
  // In-order; CL_QUEUE_PROFILING_ENABLE unless `profiling` is false. Without profiling,
  // launches create no events: on NVIDIA's driver that removes per-kernel timestamp work, which
  // matters at batch 1 where a network is dozens of launches of a few microseconds each.
  explicit Queue(const Context& context, bool profiling = true);

  cl_command_queue get() const { return handle_.get(); }
  const Device& device() const { return device_; }
  bool profiling() const { return profiling_; }

  void flush();
  // Blocks until all enqueued work is done; errors of earlier asynchronous work surface here.
  void finish();

 private:
  Device device_;  // a copy: contexts may move, and messages need the device id
  bool profiling_;
  ClHandle<cl_command_queue, clReleaseCommandQueue> handle_;
};

}  // namespace tartan::runtime
