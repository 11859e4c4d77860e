// Plans, tileable dimensions, the cost model's choices and tuning records, without a device.
#include <gtest/gtest.h>

#include <algorithm>

#include "tartan/ir/builder.h"
#include "tartan/lang/parse.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/passes/pipeline.h"
#include "tartan/reference/host_tensor.h"
#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/packing.h"
#include "tartan/schedule/tiling.h"
#include "tartan/schedule/transform_shape.h"
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

// A GPU whose profile allows register tiles up to 4 x 8 and vectors of 4, without local memory.
TargetInfo register_gpu() {
  TargetInfo gpu;
  gpu.compute_units = 1;
  gpu.max_work_group_size = 1024;
  gpu.tuning.work_group_size = 128;
  gpu.tuning.register_tile_rows = 4;
  gpu.tuning.register_tile_cols = 8;
  gpu.tuning.vector_width = 4;
  return gpu;
}

TEST(Schedule, GpuCostModelTilesChannelsAndAWidthDimension) {
  const LoweredProgram l = strided_conv();
  TargetInfo gpu = register_gpu();
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

// PoCL's profile: up to 8 x 32 tiles, 128-item groups, 2 cores.
TargetInfo pocl_cpu() {
  TargetInfo cpu;
  cpu.is_cpu = true;
  cpu.compute_units = 2;
  cpu.max_work_group_size = 4096;
  cpu.tuning.work_group_size = 128;
  cpu.tuning.register_tile_rows = 8;
  cpu.tuning.register_tile_cols = 32;
  cpu.tuning.vector_width = 8;
  return cpu;
}

LoweredProgram pointwise_conv(std::int64_t hw, std::int64_t c, std::int64_t m) {
  Builder b;
  b.output(ops::conv2d(b.input("x", DType::kFloat32, {1, hw, hw, c}),
                       b.input("k", DType::kFloat32, {1, 1, c, m})));
  return run_pipeline(b.build());
}

TEST(Schedule, CpuCostModelTakesWideTilesAndSmallGroups) {
  // MobileNet's last 1x1 convolution: 32 channels (two AVX-512 vectors) x 7 columns, the row
  // tile that divides 7 (a power of two would leave partial tiles); 7 x 32 = 224 work-items,
  // so groups shrink until each of the 2 cores gets at least 4.
  const LoweredProgram l = pointwise_conv(7, 1024, 1024);
  TargetInfo cpu = pocl_cpu();
  const KernelPlan p = choose_plan(l, l.kernels[0], cpu);
  EXPECT_EQ(p.tile[0], (TileDim{3, 32}));
  EXPECT_EQ(p.tile[1], (TileDim{2, 7}));
  EXPECT_TRUE(p.vector_loads);
  EXPECT_EQ(p.work_group_size, 16u);
  // 4 MB of weights against 200 KB of activations: consecutive work-items share the weights'
  // columns (tile 0 outermost).
  EXPECT_TRUE(p.tile0_outermost);
  // 56 columns: 8 rows divide them; the activations outweigh the weights.
  const LoweredProgram big = pointwise_conv(56, 128, 128);
  EXPECT_EQ(choose_plan(big, big.kernels[0], cpu).tile[1], (TileDim{2, 8}));
  EXPECT_FALSE(choose_plan(big, big.kernels[0], cpu).tile0_outermost);
  // 16 cores: groups shrink further, the tile stays whole.
  cpu.compute_units = 16;
  const KernelPlan p16 = choose_plan(l, l.kernels[0], cpu);
  EXPECT_EQ(p16.tile_elements(), 7 * 32);
  EXPECT_EQ(p16.work_group_size, 2u);
  // A GPU with the same profile keeps its groups and powers of two.
  TargetInfo gpu = pocl_cpu();
  gpu.is_cpu = false;
  const KernelPlan g = choose_plan(big, big.kernels[0], gpu);
  EXPECT_EQ(g.work_group_size, 128u);
  EXPECT_FALSE(choose_plan(l, l.kernels[0], gpu).tile0_outermost);
  EXPECT_EQ(g.tile[1].size & (g.tile[1].size - 1), 0);
}

// Weights that are constants are packed on CPUs (schedule/packing.h), never on GPUs; weights
// that are inputs cannot be.
TEST(Schedule, CpuPlansPackConstantWeights) {
  Builder b;
  const HostTensor w(DType::kFloat32, {3, 3, 8, 64});
  b.output(ops::conv2d(b.input("x", DType::kFloat32, {1, 14, 14, 8}),
                       b.constant("k", w.shape, ConstantData::from_doubles(w.dtype, w.values))));
  const LoweredProgram l = run_pipeline(b.build());
  const TargetInfo cpu = pocl_cpu();
  const KernelPlan p = choose_plan(l, l.kernels[0], cpu);
  EXPECT_TRUE(p.pack_weights);
  EXPECT_NE(p.describe().find("packed weights"), std::string::npos);
  EXPECT_TRUE(plan_fits(p, l.program, l.kernels[0]));
  TargetInfo gpu = pocl_cpu();
  gpu.is_cpu = false;
  EXPECT_FALSE(choose_plan(l, l.kernels[0], gpu).pack_weights);
  const LoweredProgram in = pointwise_conv(14, 8, 64);
  const KernelPlan q = choose_plan(in, in.kernels[0], cpu);
  EXPECT_FALSE(q.pack_weights);
  KernelPlan forced = q;
  forced.pack_weights = true;  // nothing to pack: does not fit
  EXPECT_FALSE(plan_fits(forced, in.program, in.kernels[0]));
}

// Panels of 2 along the last dimension of a [2, 3, 5] constant: 3 panels of 6 rows, the last
// half zero; checked against the definition, element by element.
TEST(Schedule, PackPanelsLaysOutRowsOfEachPanelContiguously) {
  std::vector<double> v(30);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i + 1);
  const auto data = ConstantData::from_doubles(DType::kFloat32, v);
  const std::shared_ptr<const ConstantData> packed = pack_panels(*data, {2, 3, 5}, 2);
  ASSERT_EQ(packed->size(), 3u * 6u * 2u);
  for (std::size_t q = 0; q < 3; ++q) {
    for (std::size_t r = 0; r < 6; ++r) {
      for (std::size_t a = 0; a < 2; ++a) {
        const std::size_t k = q * 2 + a;
        const double want = k < 5 ? v[r * 5 + k] : 0.0;
        EXPECT_EQ(packed->at((q * 6 + r) * 2 + a), want) << q << " " << r << " " << a;
      }
    }
  }
}

