#include "tartan/runtime/buffer.h"

#include <cstdio>
#include <string>

#include "tartan/runtime/cl_error.h"
#include "tartan/support/error.h"

namespace tartan::runtime {
namespace {

std::string mib(std::uint64_t bytes) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llu bytes (%.1f MiB)", static_cast<unsigned long long>(bytes),
                static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// Allocation failures may surface lazily at the first transfer, so every transfer says which
// buffer it was and how large.
std::string transfer_details(const Queue& queue, std::size_t buffer_bytes, std::size_t bytes,
                             std::size_t offset) {
  return "buffer of " + mib(buffer_bytes) + ", transfer of " + std::to_string(bytes) +
         " bytes at offset " + std::to_string(offset) + ", device " + queue.device().info.id;
}

void check_range(std::size_t size, std::size_t bytes, std::size_t offset) {
  TARTAN_CHECK(offset <= size && bytes <= size - offset,
               "transfer of " + std::to_string(bytes) + " bytes at offset " +
                   std::to_string(offset) + " exceeds buffer of " + std::to_string(size));
}

}  // namespace

Buffer::Buffer(const Context& context, std::size_t bytes, cl_mem_flags flags) : bytes_(bytes) {
  TARTAN_CHECK(bytes > 0, "zero-sized OpenCL buffer");
  cl_int status = CL_SUCCESS;
  cl_mem mem = clCreateBuffer(context.get(), flags, bytes, nullptr, &status);
  const DeviceInfo& info = context.device().info;
  cl_check(status, "clCreateBuffer", {},
           "requested " + mib(bytes) + "; device " + info.id + " allows at most " +
               mib(info.max_alloc_bytes) + " per buffer and has " + mib(info.global_mem_bytes) +
               " in total");
  handle_ = decltype(handle_)(mem);
}

Event Buffer::write(Queue& queue, const void* src, std::size_t bytes, std::size_t offset,
                    Blocking blocking) {
  check_range(bytes_, bytes, offset);
  cl_event e = nullptr;
  cl_check(clEnqueueWriteBuffer(queue.get(), get(), blocking == Blocking::kYes ? CL_TRUE : CL_FALSE,
                                offset, bytes, src, 0, nullptr, &e),
           "clEnqueueWriteBuffer", {}, transfer_details(queue, bytes_, bytes, offset));
  return Event(e);
}

Event Buffer::read(Queue& queue, void* dst, std::size_t bytes, std::size_t offset,
                   Blocking blocking) const {
  check_range(bytes_, bytes, offset);
  cl_event e = nullptr;
  cl_check(clEnqueueReadBuffer(queue.get(), get(), blocking == Blocking::kYes ? CL_TRUE : CL_FALSE,
                               offset, bytes, dst, 0, nullptr, &e),
           "clEnqueueReadBuffer", {}, transfer_details(queue, bytes_, bytes, offset));
  return Event(e);
}

Event Buffer::fill(Queue& queue, const void* pattern, std::size_t pattern_size, std::size_t bytes,
                   std::size_t offset) {
  check_range(bytes_, bytes, offset);
  TARTAN_CHECK(pattern_size > 0 && bytes % pattern_size == 0 && offset % pattern_size == 0,
               "fill range must be a multiple of the pattern size");
  cl_event e = nullptr;
  cl_check(
      clEnqueueFillBuffer(queue.get(), get(), pattern, pattern_size, offset, bytes, 0, nullptr, &e),
      "clEnqueueFillBuffer", {}, transfer_details(queue, bytes_, bytes, offset));
  return Event(e);
}

}  // namespace tartan::runtime
