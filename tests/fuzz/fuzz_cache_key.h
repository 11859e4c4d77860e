// The kernel-cache key the kernel-cache fuzzer expects, and its seed entries were written for.
#pragma once

#include "tartan/runtime/kernel_cache.h"

namespace tartan::fuzz {

inline runtime::CacheKey fuzz_cache_key() {
  runtime::CacheKey key;
  key.device_name = "fuzz device";
  key.device_vendor = "tartan";
  key.driver_version = "1.0";
  key.opencl_version = "OpenCL 3.0";
  key.options = "-cl-fast-relaxed-math";
  key.source_hash = hash128("__kernel void k() {}");
  return key;
}

}  // namespace tartan::fuzz
