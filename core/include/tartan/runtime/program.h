// OpenCL programs (built for one device with explicit options) and kernels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/event.h"
#include "tartan/runtime/handle.h"

namespace tartan::runtime {

class Program {
 public:
  // Compiles OpenCL C. A failure throws OpenCLError carrying the build log, the options and the
  // path where the source was saved for inspection. `name` labels messages and the saved file.
  static Program from_source(const Context& context, std::string_view source,
                             const std::string& options, std::string_view name);
  // Loads a binary previously returned by binary() for the same device and driver. Throws
  // OpenCLError if the driver rejects it (the caller then rebuilds from source).
  static Program from_binary(const Context& context, std::string_view binary,
                             const std::string& options, std::string_view name);

  cl_program get() const { return handle_.get(); }
  const std::string& name() const { return name_; }
  // The device binary (CL_PROGRAM_BINARIES); empty if the driver provides none.
  std::string binary() const;
  std::string build_log() const;

 private:
  Program(const Context& context, cl_program program, std::string name);

  cl_device_id device_id_;
  ClHandle<cl_program, clReleaseProgram> handle_;
  std::string name_;
};

// Process-wide number of clBuildProgram calls on programs created from source: lets tests prove
// that a warm binary cache compiles nothing.
std::uint64_t program_source_builds();

class Kernel {
 public:
  Kernel(const Program& program, const std::string& name);

  cl_kernel get() const { return handle_.get(); }
  const std::string& name() const { return name_; }

  void set_arg(cl_uint index, const Buffer& buffer);
  template <typename T>
  requires(std::is_trivially_copyable_v<T> && !std::is_pointer_v<T>) void set_arg(cl_uint index,
                                                                                  const T& value) {
    set_arg_bytes(index, sizeof(T), &value);
  }
  // A __local argument of `bytes` bytes.
  void set_local_arg(cl_uint index, std::size_t bytes);
  void set_arg_bytes(cl_uint index, std::size_t size, const void* value);

  // Enqueues over `global` work-items (1-3 dimensions) with work-group shape `local` (empty: the
  // driver picks). Returns the kernel's event for profiling; an empty Event where the queue
  // has profiling off.
  Event launch(Queue& queue, std::span<const std::size_t> global,
               std::span<const std::size_t> local = {});

  // CL_KERNEL_WORK_GROUP_SIZE for the program's device.
  std::size_t max_work_group_size() const;

 private:
  cl_device_id device_id_ = nullptr;  // the program's (only) device
  ClHandle<cl_kernel, clReleaseKernel> handle_;
  std::string name_;
};

}  // namespace tartan::runtime