TEST(Schedule, CostModelFollowsTheProfile) {
  const LoweredProgram l = strided_conv();
  TargetInfo gpu = register_gpu();
  // The profile's register tile bounds the tile; its work-group size is the launch's.
  gpu.tuning.register_tile_rows = 2;
  gpu.tuning.register_tile_cols = 2;
  gpu.tuning.work_group_size = 32;
  const KernelPlan p = choose_plan(l, l.kernels[0], gpu);
  EXPECT_LE(p.tile[0].size, 2);
  EXPECT_LE(p.tile[1].size, 2);
  EXPECT_EQ(p.work_group_size, 32u);
  // A profile without register tiles (default.yaml's) keeps the plain plan.
  gpu.tuning = {};
  EXPECT_EQ(choose_plan(l, l.kernels[0], gpu).tile_elements(), 1);
}

LoweredProgram matmul(std::int64_t m, std::int64_t k, std::int64_t n) {
  Builder b;
  b.output(
      ops::matmul(b.input("a", DType::kFloat32, {m, k}), b.input("b", DType::kFloat32, {k, n})));
  return run_pipeline(b.build());
}

TEST(Schedule, LocalMemoryPlansForGemmsWhereTheProfileSaysSo) {
  const LoweredProgram l = matmul(512, 256, 512);
  TargetInfo gpu = register_gpu();
  gpu.compute_units = 16;
  gpu.local_memory_bytes = 48 * 1024;
  gpu.tuning.local_memory_tiling = true;
  gpu.tuning.local_tile_rows = 8;
  gpu.tuning.local_tile_cols = 8;
  const KernelPlan p = choose_plan(l, l.kernels[0], gpu);
  ASSERT_TRUE(p.uses_local_memory()) << p.describe();
  EXPECT_EQ(p.local.block_rows(), 128);
  EXPECT_EQ(p.local.block_cols(), 128);
  EXPECT_EQ(p.work_group_size, 256u);
  EXPECT_EQ(p.describe(),
            "local-memory GEMM: work-group 16x16, tile 8x8 (block 128x128), K chunk 16");
  EXPECT_TRUE(plan_fits(p, l.program, l.kernels[0]));
  // More compute units than 128 x 128 blocks: the register tile shrinks to fill them.
  gpu.compute_units = 64;
  EXPECT_LT(choose_plan(l, l.kernels[0], gpu).tile_elements(), 64);
  // CPUs and profiles without local memory tiling get register tiles; so do tiny GEMMs.
  gpu.is_cpu = true;
  EXPECT_FALSE(choose_plan(l, l.kernels[0], gpu).uses_local_memory());
  gpu.is_cpu = false;
  const LoweredProgram tiny = matmul(8, 8, 8);
  EXPECT_FALSE(choose_plan(tiny, tiny.kernels[0], gpu).uses_local_memory());
  // The tuner's candidates include local plans, all fitting.
  int local = 0;
  for (const KernelPlan& c : candidate_plans(l, l.kernels[0], gpu)) {
    EXPECT_TRUE(plan_fits(c, l.program, l.kernels[0])) << c.describe();
    local += c.uses_local_memory() ? 1 : 0;
  }
  EXPECT_GE(local, 4);
  // A local plan whose blocks do not split into the group's loads does not fit.
  KernelPlan bad = p;
  bad.local.k_chunk = 3;
  bad.local.tile_rows = 1;
  EXPECT_FALSE(plan_fits(bad, l.program, l.kernels[0]));
  bad = p;
  bad.local.vector = 3;  // only 1 and 4
  EXPECT_FALSE(plan_fits(bad, l.program, l.kernels[0]));
  // The profile's vector width and double buffering reach the plan; the tuner also tries the
  // plain variants.
  gpu.tuning.local_vector = 4;
  gpu.tuning.local_double_buffer = true;
  gpu.compute_units = 16;
  const KernelPlan v = choose_plan(l, l.kernels[0], gpu);
  EXPECT_EQ(v.local.vector, 4);
  EXPECT_TRUE(v.local.double_buffer);
  EXPECT_EQ(v.describe(),
            "local-memory GEMM: work-group 16x16, tile 8x8 (block 128x128), K chunk 16, vector 4, "
            "double-buffered");
  int vector = 0, plain = 0;
  for (const KernelPlan& c : candidate_plans(l, l.kernels[0], gpu)) {
    vector += c.local.vector == 4 && c.local.double_buffer ? 1 : 0;
    plain += c.uses_local_memory() && c.local.vector == 1 && !c.local.double_buffer ? 1 : 0;
  }
  EXPECT_GE(vector, 4);
  EXPECT_GE(plain, 4);
}

