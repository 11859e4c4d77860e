// Plans, tileable dimensions, the cost model's choices and tuning records, without a device.
#include <gtest/gtest.h>

#include "tartan/ir/builder.h"
#include "tartan/ops/conv.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/tiling.h"
#include "tartan/schedule/tuning_cache.h"

namespace tartan {
namespace {

LoweredProgram strided_conv() {
  Builder b;
  b.output(ops::conv2d(b.input("x", DType::kFloat32, {1, 16, 16, 32}),
                       b.input("k", DType::kFloat32, {3, 3, 32, 64}), {},
                       {.strides = {2, 2}, .padding = ops::Padding::same()}));
  return run_pipeline(b.build());
}

TEST(Schedule, ConvOutputDimensionsAreTileable) {
  const LoweredProgram l = strided_conv();
  ASSERT_EQ(l.kernels.size(), 1u);
  // O[n, y, x, m]: every output dimension is one variable, so all four are tileable.
  EXPECT_EQ(tileable_dims(l.program, l.kernels[0]), (std::vector<int>{0, 1, 2, 3}));
  KernelPlan p;
  p.tile[0] = {3, 4};
  p.tile[1] = {2, 2};
  EXPECT_TRUE(plan_fits(p, l.program, l.kernels[0]));
  p.tile[1] = {3, 2};  // the same dimension twice
  EXPECT_FALSE(plan_fits(p, l.program, l.kernels[0]));
  p.tile[1] = {4, 2};  // no such dimension
  EXPECT_FALSE(plan_fits(p, l.program, l.kernels[0]));
}

TEST(Schedule, GpuCostModelTilesChannelsAndAWidthDimension) {
  const LoweredProgram l = strided_conv();
  TargetInfo gpu;
  gpu.compute_units = 1;
  gpu.max_work_group_size = 1024;
  const KernelPlan p = choose_plan(l, l.kernels[0], gpu);
  EXPECT_EQ(p.tile[0].dim, 3);  // channels: the input activation is reused
  EXPECT_EQ(64 % p.tile[0].size, 0);
  EXPECT_EQ(p.tile[1].dim, 2);  // x: the weights are reused
  EXPECT_GT(p.tile[1].size, 1);
  EXPECT_TRUE(p.vector_loads);
  EXPECT_EQ(choose_plan(l, l.kernels[0], gpu), p);  // deterministic
  // Many compute units and little work: tiles shrink to keep every unit busy.
  gpu.compute_units = 1000;
  EXPECT_EQ(choose_plan(l, l.kernels[0], gpu).tile_elements(), 1);
  for (const KernelPlan& c : candidate_plans(l, l.kernels[0], gpu)) {
    EXPECT_TRUE(plan_fits(c, l.program, l.kernels[0])) << c.describe();
  }
}

TEST(Schedule, DescribeNamesTheTile) {
  KernelPlan p;
  EXPECT_EQ(p.describe(), "one output element per work-item, work-group 64");
  p.tile[0] = {3, 4};
  p.tile[1] = {1, 2};
  p.unroll = 4;
  p.vector_loads = true;
  EXPECT_EQ(p.describe(), "tile 4 (dim 3) x 2 (dim 1), work-group 64, unroll 4, vector loads");
}

TEST(Schedule, TuningRecordsRoundTripAndRejectGarbage) {
  TuningRecord r;
  r.plan.tile[0] = {2, 8};
  r.plan.unroll = 2;
  r.plan.vector_loads = true;
  r.time_ms = 1.5;
  r.plain_time_ms = 3;
  r.device = "dev";
  std::string why;
  const std::optional<TuningRecord> back = decode_tuning_record(encode_tuning_record(r), &why);
  ASSERT_TRUE(back.has_value()) << why;
  EXPECT_EQ(back->plan, r.plan);
  EXPECT_EQ(back->time_ms, 1.5);
  for (const char* bad : {"", "[]", "{\"format\": 2}", "{\"format\": 1, \"plan\": 3}"}) {
    EXPECT_FALSE(decode_tuning_record(bad, &why).has_value()) << bad;
    EXPECT_FALSE(why.empty());
  }
}

}  // namespace
}  // namespace tartan
