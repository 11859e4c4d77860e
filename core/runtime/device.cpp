#include "tartan/runtime/device.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "tartan/runtime/cl_error.h"
#include "tartan/support/error.h"

namespace tartan::runtime {
namespace {

constexpr const char* kInstallHint =
    "install an OpenCL driver: `sudo apt install pocl-opencl-icd` for the CPU, or your GPU "
    "vendor's driver (NVIDIA: nvidia-opencl-icd; AMD: ROCm or mesa-opencl-icd; Intel: "
    "intel-opencl-icd); then `clinfo` should list at least one device";

std::string platform_string(cl_platform_id p, cl_platform_info param) {
  std::size_t size = 0;
  TARTAN_CL_CALL(clGetPlatformInfo, p, param, 0, nullptr, &size);
  std::string s(size, '\0');
  TARTAN_CL_CALL(clGetPlatformInfo, p, param, size, s.data(), nullptr);
  while (!s.empty() && (s.back() == '\0' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string device_string(cl_device_id d, cl_device_info param) {
  std::size_t size = 0;
  TARTAN_CL_CALL(clGetDeviceInfo, d, param, 0, nullptr, &size);
  std::string s(size, '\0');
  TARTAN_CL_CALL(clGetDeviceInfo, d, param, size, s.data(), nullptr);
  // Drivers pad some strings (NVIDIA names, Intel versions) with spaces.
  while (!s.empty() && (s.back() == '\0' || s.back() == ' ')) s.pop_back();
  return s;
}

template <typename T>
T device_value(cl_device_id d, cl_device_info param) {
  T value{};
  TARTAN_CL_CALL(clGetDeviceInfo, d, param, sizeof(T), &value, nullptr);
  return value;
}

DeviceType classify(cl_device_type type) {
  // Simulators (Oclgrind) claim to be CPU, GPU and accelerator at once; calling them a GPU
  // would make a 1000x slower emulator the default device.
  const cl_device_type kinds =
      type & (CL_DEVICE_TYPE_CPU | CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_ACCELERATOR);
  if ((kinds & (kinds - 1)) != 0) return DeviceType::kOther;
  if (type & CL_DEVICE_TYPE_GPU) return DeviceType::kGpu;
  if (type & CL_DEVICE_TYPE_ACCELERATOR) return DeviceType::kAccelerator;
  if (type & CL_DEVICE_TYPE_CPU) return DeviceType::kCpu;
  return DeviceType::kOther;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  std::sort(words.begin(), words.end());
  return words;
}

DeviceInfo query_device(cl_platform_id p, cl_device_id d) {
  DeviceInfo info;
  info.name = device_string(d, CL_DEVICE_NAME);
  info.vendor = device_string(d, CL_DEVICE_VENDOR);
  info.platform_name = platform_string(p, CL_PLATFORM_NAME);
  info.platform_vendor = platform_string(p, CL_PLATFORM_VENDOR);
  info.platform_version = platform_string(p, CL_PLATFORM_VERSION);
  info.driver_version = device_string(d, CL_DRIVER_VERSION);
  info.opencl_version = device_string(d, CL_DEVICE_VERSION);
  info.opencl_c_version = device_string(d, CL_DEVICE_OPENCL_C_VERSION);
  parse_opencl_version(info.opencl_version, &info.cl_major, &info.cl_minor);
  parse_opencl_version(info.opencl_c_version, &info.c_major, &info.c_minor);
  info.type = classify(device_value<cl_device_type>(d, CL_DEVICE_TYPE));
  info.available = device_value<cl_bool>(d, CL_DEVICE_AVAILABLE) != CL_FALSE;
  info.compiler_available = device_value<cl_bool>(d, CL_DEVICE_COMPILER_AVAILABLE) != CL_FALSE;

  info.compute_units = device_value<cl_uint>(d, CL_DEVICE_MAX_COMPUTE_UNITS);
  info.max_clock_mhz = device_value<cl_uint>(d, CL_DEVICE_MAX_CLOCK_FREQUENCY);
  info.address_bits = device_value<cl_uint>(d, CL_DEVICE_ADDRESS_BITS);
  info.global_mem_bytes = device_value<cl_ulong>(d, CL_DEVICE_GLOBAL_MEM_SIZE);
  info.local_mem_bytes = device_value<cl_ulong>(d, CL_DEVICE_LOCAL_MEM_SIZE);
  info.local_mem_dedicated =
      device_value<cl_device_local_mem_type>(d, CL_DEVICE_LOCAL_MEM_TYPE) == CL_LOCAL;
  info.constant_mem_bytes = device_value<cl_ulong>(d, CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE);
  info.max_alloc_bytes = device_value<cl_ulong>(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE);
  info.base_addr_align_bytes = device_value<cl_uint>(d, CL_DEVICE_MEM_BASE_ADDR_ALIGN) / 8;
  info.max_work_group_size = device_value<std::size_t>(d, CL_DEVICE_MAX_WORK_GROUP_SIZE);
  const auto dims = device_value<cl_uint>(d, CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS);
  info.max_work_item_sizes.resize(dims);
  TARTAN_CL_CALL(clGetDeviceInfo, d, CL_DEVICE_MAX_WORK_ITEM_SIZES, dims * sizeof(std::size_t),
                 info.max_work_item_sizes.data(), nullptr);

  info.preferred_vector_width_float =
      device_value<cl_uint>(d, CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT);
  info.native_vector_width_float = device_value<cl_uint>(d, CL_DEVICE_NATIVE_VECTOR_WIDTH_FLOAT);
  info.preferred_vector_width_half =
      device_value<cl_uint>(d, CL_DEVICE_PREFERRED_VECTOR_WIDTH_HALF);
  info.native_vector_width_half = device_value<cl_uint>(d, CL_DEVICE_NATIVE_VECTOR_WIDTH_HALF);

  info.extensions = split_words(device_string(d, CL_DEVICE_EXTENSIONS));
  info.fp16 = info.has_extension("cl_khr_fp16");
  info.fp64 = info.has_extension("cl_khr_fp64");
  info.subgroups =
      info.has_extension("cl_khr_subgroups") || info.has_extension("cl_intel_subgroups");
  return info;
}

std::vector<cl_platform_id> platform_ids() {
  cl_uint count = 0;
  const cl_int status = clGetPlatformIDs(0, nullptr, &count);
  if (status == CL_PLATFORM_NOT_FOUND_KHR || (status == CL_SUCCESS && count == 0)) {
    throw Error("no OpenCL platform found (clGetPlatformIDs returned " + cl_status_name(status) +
                    ", " + std::to_string(count) + " platforms)",
                kInstallHint);
  }
  cl_check(status, "clGetPlatformIDs");
  std::vector<cl_platform_id> ids(count);
  TARTAN_CL_CALL(clGetPlatformIDs, count, ids.data(), nullptr);
  return ids;
}

std::vector<cl_device_id> device_ids(cl_platform_id p) {
  cl_uint count = 0;
  const cl_int status = clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, nullptr, &count);
  if (status == CL_DEVICE_NOT_FOUND) return {};  // a platform with no device is not an error
  cl_check(status, "clGetDeviceIDs");
  std::vector<cl_device_id> ids(count);
  if (count > 0) TARTAN_CL_CALL(clGetDeviceIDs, p, CL_DEVICE_TYPE_ALL, count, ids.data(), nullptr);
  return ids;
}

std::string known_ids(const std::vector<Device>& devices) {
  std::string s;
  for (const Device& d : devices) {
    s += "\n  " + d.info.id + "  (" + device_type_name(d.info.type) + ", " + d.info.name + ")";
  }
  return s;
}

}  // namespace

const char* device_type_name(DeviceType type) {
  switch (type) {
    case DeviceType::kCpu:
      return "cpu";
    case DeviceType::kGpu:
      return "gpu";
    case DeviceType::kAccelerator:
      return "accelerator";
    case DeviceType::kOther:
      break;
  }
  return "other";
}

bool DeviceInfo::has_extension(std::string_view ext) const {
  return std::binary_search(extensions.begin(), extensions.end(), ext);
}

bool parse_opencl_version(std::string_view text, int* major, int* minor) {
  // "OpenCL <major>.<minor> <vendor text>" or "OpenCL C <major>.<minor> <vendor text>".
  std::size_t i = 0;
  while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  int ma = 0, mi = 0;
  std::size_t start = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    ma = ma * 10 + (text[i++] - '0');
  }
  if (i == start || i >= text.size() || text[i] != '.') return false;
  start = ++i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    mi = mi * 10 + (text[i++] - '0');
  }
  if (i == start) return false;
  *major = ma;
  *minor = mi;
  return true;
}

std::string device_slug(std::string_view vendor, std::string_view name) {
  std::string slug = "opencl";
  for (std::string_view part : {vendor, name}) {
    slug += '_';
    for (char c : part) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u)) {
        slug += static_cast<char>(std::tolower(u));
      } else if (slug.back() != '_') {
        slug += '_';
      }
    }
    while (slug.back() == '_') slug.pop_back();
  }
  return slug;
}