// A GEMM with fewer output blocks than compute units and a long reduction (MobileNet's 7x7 1x1
// convolution at batch 1: 49 x 1024 x 1024) splits K over slices of the work-group instead of
// shrinking its register tile to 1x1; a short reduction still shrinks the tile.
TEST(Schedule, LocalPlansSplitLongReductionsOverSlices) {
  TargetInfo gpu = register_gpu();
  gpu.compute_units = 132;
  gpu.local_memory_bytes = 48 * 1024;
  gpu.max_work_group_size = 1024;
  gpu.tuning.local_memory_tiling = true;
  gpu.tuning.local_tile_rows = 8;
  gpu.tuning.local_tile_cols = 8;
  gpu.tuning.local_vector = 4;
  gpu.tuning.local_double_buffer = true;
  const LoweredProgram l = matmul(49, 1024, 1024);
  // Without the profile's consent: the old plan, a 1x1 tile.
  EXPECT_EQ(choose_plan(l, l.kernels[0], gpu).tile_elements(), 1);
  gpu.tuning.local_max_k_split = 8;
  const KernelPlan p = choose_plan(l, l.kernels[0], gpu);
  ASSERT_TRUE(p.uses_local_memory()) << p.describe();
  EXPECT_EQ(p.local.k_split, 8) << p.describe();
  EXPECT_EQ(p.local.tile_rows * p.local.tile_cols, 16) << p.describe();
  EXPECT_EQ(p.work_group_size, 256u);  // the profile's 16 x 16 items, as 8 slices
  EXPECT_EQ(p.local.k_chunk % p.local.k_split, 0);
  EXPECT_LE(p.local.local_memory_bytes(), gpu.local_memory_bytes);
  EXPECT_TRUE(plan_fits(p, l.program, l.kernels[0])) << p.describe();
  EXPECT_NE(p.describe().find("K split 8"), std::string::npos) << p.describe();
  // The split fills the compute units about as the blocks allow: 128 work-groups.
  const auto blocks = [](std::int64_t n, int b) { return (n + b - 1) / b; };
  EXPECT_EQ(blocks(49, p.local.block_rows()) * blocks(1024, p.local.block_cols()), 128);
  // The tuner's candidates hold split plans of 2, 4 and 8 slices, all fitting.
  std::vector<int> splits;
  for (const KernelPlan& c : candidate_plans(l, l.kernels[0], gpu)) {
    EXPECT_TRUE(plan_fits(c, l.program, l.kernels[0])) << c.describe();
    EXPECT_LE(c.local.local_memory_bytes(), gpu.local_memory_bytes) << c.describe();
    splits.push_back(c.local.k_split);
  }
  for (int k : {2, 4, 8}) EXPECT_NE(std::find(splits.begin(), splits.end(), k), splits.end()) << k;
  // A reduction too short for two slices of kMinSliceK positions: no split.
  const LoweredProgram short_k = matmul(49, 64, 1024);
  EXPECT_EQ(choose_plan(short_k, short_k.kernels[0], gpu).local.k_split, 1);
  // Enough blocks already: no split either.
  const LoweredProgram big = matmul(2048, 1024, 2048);
  EXPECT_EQ(choose_plan(big, big.kernels[0], gpu).local.k_split, 1);
}

