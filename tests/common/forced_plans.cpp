#include "common/forced_plans.h"

#include "tartan/schedule/packing.h"
#include "tartan/schedule/tiling.h"

namespace tartan::testing {

namespace {

// Local-memory GEMM variants: 2-D work-groups of 16 to 64 items, register tiles that divide
// nothing (2x3, 3x1), K chunks of 4, 5, 8 and 16 (longer than many small tests' K), blocks
// larger and smaller than the work-group (each way the group's cooperative loads are laid
// out), float4 __local reads (on one side or both), single and double buffers, and the reduction
// split over 4 or 2 slices of the group (shares of 2 and 6 positions per chunk, so slices run
// past K and past the constraints' ranges).
KernelPlan local_variant(int v) {
  KernelPlan p;
  switch (v) {
    case 0:
      p.local = {.rows = 4,
                 .cols = 8,
                 .tile_rows = 2,
                 .tile_cols = 3,
                 .k_chunk = 4,
                 .double_buffer = true};
      break;
    case 1:
      p.local = {.rows = 8, .cols = 4, .tile_rows = 3, .tile_cols = 1, .k_chunk = 16};
      break;
    case 2:
      p.local = {.rows = 4, .cols = 4, .tile_rows = 4, .tile_cols = 8, .k_chunk = 5};
      break;
    case 3:
      p.local = {.rows = 8, .cols = 8, .tile_rows = 4, .tile_cols = 4, .k_chunk = 8, .vector = 4};
      break;
    case 4:
      p.local = {.rows = 4,
                 .cols = 8,
                 .tile_rows = 8,
                 .tile_cols = 2,
                 .k_chunk = 6,
                 .vector = 4,
                 .double_buffer = true};
      break;
    case 5:
      p.local = {.rows = 4,
                 .cols = 4,
                 .tile_rows = 2,
                 .tile_cols = 4,
                 .k_chunk = 8,
                 .double_buffer = true,
                 .k_split = 4};
      break;
    default:
      p.local = {.rows = 4,
                 .cols = 2,
                 .tile_rows = 4,
                 .tile_cols = 4,
                 .k_chunk = 12,
                 .vector = 4,
                 .k_split = 2};
      break;
  }
  p.work_group_size = static_cast<std::size_t>(p.local.items());
  return p;
}

}  // namespace

KernelPlan forced_plan(int v, const Program& program, const KernelGroup& group) {
  if (v >= kForcedPlanVariants - kLocalPlanVariants) {
    const int k = v - (kForcedPlanVariants - kLocalPlanVariants);
    const KernelPlan p = local_variant(k);
    // Kernels that are no GEMM get a register-tiled variant instead.
    return plan_fits(p, program, group) ? p : forced_plan(k % 5, program, group);
  }
  const std::vector<int> dims = tileable_dims(program, group);
  KernelPlan p;
  if (dims.empty()) return p;
  const int d0 = dims.back();
  const int d1 = dims.size() > 1 ? dims[dims.size() - 2] : -1;
  switch (v) {
    case 0:  // N x 1, usually not dividing, scalar loads, interior split
      p.tile[0] = {d0, 3};
      p.split_interior = true;
      break;
    case 1:  // 1 x N along the other dimension, small work-groups
      p.tile[0] = {d1 >= 0 ? d1 : d0, 5};
      p.work_group_size = 16;
      break;
    case 2:  // 4 x 3 with vector loads, unrolled by 3, interior split
      p.tile[0] = {d0, 4};
      if (d1 >= 0) p.tile[1] = {d1, 3};
      p.vector_loads = true;
      p.unroll = 3;
      p.split_interior = true;
      break;
    case 3:  // 8 x 2 with vector loads and epilogue, work-items along tile 0 outermost
      p.tile[0] = {d0, 8};
      if (d1 >= 0) p.tile[1] = {d1, 2};
      p.vector_loads = true;
      p.vector_epilogue = true;
      p.tile0_outermost = true;
      p.work_group_size = 32;
      p.split_interior = true;
      break;
    default:  // 2 x 4, scalar loads, unrolled by 2
      p.tile[0] = {d0, 2};
      if (d1 >= 0) p.tile[1] = {d1, 4};
      p.unroll = 2;
      break;
  }
  return p;
}

CompileOptions forcing_plan(int v) {
  CompileOptions o;
  o.plan_override = [v](const LoweredProgram& lowered, const KernelGroup& group,
                        const KernelPlan&) { return forced_plan(v, lowered.program, group); };
  return o;
}

KernelPlan with_packed_weights(KernelPlan plan, const LoweredProgram& lowered,
                               const KernelGroup& group, int* packed) {
  if (plan.uses_local_memory() || plan.uses_group_reduce()) return plan;
  plan.pack_weights = true;
  plan.pack_weights = any_reads_packed(lowered.program, group, plan);
  *packed += plan.pack_weights ? 1 : 0;
  return plan;
}

KernelPlan forced_group_reduce(int v, const Program& program, const KernelGroup& group) {
  const auto* c = std::get_if<Contraction>(&program.ops()[group.ops.front()]);
  KernelPlan p;
  if (c == nullptr) return p;
  const std::vector<int> vars = reduction_vars(program, *c);
  if (vars.empty()) return p;
  switch (v) {
    case 0:
      p.reduce = {.var = vars.back(), .threads = 4, .outputs = 3, .threads_inner = false};
      p.unroll = 3;
      break;
    case 1:
      p.reduce = {.var = vars.front(), .threads = 8, .outputs = 2, .threads_inner = true};
      break;
    default:
      p.reduce = {.var = vars.back(), .threads = 16, .outputs = 1, .threads_inner = true};
      break;
  }
  p.work_group_size = static_cast<std::size_t>(p.reduce.threads * p.reduce.outputs);
  return p;
}

CompileOptions forcing_group_reduce(int v) {
  CompileOptions o;
  o.plan_override = [v](const LoweredProgram& lowered, const KernelGroup& group,
                        const KernelPlan&) {
    return forced_group_reduce(v, lowered.program, group);
  };
  return o;
}

std::string forced_group_reduce_name(int v) {
  static const char* const kNames[] = {"group reduce 4 items x 3 outputs, innermost loop, unroll 3",
                                       "group reduce 8 items inner x 2 outputs, outermost loop",
                                       "group reduce 16 items inner, innermost loop"};
  return kNames[v];
}

std::string forced_plan_name(int v) {
  static const char* const kNames[] = {"3x1 scalar",
                                       "1x5 wg16",
                                       "4x3 vector unroll 3",
                                       "8x2 vector wg32 tile-0 outermost",
                                       "2x4 scalar unroll 2",
                                       "local 4x8 items, 2x3 tile, K chunk 4, double-buffered",
                                       "local 8x4 items, 3x1 tile, K chunk 16",
                                       "local 4x4 items, 4x8 tile, K chunk 5",
                                       "local 8x8 items, 4x4 tile, K chunk 8, vector 4",
                                       "local 4x8 items, 8x2 tile, K chunk 6, vector 4 (rows), "
                                       "double-buffered",
                                       "local 4x4 items x 4 K slices, 2x4 tile, K chunk 8, "
                                       "double-buffered",
                                       "local 4x2 items x 2 K slices, 4x4 tile, K chunk 12, "
                                       "vector 4"};
  return kNames[v];
}

}  // namespace tartan::testing