std::vector<Device> enumerate_devices() {
  std::vector<Device> devices;
  std::map<std::string, int> ordinal;  // per slug: a distinct name could share a slug
  const std::vector<cl_platform_id> platforms = platform_ids();
  std::string platform_names;
  for (std::size_t pi = 0; pi < platforms.size(); ++pi) {
    if (pi > 0) platform_names += ", ";
    platform_names += platform_string(platforms[pi], CL_PLATFORM_NAME);
    const std::vector<cl_device_id> ids = device_ids(platforms[pi]);
    for (std::size_t di = 0; di < ids.size(); ++di) {
      Device d{platforms[pi], ids[di], query_device(platforms[pi], ids[di])};
      d.info.platform_index = static_cast<int>(pi);
      d.info.device_index = static_cast<int>(di);
      const std::string slug = device_slug(d.info.vendor, d.info.name);
      d.info.id = slug + "." + std::to_string(ordinal[slug]++);
      devices.push_back(std::move(d));
    }
  }
  if (devices.empty()) {
    throw Error("OpenCL platforms were found (" + platform_names + ") but none has a device",
                kInstallHint);
  }
  return devices;
}

Device find_device(const std::vector<Device>& devices, std::string_view id) {
  for (const Device& d : devices) {
    if (d.info.id == id) return d;
  }
  throw Error(
      "unknown OpenCL device '" + std::string(id) + "'; known devices:" + known_ids(devices),
      "use one of the ids listed (`tartan-setup --list` shows them too)");
}

Device find_device(std::string_view id) { return find_device(enumerate_devices(), id); }

Device default_device(const std::vector<Device>& devices) {
  for (DeviceType want : {DeviceType::kGpu, DeviceType::kCpu}) {
    for (const Device& d : devices) {
      if (d.info.available && d.info.type == want) return d;
    }
  }
  for (const Device& d : devices) {
    if (d.info.available) return d;
  }
  throw Error("no available OpenCL device; devices found:" + known_ids(devices),
              "check `clinfo`: every device reports itself unavailable (busy or disabled)");
}

Device default_device() { return default_device(enumerate_devices()); }

}  // namespace tartan::runtime
