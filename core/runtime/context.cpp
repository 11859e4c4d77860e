#include "tartan/runtime/context.h"

#include "tartan/runtime/cl_error.h"

namespace tartan::runtime {

Context::Context(Device device) : device_(std::move(device)) {
  const cl_context_properties props[] = {
      CL_CONTEXT_PLATFORM, reinterpret_cast<cl_context_properties>(device_.platform), 0};
  cl_int status = CL_SUCCESS;
  cl_context ctx = clCreateContext(props, 1, &device_.device, nullptr, nullptr, &status);
  cl_check(status, "clCreateContext", {}, "device: " + device_.info.id);
  handle_ = decltype(handle_)(ctx);
}

Queue::Queue(const Context& context, bool profiling)
    : device_(context.device()), profiling_(profiling) {
  cl_int status = CL_SUCCESS;
  // clCreateCommandQueue is the 1.2 entry point; 2.0's WithProperties variant would exclude
  // 1.2-only platforms (and NVIDIA's ICD only gained it late).
  cl_command_queue q = clCreateCommandQueue(context.get(), device_.device,
                                            profiling ? CL_QUEUE_PROFILING_ENABLE : 0, &status);
  cl_check(status, "clCreateCommandQueue", {}, "device: " + device_.info.id);
  handle_ = decltype(handle_)(q);
}

void Queue::flush() { TARTAN_CL_CALL(clFlush, get()); }

void Queue::finish() { TARTAN_CL_CALL(clFinish, get()); }

}  // namespace tartan::runtime