TEST(Schedule, GemmShapeOfMatmulsConvsAndNonGemms) {
  const LoweredProgram conv = strided_conv();
  const std::optional<GemmShape> g = gemm_shape(conv.program, conv.kernels[0]);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->row_dims, (std::vector<int>{0, 1, 2}));  // n, y, x
  EXPECT_EQ(g->col_dims, (std::vector<int>{3}));        // output channels
  EXPECT_EQ(g->rows, 1 * 8 * 8);
  EXPECT_EQ(g->k, 3 * 3 * 32);  // implicit GEMM over the window
  // A scalar output (a full reduction) and a single-input sum are no GEMMs.
  const LoweredProgram dot = run_pipeline(parse_program(
      "function (A[7], B[7], C[3, 4]) -> (O, S) { O[] = +(A[k] * B[k]); S[i : 3] = +(C[i, j]); }"));
  for (const KernelGroup& k : dot.kernels) EXPECT_FALSE(gemm_shape(dot.program, k).has_value());
}

TEST(Schedule, DepthwiseConvolutionIsAChannelVectorStencil) {
  Builder b;
  b.output(ops::depthwise_conv2d(b.input("x", DType::kFloat32, {1, 16, 16, 32}),
                                 b.input("k", DType::kFloat32, {3, 3, 32, 1}), {},
                                 {.padding = ops::Padding::same()}));
  const LoweredProgram l = run_pipeline(b.build());
  // fold_unit_indices made the output channel `c + m` (m in [0, 1)) the single variable c.
  EXPECT_EQ(tileable_dims(l.program, l.kernels[0]), (std::vector<int>{0, 1, 2, 3}));
  TargetInfo gpu = register_gpu();
  gpu.tuning.local_memory_tiling = true;  // not a GEMM: the two inputs share the channel
  const KernelPlan p = choose_plan(l, l.kernels[0], gpu);
  EXPECT_FALSE(p.uses_local_memory());
  EXPECT_EQ(p.tile[0].dim, 3);
  EXPECT_EQ(p.tile[0].size, 4);  // the profile's vector width
  EXPECT_TRUE(p.vector_loads);
  EXPECT_EQ(p.tile[1].dim, 2);  // x: the weights are reused
}

