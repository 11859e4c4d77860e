#include "tartan/runtime/program.h"

#include <atomic>
#include <cctype>
#include <filesystem>
#include <vector>

#include "tartan/runtime/cl_error.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"
#include "tartan/support/hash.h"
#include "tartan/support/paths.h"

namespace tartan::runtime {
namespace {

std::atomic<std::uint64_t> g_source_builds{0};

std::string file_safe(std::string_view name) {
  std::string s;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    s += std::isalnum(u) || c == '_' || c == '-' ? c : '_';
  }
  return s.empty() ? "kernel" : s.substr(0, 64);
}

// Saves a source that failed to build so the user (or we) can read it; names the file after the
// kernel and the source hash, so repeated failures of one kernel reuse one file.
std::string save_failed_source(std::string_view source, std::string_view name) {
  const std::string file = file_safe(name) + "-" + hash128(source).hex().substr(0, 16) + ".cl";
  for (const std::filesystem::path& dir :
       {cache_dir() / "failed-kernels",
        std::filesystem::temp_directory_path() / "tartan-failed-kernels"}) {
    try {
      write_file_atomic(dir / file, source);
      return (dir / file).string();
    } catch (const Error&) {
      // try the next location
    }
  }
  return "(could not be saved)";
}

std::string program_build_log(cl_program program, cl_device_id device) {
  std::size_t size = 0;
  if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size) !=
      CL_SUCCESS) {
    return "(build log unavailable)";
  }
  std::string log(size, '\0');
  if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, size, log.data(), nullptr) !=
      CL_SUCCESS) {
    return "(build log unavailable)";
  }
  while (!log.empty() &&
         (log.back() == '\0' || std::isspace(static_cast<unsigned char>(log.back())))) {
    log.pop_back();
  }
  return log;
}

// PoCL builds into a kernel cache folder of its own (POCL_CACHE_DIR, else
// $XDG_CACHE_HOME/pocl/kcache, else ~/.cache/pocl/kcache), and on a full disk there fails the
// build with a log that says nothing of it. The advice to give then, or "" when that folder's
// disk has room (a real build failure).
std::string full_driver_cache_hint(const DeviceInfo& device) {
  if (device.platform_name.find("Portable Computing Language") == std::string::npos) return "";
  std::filesystem::path dir;
  if (const auto v = env_string("POCL_CACHE_DIR"); v && !v->empty()) {
    dir = *v;
  } else if (const auto x = env_string("XDG_CACHE_HOME"); x && !x->empty()) {
    dir = std::filesystem::path(*x) / "pocl" / "kcache";
  } else {
    dir = std::filesystem::path(env_string("HOME").value_or("/")) / ".cache" / "pocl" / "kcache";
  }
  std::filesystem::path existing = dir;
  std::error_code ec;
  while (!existing.empty() && !std::filesystem::exists(existing, ec) &&
         existing != existing.parent_path()) {
    existing = existing.parent_path();
  }
  const std::filesystem::space_info space = std::filesystem::space(existing, ec);
  constexpr std::uintmax_t kRoomNeeded = 8u << 20;  // a program's binaries and temporaries
  if (ec || space.available >= kRoomNeeded) return "";
  return "the disk of PoCL's kernel cache folder " + dir.string() + " is full (" +
         std::to_string(space.available / 1024) +
         " KiB free): free space there, or set POCL_CACHE_DIR to a folder on a disk with room";
}

}  // namespace

std::uint64_t program_source_builds() { return g_source_builds.load(); }

Program::Program(const Context& context, cl_program program, std::string name)
    : device_id_(context.device().device), handle_(program), name_(std::move(name)) {}

Program Program::from_source(const Context& context, std::string_view source,
                             const std::string& options, std::string_view name) {
  const char* text = source.data();
  const std::size_t length = source.size();
  cl_int status = CL_SUCCESS;
  cl_program p = clCreateProgramWithSource(context.get(), 1, &text, &length, &status);
  cl_check(status, "clCreateProgramWithSource", name);
  Program program(context, p, std::string(name));
  const cl_device_id dev = context.device().device;
  ++g_source_builds;
  status = clBuildProgram(p, 1, &dev, options.c_str(), nullptr, nullptr);
  if (status != CL_SUCCESS) {
    throw OpenCLError("clBuildProgram", status, std::string(name),
                      "device: " + context.device().info.id + "\nbuild options: '" + options +
                          "'\nkernel source saved to: " + save_failed_source(source, name) +
                          "\nbuild log:\n" + program_build_log(p, dev),
                      full_driver_cache_hint(context.device().info));
  }
  return program;
}

