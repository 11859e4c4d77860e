// A kernel plan: how one kernel's iteration space maps onto work-items and work-groups.
//
// Plans are chosen by the cost model (schedule/cost_model) from the device's properties and
// profile, or measured by the tuner; code generation only follows them.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "tartan/schedule/tuning.h"

namespace tartan {

// What code generation and the cost model need to know about the target device.
struct TargetInfo {
  std::size_t max_work_group_size = 256;
  std::size_t local_memory_bytes = 32 * 1024;
  std::size_t compute_units = 1;
  std::size_t preferred_vector_width = 4;  // float lanes the device prefers (CL_DEVICE_PREFERRED_*)
  bool is_cpu = false;
  bool has_fp16 = false;
  Tuning tuning;  // from the device's profile (configs/devices)
};

// One tiled output dimension of a register tile: each work-item computes `size` consecutive
// coordinates along output dimension `dim`.
struct TileDim {
  int dim = -1;  // output dimension; -1: not tiled
  int size = 1;
  friend bool operator==(const TileDim&, const TileDim&) = default;
};

// The local-memory plan of a GEMM-like contraction (a sum of products of two inputs, see
// schedule/gemm_shape.h): a 2-D work-group of `rows` x `cols` work-items owns an output block of
// (rows * tile_rows) x (cols * tile_cols) GEMM rows and columns; the reduction runs in chunks of
// `k_chunk`, each staged through __local memory by cooperative loads of both operands between
// barriers. Work-item (r, c) computes rows r + i * rows and columns c + j * cols, so the
// stores and the __local reads of a warp are contiguous. k_chunk 0: not used.
// With `vector` 4, a side (rows or columns) whose register tile it divides is owned in runs of 4
// (item r has rows 4r..4r+3, then 4(rows + r)..., and so on), read from __local memory as one
// float4 each: a quarter of the __local reads. With `double_buffer`, the chunks alternate
// between two __local buffers and the next chunk's global loads are issued into registers before
// the current chunk's arithmetic, with one barrier per chunk instead of two.
// With `k_split` S > 1 (split-K inside the work-group, for GEMMs with fewer output blocks than
// compute units and a long reduction), the group holds S slices of rows x cols items: all of
// them stage each chunk, slice s multiplies its positions s * k_chunk / S onwards, and after the
// loop slices 1..S-1 hand their sums to slice 0 through __local memory; slice 0 alone adds them
// and runs the default, the epilogue and the store, once per element.
struct LocalTile {
  int rows = 0, cols = 0;            // work-items per group along GEMM rows and columns
  int tile_rows = 1, tile_cols = 1;  // register tile per work-item
  int k_chunk = 0;                   // reduction elements per stage
  int vector = 1;                    // __local read width: 1 or 4
  bool double_buffer = false;
  int k_split = 1;  // slices of the reduction per work-group (a divisor of k_chunk)
  int block_rows() const { return rows * tile_rows; }
  int block_cols() const { return cols * tile_cols; }
  int items() const { return rows * cols * k_split; }  // the work-group size
  // Whether each K chunk of both operands' blocks splits evenly over the group's cooperative
  // loads (codegen/local_gemm.cpp needs it).
  bool loads_split_evenly() const {
    return (block_rows() * k_chunk) % items() == 0 && (block_cols() * k_chunk) % items() == 0;
  }
  // An upper bound of the __local memory the plan's kernel declares (4-byte compute types;
  // each operand's row may be padded by up to `vector` elements). The split's hand-over reuses
  // the rows' staging array, grown where it is the larger.
  std::size_t local_memory_bytes() const {
    const auto stage = [&](int block) {
      return static_cast<std::size_t>(block + vector) * static_cast<std::size_t>(k_chunk) *
             (double_buffer ? 2 : 1);
    };
    const auto hand_over =
        static_cast<std::size_t>((k_split - 1) * rows * cols * tile_rows * tile_cols);
    return (std::max(stage(block_rows()), hand_over) + stage(block_cols())) * 4;
  }
  friend bool operator==(const LocalTile&, const LocalTile&) = default;
};

// The work-group-cooperative reduction plan of a contraction with few outputs and a long
// reduction (a GEMV, softmax's max and sum, a global pooling): `threads` work-items share each
// output element, splitting the loop over reduction variable `var` so that item s takes
// var = lo + s, lo + s + threads, ... A work-group of `outputs` x `threads` items owns `outputs`
// consecutive output elements; the partial results combine by a tree in __local memory, and the
// first item of each output applies the default, the epilogue and the store.
// threads_inner: consecutive work-items share an output (so their reads along `var`, when it is
// contiguous, coalesce); else consecutive work-items take consecutive outputs (reads along the
// output's contiguous dimension coalesce). threads 0: not used.
struct GroupReduce {
  int var = -1;  // the index variable (Contraction::index_names) whose loop is split
  int threads = 0;
  int outputs = 1;
  bool threads_inner = false;
  friend bool operator==(const GroupReduce&, const GroupReduce&) = default;
};

struct KernelPlan {
  std::size_t work_group_size = 64;  // work-items per work-group (1-D launch)
  // Register tile per work-item over up to two output dimensions (contractions: each must be
  // tileable, see schedule/tiling.h; elementwise kernels: only the innermost dimension).
  // tile[0] is usually the innermost (contiguous) output dimension.
  std::array<TileDim, 2> tile{};
  int unroll = 1;             // unroll hint for the innermost reduction loop
  bool vector_loads = false;  // vloadN for tile-wide contiguous runs where the tile is whole
  // Consecutive work-items walk the other dimensions first and tile 0's last, so they share
  // tile 0's columns and the inputs that only those select (a convolution's weights): a CPU
  // runs a group's work-items one after another, and finds that panel still in its cache.
  bool tile0_outermost = false;
  // Constant inputs that tile 0 selects along their last dimension (weights) are read from a
  // copy packed into panels of tile 0's width, so each work-item streams one contiguous panel
  // (schedule/packing.h). Register plans only; inputs that do not qualify stay as they are.
  bool pack_weights = false;
  // The reduction is emitted twice (register plans): a copy without the per-element bounds
  // predicates (padding taps, partial tiles), taken by the work-items whose every tap lies
  // inside over the loops' whole ranges (all but the edge tiles), and the guarded copy for the
  // others. On CPUs each predicate is a compare and branch per tile column per reduction step.
  // Codegen ignores it where the kernel has no such predicates, or ones it cannot drop.
  bool split_interior = false;
  // Where the accumulators are vectors stored as vectors, the fused elementwise epilogue is
  // written on the vectors (contiguous operands vector-loaded, broadcast ones splat) instead of
  // lane by lane. Codegen keeps the per-lane form where an op, type or operand has no exact
  // vector form (codegen/vector_epilogue.h).
  bool vector_epilogue = false;
  // Each load of the innermost reduction loop reads through a pointer computed in front of the
  // loop (the address less the innermost variable's term), so the step's address is one
  // scaled index. Where a load's guard does not change in that loop, the pointer's other
  // coordinates are clamped inside the tensor and the load is unconditional, its value
  // replaced by 0 where the guard fails; a multiply-add whose other operands are finite
  // constants then needs no guard either (0 times a finite value adds nothing).
  bool hoist_addresses = false;
  // When set (k_chunk > 0), the kernel is a local-memory tiled GEMM: `local` replaces `tile`,
  // `unroll` and `vector_loads` (left at their defaults), and work_group_size is local.items().
  LocalTile local{};
  // When set (threads > 0), the kernel is a cooperative reduction: `reduce` replaces `tile` and
  // `vector_loads`, and work_group_size is threads * outputs.
  GroupReduce reduce{};
  // When set, the kernel is a constant transform (schedule/transform_shape.h): each work-item
  // computes all the outputs that the constant's variables reach from one tile of the other
  // input (and `lanes` of its last variable), with the constant's values as literals; the other
  // fields but work_group_size stay at their defaults.
  bool transform = false;

  bool uses_local_memory() const { return local.k_chunk > 0; }
  bool uses_group_reduce() const { return reduce.threads > 0; }
  int tile_elements() const {
    return uses_local_memory() ? local.tile_rows * local.tile_cols : tile[0].size * tile[1].size;
  }
  // One element per work-item, no unrolling, no vector loads: the plain code.
  bool is_trivial() const {
    return !uses_local_memory() && !uses_group_reduce() && !transform && tile_elements() == 1 &&
           unroll == 1 && !vector_loads;
  }
  // For kernel header comments and tuning records, e.g.
  // "tile 4 (dim 3) x 2 (dim 2), work-group 64, unroll 4, vector loads", or
  // "local-memory GEMM: work-group 16x16, tile 8x8 (block 128x128), K chunk 16", or
  // "local-memory GEMM: work-group 16x4, tile 4x4 (block 64x16), K chunk 64, K split 4", or
  // "group reduction: 32 items per output (split variable 2), 8 outputs per work-group", or
  // "constant transform, work-group 128".
  std::string describe() const;
  friend bool operator==(const KernelPlan&, const KernelPlan&) = default;
};

}  // namespace tartan