// Winograd's input and output transforms are constant transforms: one work-item per tile with
// 4, 2 or 1 lanes along channels (C 8 and K 6 here); the batched GEMM and a plain convolution
// are not, and a transform plan fits nothing else.
TEST(Schedule, WinogradTransformsGetTheTransformPlan) {
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 5, 7, 8});
  std::mt19937_64 rng(1);
  const HostTensor w = random_tensor(DType::kFloat32, {3, 3, 8, 6}, rng);
  b.output(ops::conv2d(
      x, b.constant("w", {3, 3, 8, 6}, ConstantData::from_doubles(DType::kFloat32, w.values)), {},
      {.padding = ops::Padding::same()}));
  PipelineOptions options;
  options.winograd = {true, 1, 1, 0.0};
  const LoweredProgram l = run_pipeline(b.build(), options);
  ASSERT_EQ(l.kernels.size(), 3u);  // V, M, O
  const std::optional<TransformShape> v = transform_shape(l.program, l.kernels[0]);
  const std::optional<TransformShape> o = transform_shape(l.program, l.kernels[2]);
  ASSERT_TRUE(v.has_value());
  ASSERT_TRUE(o.has_value());
  EXPECT_FALSE(transform_shape(l.program, l.kernels[1]).has_value());
  EXPECT_EQ(v->lanes, 4);                // C = 8
  EXPECT_EQ(v->owned_values(), 16);      // a, b
  EXPECT_EQ(v->items(), 2 * 3 * 4 * 2);  // n, ty, tx, c / 4
  EXPECT_EQ(o->lanes, 2);                // K = 6
  EXPECT_EQ(o->owned_values(), 4);       // r, s
  EXPECT_EQ(o->items(), 2 * 3 * 4 * 3);
  const TargetInfo gpu = register_gpu();
  const KernelPlan p = choose_plan(l, l.kernels[0], gpu);
  EXPECT_TRUE(p.transform) << p.describe();
  EXPECT_TRUE(plan_fits(p, l.program, l.kernels[2]));
  EXPECT_FALSE(plan_fits(p, l.program, l.kernels[1]));
  KernelPlan tiled = p;
  tiled.tile[0] = {5, 4};
  EXPECT_FALSE(plan_fits(tiled, l.program, l.kernels[0]));
  TargetInfo off = gpu;
  off.tuning.transform_plan = false;
  EXPECT_FALSE(choose_plan(l, l.kernels[0], off).transform);
  const LoweredProgram conv = strided_conv();
  EXPECT_FALSE(transform_shape(conv.program, conv.kernels[0]).has_value());
}