Program Program::from_binary(const Context& context, std::string_view binary,
                             const std::string& options, std::string_view name) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(binary.data());
  const std::size_t length = binary.size();
  const cl_device_id dev = context.device().device;
  cl_int binary_status = CL_SUCCESS;
  cl_int status = CL_SUCCESS;
  cl_program p =
      clCreateProgramWithBinary(context.get(), 1, &dev, &length, &bytes, &binary_status, &status);
  cl_check(status, "clCreateProgramWithBinary", name);
  Program program(context, p, std::string(name));
  cl_check(binary_status, "clCreateProgramWithBinary", name, "the driver rejected the binary");
  status = clBuildProgram(p, 1, &dev, options.c_str(), nullptr, nullptr);
  cl_check(status, "clBuildProgram", name,
           "building from a cached binary\nbuild log:\n" + program_build_log(p, dev));
  return program;
}

std::string Program::binary() const {
  std::size_t size = 0;
  TARTAN_CL_CALL(clGetProgramInfo, get(), CL_PROGRAM_BINARY_SIZES, sizeof size, &size, nullptr);
  if (size == 0) return {};
  std::string bin(size, '\0');
  auto* ptr = reinterpret_cast<unsigned char*>(bin.data());
  TARTAN_CL_CALL(clGetProgramInfo, get(), CL_PROGRAM_BINARIES, sizeof ptr, &ptr, nullptr);
  return bin;
}

std::string Program::build_log() const { return program_build_log(get(), device_id_); }

Kernel::Kernel(const Program& program, const std::string& name) : name_(name) {
  cl_int status = CL_SUCCESS;
  cl_kernel k = clCreateKernel(program.get(), name.c_str(), &status);
  cl_check(status, "clCreateKernel", name, "program: " + program.name());
  handle_ = decltype(handle_)(k);
  cl_device_id dev = nullptr;
  TARTAN_CL_CALL(clGetProgramInfo, program.get(), CL_PROGRAM_DEVICES, sizeof dev, &dev, nullptr);
  device_id_ = dev;
}

void Kernel::set_arg(cl_uint index, const Buffer& buffer) {
  const cl_mem mem = buffer.get();
  set_arg_bytes(index, sizeof mem, &mem);
}

void Kernel::set_local_arg(cl_uint index, std::size_t bytes) {
  set_arg_bytes(index, bytes, nullptr);
}

void Kernel::set_arg_bytes(cl_uint index, std::size_t size, const void* value) {
  cl_check(clSetKernelArg(get(), index, size, value), "clSetKernelArg", name_,
           "argument " + std::to_string(index) + " of " + std::to_string(size) + " bytes");
}

Event Kernel::launch(Queue& queue, std::span<const std::size_t> global,
                     std::span<const std::size_t> local) {
  TARTAN_CHECK(!global.empty() && global.size() <= 3, "kernel launch needs 1-3 dimensions");
  TARTAN_CHECK(local.empty() || local.size() == global.size(),
               "local and global sizes differ in rank");
  auto dims = [](std::span<const std::size_t> s) {
    std::string out;
    for (std::size_t v : s) {
      if (!out.empty()) out += 'x';
      out += std::to_string(v);
    }
    return out.empty() ? std::string("driver's choice") : out;
  };
  cl_event e = nullptr;
  const cl_int status = clEnqueueNDRangeKernel(
      queue.get(), get(), static_cast<cl_uint>(global.size()), nullptr, global.data(),
      local.empty() ? nullptr : local.data(), 0, nullptr, queue.profiling() ? &e : nullptr);
  // The message is built only on failure: launches are on the batch-1 critical path.
  if (status != CL_SUCCESS) [[unlikely]] {
    throw_cl_error(status, "clEnqueueNDRangeKernel", name_,
                   "global size " + dims(global) + ", local size " + dims(local) + ", device " +
                       queue.device().info.id);
  }
  return Event(e);
}

std::size_t Kernel::max_work_group_size() const {
  std::size_t size = 0;
  cl_check(clGetKernelWorkGroupInfo(get(), device_id_, CL_KERNEL_WORK_GROUP_SIZE, sizeof size,
                                    &size, nullptr),
           "clGetKernelWorkGroupInfo", name_);
  return size;
}

}  // namespace tartan::runtime
