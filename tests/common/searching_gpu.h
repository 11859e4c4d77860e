// A GPU target like an H200 with the NVIDIA profile's local GEMM plan (16 x 16 items of 8 x 8,
// float4 __local reads, double-buffered chunks) and the per-GEMM block search on
// (schedule/local_plan.h), for tests of the search's choices without the device.
#pragma once

#include <cstddef>

#include "tartan/schedule/plan.h"

namespace tartan::testing {

inline TargetInfo searching_gpu(std::size_t compute_units = 132,
                                std::size_t max_work_group_size = 1024) {
  TargetInfo gpu;
  gpu.compute_units = compute_units;
  gpu.max_work_group_size = max_work_group_size;
  gpu.local_memory_bytes = 48 * 1024;
  gpu.tuning.local_memory_tiling = true;
  gpu.tuning.local_tile_rows = 8;
  gpu.tuning.local_tile_cols = 8;
  gpu.tuning.local_vector = 4;
  gpu.tuning.local_double_buffer = true;
  gpu.tuning.local_block_search = true;
  return gpu;
}

}  // namespace tartan::testing