// A first convolution's dense weights (3 channels, 3x3 stride 2: within the size limit) are no
// transform: written into the kernel they save nothing, and on PoCL such a kernel ran 5x slower.
// The same contraction with weights of 0 and powers of two is one.
TEST(Schedule, OnlySimpleConstantsGetTheTransformPlan) {
  std::mt19937_64 rng(7);
  const auto first_conv = [](const std::vector<double>& weights) {
    Builder b;
    const Tensor x = b.input("x", DType::kFloat32, {1, 9, 9, 3});
    b.output(ops::conv2d(
        x, b.constant("w", {3, 3, 3, 8}, ConstantData::from_doubles(DType::kFloat32, weights)), {},
        {.strides = {2, 2}}));
    return run_pipeline(b.build(), PipelineOptions{});
  };
  const HostTensor dense = random_tensor(DType::kFloat32, {3, 3, 3, 8}, rng);
  const LoweredProgram d = first_conv(dense.values);
  ASSERT_EQ(d.kernels.size(), 1u);
  EXPECT_FALSE(transform_shape(d.program, d.kernels[0]).has_value());
  std::vector<double> simple(dense.values.size());
  const double choices[] = {0.0, 1.0, -1.0, 0.5, -2.0};
  for (std::size_t i = 0; i < simple.size(); ++i) simple[i] = choices[rng() % 5];
  const LoweredProgram s = first_conv(simple);
  ASSERT_EQ(s.kernels.size(), 1u);
  EXPECT_TRUE(transform_shape(s.program, s.kernels[0]).has_value());
  simple[simple.size() / 2] = 0.3;  // one value that is no power of two
  const LoweredProgram one = first_conv(simple);
  EXPECT_FALSE(transform_shape(one.program, one.kernels[0]).has_value());
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
  r.plan.tile0_outermost = true;
  r.plan.pack_weights = true;
  r.time_ms = 1.5;
  r.plain_time_ms = 3;
  r.device = "dev";
  std::string why;
  const std::optional<TuningRecord> back = decode_tuning_record(encode_tuning_record(r), &why);
  ASSERT_TRUE(back.has_value()) << why;
  EXPECT_EQ(back->plan, r.plan);
  EXPECT_EQ(back->time_ms, 1.5);
  TuningRecord local = r;
  local.plan = {};
  local.plan.local = {.rows = 8,
                      .cols = 16,
                      .tile_rows = 4,
                      .tile_cols = 4,
                      .k_chunk = 32,
                      .vector = 4,
                      .double_buffer = true,
                      .k_split = 2};
  local.plan.work_group_size = 256;
  const std::optional<TuningRecord> local_back =
      decode_tuning_record(encode_tuning_record(local), &why);
  ASSERT_TRUE(local_back.has_value()) << why;
  EXPECT_EQ(local_back->plan, local.plan);
  TuningRecord transform = r;
  transform.plan = {};
  transform.plan.transform = true;
  transform.plan.work_group_size = 128;
  const std::optional<TuningRecord> transform_back =
      decode_tuning_record(encode_tuning_record(transform), &why);
  ASSERT_TRUE(transform_back.has_value()) << why;
  EXPECT_EQ(transform_back->plan, transform.plan);
  TuningRecord group = r;
  group.plan = {};
  group.plan.reduce = {.var = 2, .threads = 32, .outputs = 8, .threads_inner = true};
  group.plan.work_group_size = 256;
  const std::optional<TuningRecord> group_back =
      decode_tuning_record(encode_tuning_record(group), &why);
  ASSERT_TRUE(group_back.has_value()) << why;
  EXPECT_EQ(group_back->plan, group.plan);
  for (const char* bad : {"", "[]", "{\"format\": 4}", "{\"format\": 3}", "{\"format\": 2}",
                          "{\"format\": 1, \"plan\": 3}"}) {
    EXPECT_FALSE(decode_tuning_record(bad, &why).has_value()) << bad;
    EXPECT_FALSE(why.empty());
  }
}

// An H200-like GPU: 132 compute units, local-memory GEMMs on.
TargetInfo big_gpu() {
  TargetInfo gpu = register_gpu();
  gpu.compute_units = 132;
  gpu.local_memory_bytes = 48 * 1024;
  gpu.tuning.local_memory_tiling = true;
  return gpu;
}

int var_named(const LoweredProgram& l, const std::string& name) {
  const auto& c = std::get<Contraction>(l.program.ops()[l.kernels[0].ops.front()]);
  const auto it = std::find(c.index_names.begin(), c.index_names.end(), name);
  return it == c.index_names.end() ? -1 : static_cast<int>(it - c.index_names.begin());
}

