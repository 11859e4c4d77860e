// The per-GEMM block shape search of local-memory plans (schedule/local_plan.h), without a device:
// blocks that fit the columns, enough blocks for the compute units, candidates that all split
// evenly and fit, and the switch in the profile.
#include "schedule/local_plan.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/searching_gpu.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/conv.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/tiling.h"

namespace tartan {
namespace {

using testing::searching_gpu;

// A same-padded KH x KW convolution of a batch of H x W x C images to N channels.
LoweredProgram conv(std::int64_t batch, std::int64_t hw, std::int64_t c, std::int64_t n,
                    std::int64_t kh, std::int64_t kw) {
  Builder b;
  b.output(ops::conv2d(b.input("x", DType::kFloat32, {batch, hw, hw, c}),
                       b.input("k", DType::kFloat32, {kh, kw, c, n}), {},
                       {.padding = ops::Padding::same()}));
  return run_pipeline(b.build());
}

KernelPlan chosen(const LoweredProgram& l, const TargetInfo& t) {
  EXPECT_EQ(l.kernels.size(), 1u);
  const KernelPlan p = choose_plan(l, l.kernels[0], t);
  EXPECT_TRUE(p.uses_local_memory()) << p.describe();
  EXPECT_TRUE(plan_fits(p, l.program, l.kernels[0])) << p.describe();
  return p;
}

TEST(LocalPlanSearch, CandidatesSplitEvenlyAndFit) {
  const TargetInfo gpu = searching_gpu();
  const std::vector<LocalTile> c = local_tile_candidates(gpu);
  ASSERT_GE(c.size(), 8u);
  EXPECT_EQ(c.front(), (LocalTile{16, 16, 8, 8, 16, 4, true}));  // the profile's shape first
  for (const LocalTile& l : c) {
    const int wg = l.rows * l.cols;
    EXPECT_EQ(l.block_rows() * l.k_chunk % wg, 0);
    EXPECT_EQ(l.block_cols() * l.k_chunk % wg, 0);
    EXPECT_LE(static_cast<std::size_t>(wg), gpu.max_work_group_size);
    EXPECT_LE(l.local_memory_bytes(), gpu.local_memory_bytes);
  }
  // A device with 128-item work-groups gets none larger.
  TargetInfo small = gpu;
  small.max_work_group_size = 128;
  for (const LocalTile& l : local_tile_candidates(small)) EXPECT_LE(l.rows * l.cols, 128);
}

TEST(LocalPlanSearch, BlocksFitTheColumns) {
  const TargetInfo gpu = searching_gpu();
  // 192 and 96 output channels: no 128-wide block (a quarter or a quarter of 128 idle); the
  // columns split into whole blocks. 32 channels: 32-wide blocks.
  for (const std::int64_t n : {192, 96, 32}) {
    SCOPED_TRACE("N = " + std::to_string(n));
    const KernelPlan p = chosen(conv(64, 17, 64, n, 1, 7), gpu);
    EXPECT_EQ(n % p.local.block_cols(), 0) << p.describe();
  }
  // 512 channels of a large GEMM keep 8 x 8 register tiles.
  const KernelPlan big = chosen(conv(64, 28, 64, 512, 1, 1), gpu);
  EXPECT_EQ(big.local.tile_rows * big.local.tile_cols, 64) << big.describe();
}

TEST(LocalPlanSearch, CostCountsPaddedBlocksAndTheBusiestUnit) {
  const TargetInfo gpu = searching_gpu();
  const LoweredProgram l = conv(64, 17, 64, 192, 1, 1);
  const GemmShape g = *gemm_shape(l.program, l.kernels[0]);
  LocalTile wide{8, 16, 8, 8, 16, 4, true};    // 64 x 128: 2 column blocks, one half idle
  LocalTile narrow{8, 16, 8, 4, 16, 4, true};  // 64 x 64: 3 whole column blocks
  // Equal register tiles apart, the padded block costs more.
  EXPECT_GT(local_tile_cost(g, wide, gpu) / (1.0 + 1.0 / 8 + 1.0 / 8 - 0.25),
            local_tile_cost(g, narrow, gpu) / (1.0 + 1.0 / 8 + 1.0 / 4 - 0.25));
  // Fewer blocks than compute units: the busiest unit has one block whatever the count, so the
  // cost is one block's.
  const LoweredProgram tiny = conv(1, 8, 16, 64, 1, 1);  // 64 x 64 GEMM
  const GemmShape t = *gemm_shape(tiny.program, tiny.kernels[0]);
  EXPECT_DOUBLE_EQ(local_tile_cost(t, narrow, gpu),
                   local_tile_cost(g, narrow, gpu) / static_cast<double>((289 * 3 + 131) / 132));
}

TEST(LocalPlanSearch, FewComputeUnitsKeepLargeBlocksAndTheSwitchIsHonoured) {
  TargetInfo gpu = searching_gpu();
  const LoweredProgram l = conv(4, 32, 64, 128, 3, 3);  // 4096 x 128, K = 576
  gpu.compute_units = 1;
  const KernelPlan one = chosen(l, gpu);
  EXPECT_EQ(one.tile_elements(), 64) << one.describe();
  // More compute units than blocks: smaller blocks, more of them.
  gpu.compute_units = 132;
  const KernelPlan many = chosen(l, gpu);
  EXPECT_LT(many.local.block_rows() * many.local.block_cols(),
            one.local.block_rows() * one.local.block_cols());
  EXPECT_EQ(choose_plan(l, l.kernels[0], gpu), many);  // deterministic
  // The tuner measures the best-rated shapes too (the chosen one among them).
  const std::vector<KernelPlan> c = candidate_plans(l, l.kernels[0], gpu);
  EXPECT_NE(std::find(c.begin(), c.end(), many), c.end());
  // A small GEMM with a short reduction keeps the old rule (measured faster there).
  const LoweredProgram short_k = conv(1, 56, 64, 128, 1, 1);  // 3136 x 128, K = 64
  const KernelPlan s = chosen(short_k, gpu);
  EXPECT_EQ(s.local.rows * s.local.cols, 256) << s.describe();
  // Without the search: the profile's 16 x 16 work-group, its tile only shrunk.
  gpu.tuning.local_block_search = false;
  const KernelPlan fixed = chosen(l, gpu);
  EXPECT_EQ(fixed.local.rows, 16);
  EXPECT_EQ(fixed.local.cols, 16);
}

// With both the search and split-K on (the NVIDIA profile), a GEMM with fewer blocks than compute
// units and a long reduction splits K over slices of the work-group (measured 1.2-2.6x faster
// than either shape rule, perf-notes S4-smallm); one with enough blocks gets the search's shape.
TEST(LocalPlanSearch, FewBlocksWithALongReductionSplitK) {
  TargetInfo gpu = searching_gpu();
  gpu.tuning.local_max_k_split = 8;
  const KernelPlan small = chosen(conv(1, 7, 1024, 1024, 1, 1), gpu);  // 49 x 1024, K = 1024
  EXPECT_GT(small.local.k_split, 1) << small.describe();
  const LoweredProgram l = conv(8, 28, 256, 192, 1, 1);  // 6272 x 192, K = 256
  const KernelPlan large = chosen(l, gpu);
  EXPECT_EQ(large.local.k_split, 1) << large.describe();
  EXPECT_EQ(large, choose_local_plan(*gemm_shape(l.program, l.kernels[0]), gpu));
}

}  // namespace
}  // namespace tartan
