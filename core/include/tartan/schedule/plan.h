// A kernel plan: how one kernel's iteration space maps onto work-items and work-groups.
//
// Plans are chosen by the cost model (schedule/cost_model) from the device's properties and
// profile, or measured by the tuner; code generation only follows them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace tartan {

// What code generation and the cost model need to know about the target device.
struct TargetInfo {
  std::size_t max_work_group_size = 256;
  std::size_t local_memory_bytes = 32 * 1024;
  std::size_t compute_units = 1;
  std::size_t preferred_vector_width = 4;  // float lanes the device prefers (CL_DEVICE_PREFERRED_*)
  bool is_cpu = false;
  bool has_fp16 = false;
};

// One tiled output dimension of a register tile: each work-item computes `size` consecutive
// coordinates along output dimension `dim`.
struct TileDim {
  int dim = -1;  // output dimension; -1: not tiled
  int size = 1;
  friend bool operator==(const TileDim&, const TileDim&) = default;
};

struct KernelPlan {
  std::size_t work_group_size = 64;  // work-items per work-group (1-D launch)
  // Register tile per work-item over up to two output dimensions (contractions: each must be
  // tileable, see schedule/tiling.h; elementwise kernels: only the innermost dimension).
  // tile[0] is usually the innermost (contiguous) output dimension.
  std::array<TileDim, 2> tile{};
  int unroll = 1;             // unroll hint for the innermost reduction loop
  bool vector_loads = false;  // vloadN for tile-wide contiguous runs where the tile is whole

  int tile_elements() const { return tile[0].size * tile[1].size; }
  // One element per work-item, no unrolling, no vector loads: the plain code.
  bool is_trivial() const { return tile_elements() == 1 && unroll == 1 && !vector_loads; }
  // For kernel header comments and tuning records, e.g.
  // "tile 4 (dim 3) x 2 (dim 2), work-group 64, unroll 4, vector loads".
  std::string describe() const;
  friend bool operator==(const KernelPlan&, const KernelPlan&) = default;
};

}  // namespace tartan