// Few outputs and a long reduction: the reduction is split over the items of a work-group.
TEST(Schedule, GroupReductionsForFewOutputsAndLongReductions) {
  const TargetInfo gpu = big_gpu();
  // A dense layer at batch 1: the weights hold the outputs contiguously, so neighbouring items
  // take neighbouring outputs (a warp reads whole rows of W), and every group has 8 or more.
  const LoweredProgram gemv = run_pipeline(parse_program(
      "function (X[1, 1024], W[1024, 1000]) -> (O) { O[i, k : 1, 1000] = +(X[i, c] * W[c, k]); }"));
  const KernelPlan p = choose_plan(gemv, gemv.kernels[0], gpu);
  ASSERT_TRUE(p.uses_group_reduce()) << p.describe();
  EXPECT_EQ(p.reduce.var, var_named(gemv, "c"));
  EXPECT_FALSE(p.reduce.threads_inner);
  EXPECT_GE(p.reduce.outputs, 8);
  EXPECT_GE(p.reduce.threads, 8);
  EXPECT_TRUE(plan_fits(p, gemv.program, gemv.kernels[0]));
  EXPECT_EQ(choose_plan(gemv, gemv.kernels[0], gpu), p);  // deterministic
  // A row maximum (softmax): the reduction axis is contiguous, so items sharing an output are
  // neighbours.
  const LoweredProgram row_max =
      run_pipeline(parse_program("function (X[1, 1000]) -> (O) { O[i, 0 : 1, 1] = >(X[i, j]); }"));
  const KernelPlan m = choose_plan(row_max, row_max.kernels[0], gpu);
  ASSERT_TRUE(m.uses_group_reduce()) << m.describe();
  EXPECT_TRUE(m.reduce.threads_inner);
  EXPECT_EQ(m.reduce.var, var_named(row_max, "j"));
  EXPECT_EQ(m.work_group_size, 128u);  // 1000 / 128: about 8 elements per item
  EXPECT_EQ(m.describe(),
            "group reduction: 128 items per output (split variable 1), 1 outputs per work-group, "
            "items inner");
  // Enough outputs to fill the device, or a short reduction: one item per output.
  const LoweredProgram many = run_pipeline(parse_program(
      "function (X[64, 1024], W[1024, 1000]) -> (O) { O[i, k : 64, 1000] = +(X[i, c] * W[c, "
      "k]); }"));
  EXPECT_FALSE(choose_plan(many, many.kernels[0], gpu).uses_group_reduce());
  const LoweredProgram shallow = run_pipeline(parse_program(
      "function (X[1, 16], W[16, 1000]) -> (O) { O[i, k : 1, 1000] = +(X[i, c] * W[c, k]); }"));
  EXPECT_FALSE(choose_plan(shallow, shallow.kernels[0], gpu).uses_group_reduce());
  // Not on CPUs (PoCL runs a work-group in one thread), however few the outputs.
  TargetInfo cpu = gpu;
  cpu.is_cpu = true;
  EXPECT_FALSE(choose_plan(row_max, row_max.kernels[0], cpu).uses_group_reduce());
  for (const KernelPlan& c : candidate_plans(row_max, row_max.kernels[0], cpu)) {
    EXPECT_FALSE(c.uses_group_reduce()) << c.describe();
  }
  // The tuner measures several; all fit.
  int groups = 0;
  for (const KernelPlan& c : candidate_plans(gemv, gemv.kernels[0], gpu)) {
    EXPECT_TRUE(plan_fits(c, gemv.program, gemv.kernels[0])) << c.describe();
    groups += c.uses_group_reduce() ? 1 : 0;
  }
  EXPECT_GE(groups, 2);
}

TEST(Schedule, GroupReductionPlansMustSplitAReductionVariable) {
  const LoweredProgram gemv = run_pipeline(parse_program(
      "function (X[1, 64], W[64, 10]) -> (O) { O[i, k : 1, 10] = +(X[i, c] * W[c, k]); }"));
  const KernelGroup& g = gemv.kernels[0];
  KernelPlan p;
  p.reduce = {.var = var_named(gemv, "c"), .threads = 4, .outputs = 3};
  p.work_group_size = 12;
  EXPECT_TRUE(plan_fits(p, gemv.program, g));
  KernelPlan bad = p;
  bad.reduce.var = var_named(gemv, "k");  // an output variable
  EXPECT_FALSE(plan_fits(bad, gemv.program, g));
  bad = p;
  bad.reduce.threads = 3;  // not a power of two
  bad.work_group_size = 9;
  EXPECT_FALSE(plan_fits(bad, gemv.program, g));
  bad = p;
  bad.work_group_size = 16;  // not threads * outputs
  EXPECT_FALSE(plan_fits(bad, gemv.program, g));
  bad = p;
  bad.tile[0] = {1, 2};  // a register tile as well
  EXPECT_FALSE(plan_fits(bad, gemv.program, g));
}

}  // namespace
}  // namespace tartan
