// OpenCL platforms and devices: what later stages (scheduler, setup wizard, cache keys) need to
// know about each device, and a stable, readable id to name it in configs and on the command
// line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tartan/runtime/cl.h"

namespace tartan::runtime {

// kOther also covers simulators that claim several types at once (Oclgrind).
enum class DeviceType { kCpu, kGpu, kAccelerator, kOther };
const char* device_type_name(DeviceType type);  // "cpu", "gpu", "accelerator", "other"

struct DeviceInfo {
  // PlaidML-style `opencl_<vendor>_<name>.<n>`; the same on every run of one machine.
  std::string id;
  std::string name;
  std::string vendor;
  std::string platform_name;
  std::string platform_vendor;
  std::string platform_version;
  std::string driver_version;
  std::string opencl_version;      // CL_DEVICE_VERSION, e.g. "OpenCL 3.0 CUDA"
  std::string opencl_c_version;    // CL_DEVICE_OPENCL_C_VERSION, e.g. "OpenCL C 1.2 PoCL"
  int cl_major = 0, cl_minor = 0;  // parsed from opencl_version
  int c_major = 0, c_minor = 0;    // parsed from opencl_c_version
  DeviceType type = DeviceType::kOther;
  bool available = false;
  bool compiler_available = false;

  std::uint32_t compute_units = 0;
  std::uint32_t max_clock_mhz = 0;
  std::uint32_t address_bits = 0;
  std::uint64_t global_mem_bytes = 0;
  std::uint64_t local_mem_bytes = 0;
  bool local_mem_dedicated = false;  // CL_LOCAL: real on-chip memory, not emulated in global
  std::uint64_t constant_mem_bytes = 0;
  std::uint64_t max_alloc_bytes = 0;
  std::uint32_t base_addr_align_bytes =
      0;  // CL_DEVICE_MEM_BASE_ADDR_ALIGN; arena places align to it
  std::size_t max_work_group_size = 0;
  std::vector<std::size_t> max_work_item_sizes;  // one per dimension

  std::uint32_t preferred_vector_width_float = 0;
  std::uint32_t native_vector_width_float = 0;
  std::uint32_t preferred_vector_width_half = 0;
  std::uint32_t native_vector_width_half = 0;

  std::vector<std::string> extensions;
  bool fp16 = false;       // cl_khr_fp16
  bool fp64 = false;       // cl_khr_fp64
  bool subgroups = false;  // cl_khr_subgroups or cl_intel_subgroups

  int platform_index = 0;  // position in clGetPlatformIDs' list
  int device_index = 0;    // position in that platform's clGetDeviceIDs list

  bool has_extension(std::string_view ext) const;
};

// A root device: the handles need no release.
struct Device {
  cl_platform_id platform = nullptr;
  cl_device_id device = nullptr;
  DeviceInfo info;
};

// Every device of every platform, ordered by platform then device index. Throws tartan::Error
// saying which packages to install when no OpenCL platform or no device exists.
std::vector<Device> enumerate_devices();

// "opencl_" + vendor + "_" + name, lowercased, each run of non-alphanumerics one '_', without
// a trailing '_'. The device id is this plus ".<ordinal among devices with the same slug>".
std::string device_slug(std::string_view vendor, std::string_view name);

// The device with this id; a tartan::Error listing the known ids if there is none.
Device find_device(const std::vector<Device>& devices, std::string_view id);
Device find_device(std::string_view id);

// The first available GPU, else the first available CPU, else the first available device.
Device default_device(const std::vector<Device>& devices);
Device default_device();

// Parses "OpenCL 1.2 ..." / "OpenCL C 3.0 ..." into major/minor; false if malformed.
bool parse_opencl_version(std::string_view text, int* major, int* minor);

}  // namespace tartan::runtime
