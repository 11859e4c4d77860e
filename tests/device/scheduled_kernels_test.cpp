// Register tiles, vector loads and unrolling on every device against the reference: plans are
// forced (tiles that do not divide the sizes, 1xN, Nx1, vector loads on and off) onto
// convolutions with padding and strides, a depthwise convolution, a dense layer, a batched
// matmul and a sample of random contractions; local-memory GEMM plans onto GEMM-like kernels
// of every kind.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/device_check.h"
#include "common/forced_plans.h"
#include "common/random_program.h"
#include "reference/reference_test_util.h"
#include "tartan/codegen/kernel_writer.h"
#include "tartan/ir/builder.h"
#include "tartan/lang/parse.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/pool.h"
#include "tartan/ops/shape.h"
#include "tartan/schedule/tiling.h"

namespace tartan {
namespace {

void check_every_plan(const Program& program, std::mt19937_64& rng,
                      testing::CheckOptions options = {}) {
  for (const runtime::Device& device : testing::test_devices()) {
    for (int v = 0; v < testing::kForcedPlanVariants; ++v) {
      SCOPED_TRACE("plan " + testing::forced_plan_name(v));
      options.compile = testing::forcing_plan(v);
      testing::check_on_device(program, device, rng, options);
    }
  }
}

TEST(ScheduledKernels, ConvolutionsDenseAndBatchedMatmul) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 9, 11, 6});
  b.output(ops::relu(ops::conv2d(x, b.input("k", DType::kFloat32, {3, 3, 6, 12}),
                                 b.input("bias", DType::kFloat32, {12}),
                                 {.strides = {2, 2}, .padding = ops::Padding::same()})));
  b.output(ops::depthwise_conv2d(x, b.input("dk", DType::kFloat32, {3, 3, 6, 2}), {},
                                 {.padding = ops::Padding::same()}));
  const Tensor v = b.input("v", DType::kFloat32, {5, 13});
  b.output(ops::relu(
      ops::dense(v, b.input("w", DType::kFloat32, {13, 7}), b.input("wb", DType::kFloat32, {7}))));
  b.output(ops::matmul(b.input("a", DType::kFloat32, {3, 6, 10}),
                       b.input("m", DType::kFloat32, {3, 10, 9})));
  check_every_plan(b.build(), rng);
}

// Only the local-memory variants, on GEMM-like kernels of every kind the
// plan claims; `gemms` of the program's kernels must get the local plan (the others fall back
// to register tiles).
void check_local_plans(const Program& program, int gemms, std::mt19937_64& rng,
                       testing::CheckOptions options = {}) {
  for (const runtime::Device& device : testing::test_devices()) {
    for (int v = testing::kForcedPlanVariants - testing::kLocalPlanVariants;
         v < testing::kForcedPlanVariants; ++v) {
      SCOPED_TRACE("plan " + testing::forced_plan_name(v));
      int local = 0;
      options.compile.plan_override = [&local, v](const LoweredProgram& lowered,
                                                  const KernelGroup& group, const KernelPlan&) {
        const KernelPlan p = testing::forced_plan(v, lowered.program, group);
        local += p.uses_local_memory() ? 1 : 0;
        return p;
      };
      testing::check_on_device(program, device, rng, options);
      EXPECT_EQ(local, gemms);
    }
  }
}

// Dense with K below one chunk, strided 1x1 and padded 3x3 convolutions (implicit GEMM over the
// window), batched matmul, fused epilogues, int32 and float16.
TEST(ScheduledKernels, LocalMemoryGemms) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor v = b.input("v", DType::kFloat32, {5, 13});
  b.output(ops::relu(
      ops::dense(v, b.input("w", DType::kFloat32, {13, 7}), b.input("wb", DType::kFloat32, {7}))));
  const Tensor x = b.input("x", DType::kFloat32, {2, 9, 7, 10});
  b.output(ops::conv2d(x, b.input("k1", DType::kFloat32, {1, 1, 10, 19}),
                       b.input("b1", DType::kFloat32, {19}), {.strides = {2, 2}}));
  b.output(ops::relu6(ops::conv2d(x, b.input("k3", DType::kFloat32, {3, 3, 10, 9}), {},
                                  {.padding = ops::Padding::same()})));
  b.output(ops::matmul(b.input("a", DType::kFloat32, {3, 6, 10}),
                       b.input("m", DType::kFloat32, {3, 10, 9})));
  const Tensor ia = b.input("ia", DType::kInt32, {7, 12});
  const Tensor ib = b.input("ib", DType::kInt32, {12, 10});
  b.output(ops::matmul(ia, ib));
  b.output(ops::matmul(b.input("ha", DType::kFloat16, {7, 12}),
                       b.input("hb", DType::kFloat16, {12, 10})));
  testing::CheckOptions options;
  options.small_integer_inputs = {ia.id(), ib.id()};
  check_local_plans(b.build(), 6, rng, options);
}

// An operand read along its rows (transposed), constraints on rows and on columns, a default
// tensor, a fractional index, output rows no assignment reaches, a fused epilogue.
TEST(ScheduledKernels, LocalMemoryGemmsWithConstraintsDefaultsAndOddIndices) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = parse_program(R"(
function (A[9, 13], B[13, 11], T[13, 9], D[9, 11]) -> (O1, O2, O3, O4, O6) {
  O1[i, j : 9, 11] = +(T[k, i] * B[k, j]);
  O2[i, j : 9, 11] = +(A[i, k] * B[k, j]), i + k < 12, j < 9;
  O3[i, j : 9, 11] = +(A[i, k] * B[k, j]) default D;
  O4[i, j : 9, 11] = +(A[i, 2 * k / 3] * B[k, j]);
  O5[i, j : 11, 11] = +(A[i, k] * B[k, j]), k + j < 14;
  O6 = O5 * 2.0;
}
)");
  check_local_plans(program, 5, rng);
}

// A CPU's wide tiles: 32 channels (two 16-lane vector accumulators per row) by 7 or 3 rows
// (the latter with tile 0 the outermost work-item dimension, the former with the epilogue on
// vectors), on a 1x1 convolution, a padded 3x3 convolution, a depthwise convolution (both
// inputs along the channels: one vector load per row and vector) and a dense layer, with fused
// epilogues.
TEST(ScheduledKernels, TwoVectorTilesAlongChannels) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 7, 7, 24});
  b.output(ops::relu(ops::conv2d(x, b.input("k1", DType::kFloat32, {1, 1, 24, 64}),
                                 b.input("b1", DType::kFloat32, {64}))));
  b.output(ops::conv2d(x, b.input("k3", DType::kFloat32, {3, 3, 24, 32}), {},
                       {.padding = ops::Padding::same()}));
  b.output(ops::depthwise_conv2d(b.input("d", DType::kFloat32, {1, 6, 9, 32}),
                                 b.input("dk", DType::kFloat32, {3, 3, 32, 1}), {},
                                 {.padding = ops::Padding::same()}));
  b.output(ops::relu(ops::dense(b.input("v", DType::kFloat32, {6, 13}),
                                b.input("w", DType::kFloat32, {13, 32}),
                                b.input("wb", DType::kFloat32, {32}))));
  const Program program = b.build();
  for (const runtime::Device& device : testing::test_devices()) {
    for (const int rows : {7, 3}) {
      SCOPED_TRACE("32 x " + std::to_string(rows));
      testing::CheckOptions options;
      int wide = 0;
      options.compile.plan_override = [&wide, rows](const LoweredProgram& lowered,
                                                    const KernelGroup& group, const KernelPlan&) {
        const std::vector<int> dims = tileable_dims(lowered.program, group);
        KernelPlan p;
        p.work_group_size = 4;
        const Shape& out = lowered.program.tensor(group.output).shape;
        const bool contraction =
            std::holds_alternative<Contraction>(lowered.program.ops()[group.ops.front()]);
        if (!contraction || dims.size() < 2 || out.back() % 32 != 0) return p;
        p.tile[0] = {dims.back(), 32};
        p.tile[1] = {dims[dims.size() - 2], rows};
        p.vector_loads = true;
        p.unroll = 4;
        p.tile0_outermost = rows == 3;
        p.vector_epilogue = rows == 7;
        ++wide;
        return p;
      };
      testing::check_on_device(program, device, rng, options);
      EXPECT_EQ(wide, 4);
    }
  }
}

// The interior split (KernelPlan::split_interior): padded convolutions (same padding, stride 1
// and 2, a depthwise one, a 5x5 one) in tiles of 4 columns, so some work-items take the
// unguarded copy and the edge ones the guarded one, with vector and scalar channel tiles; and a
// convolution whose tiles all touch the padding (7 columns in one tile), which gets no copy.
TEST(ScheduledKernels, InteriorSplit) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 9, 17, 8});
  const ops::Conv2DOptions same{.padding = ops::Padding::same()};
  b.output(ops::relu(ops::conv2d(x, b.input("k3", DType::kFloat32, {3, 3, 8, 16}),
                                 b.input("b3", DType::kFloat32, {16}), same)));
  b.output(ops::conv2d(x, b.input("s2", DType::kFloat32, {3, 3, 8, 4}), {},
                       {.strides = {2, 2}, .padding = ops::Padding::same()}));
  b.output(ops::conv2d(x, b.input("k5", DType::kFloat32, {5, 5, 8, 4}), {}, same));
  b.output(ops::depthwise_conv2d(x, b.input("dk", DType::kFloat32, {3, 3, 8, 1}), {}, same));
  b.output(ops::conv2d(b.input("n", DType::kFloat32, {1, 7, 7, 8}),
                       b.input("nk", DType::kFloat32, {3, 3, 8, 4}), {}, same));
  const Program program = b.build();
  for (const runtime::Device& device : testing::test_devices()) {
    for (const int channels : {4, 1}) {
      SCOPED_TRACE(std::to_string(channels) + " channels per item");
      testing::CheckOptions options;
      int split = 0, single = 0;
      options.compile.plan_override = [&, channels](const LoweredProgram& lowered,
                                                    const KernelGroup& group, const KernelPlan&) {
        KernelPlan p;
        const std::vector<int> dims = tileable_dims(lowered.program, group);
        if (!std::holds_alternative<Contraction>(lowered.program.ops()[group.ops.front()]) ||
            dims.size() < 2) {
          return p;
        }
        const Shape& out = lowered.program.tensor(group.output).shape;
        const int columns = out[2] == 7 ? 7 : 4;
        p.tile[0] = channels > 1 ? TileDim{dims.back(), channels} : TileDim{};
        p.tile[1] = {dims[dims.size() - 2], columns};
        p.vector_loads = channels > 1;
        p.split_interior = true;
        p.work_group_size = 8;
        const bool copy = write_kernel(lowered, group, p).code.find("else {") != std::string::npos;
        ++(copy ? split : single);
        EXPECT_EQ(copy, columns == 4) << lowered.program.tensor(group.output).name;
        return p;
      };
      testing::check_on_device(program, device, rng, options);
      EXPECT_EQ(split, 4);
      EXPECT_EQ(single, 1);
    }
  }
}

// Constant weights read from panels of the tile's width: 40 output channels (the last panel of
// 32 partial, zero-padded), one constant read packed by two kernels in panels of 32 and 8 and as
// it is by a third, a strided convolution, a 1x1 convolution and a dense layer, with fused
// epilogues; whole vector tiles, a tile 0 outermost order, and 5-wide scalar tiles that divide
// nothing.
TEST(ScheduledKernels, PackedWeights) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 7, 7, 24});
  const Tensor k3 = testing::random_constant(b, "k3", {3, 3, 24, 40}, rng);
  b.output(ops::relu(ops::conv2d(x, k3, testing::random_constant(b, "b3", {40}, rng),
                                 {.padding = ops::Padding::same()})));
  b.output(ops::conv2d(b.input("x2", DType::kFloat32, {2, 5, 6, 24}), k3, {}, {.strides = {2, 2}}));
  b.output(ops::relu(k3 + b.input("y", DType::kFloat32, {3, 3, 24, 40})));
  b.output(ops::conv2d(x, testing::random_constant(b, "k1", {1, 1, 24, 64}, rng)));
  b.output(ops::relu(ops::dense(b.input("v", DType::kFloat32, {6, 13}),
                                testing::random_constant(b, "w", {13, 32}, rng),
                                testing::random_constant(b, "wb", {32}, rng))));
  const Program program = b.build();
  struct Shape2 {
    int cols, rows;
    bool vector, outermost;
  };
  for (const runtime::Device& device : testing::test_devices()) {
    for (const Shape2 t :
         {Shape2{32, 7, true, false}, Shape2{8, 3, true, true}, Shape2{5, 2, false, false}}) {
      SCOPED_TRACE(std::to_string(t.cols) + " x " + std::to_string(t.rows));
      testing::CheckOptions options;
      int packed = 0;
      options.compile.plan_override = [&packed, t](const LoweredProgram& lowered,
                                                   const KernelGroup& group, const KernelPlan&) {
        const std::vector<int> dims = tileable_dims(lowered.program, group);
        const Shape& out = lowered.program.tensor(group.output).shape;
        KernelPlan p;
        p.work_group_size = 4;
        if (!std::holds_alternative<Contraction>(lowered.program.ops()[group.ops.front()]) ||
            dims.size() < 2) {
          return p;
        }
        // The strided convolution (3x3 output) takes panels of 8 where the other takes 32.
        p.tile[0] = {dims.back(), out.size() == 4 && out[1] == 3 ? 8 : t.cols};
        p.tile[1] = {dims[dims.size() - 2], t.rows};
        p.vector_loads = t.vector;
        p.tile0_outermost = t.outermost;
        p.unroll = 2;
        return testing::with_packed_weights(p, lowered, group, &packed);
      };
      testing::check_on_device(program, device, rng, options);
      EXPECT_EQ(packed, 4);
    }
  }
}

// Every register variant with packed weights on random contractions whose operands but the
// first are constants.
TEST(ScheduledKernels, PackedWeightsOfRandomContractions) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  int packed = 0;
  // Two programs, and more (up to kMostPrograms) until some kernel qualifies for packing: a
  // random contraction may have no constant operand indexed by the tiled variable (about one
  // seed in six drew none in two programs).
  constexpr int kMostPrograms = 12;
  for (int p = 0; p < 2 || (packed == 0 && p < kMostPrograms); ++p) {
    Program program;
    testing::CheckOptions options;
    testing::add_random_contractions(&program, rng, 8, &options, true);
    for (const runtime::Device& device : testing::test_devices()) {
      for (int v = 0; v < testing::kForcedPlanVariants - testing::kLocalPlanVariants; ++v) {
        SCOPED_TRACE("plan " + testing::forced_plan_name(v) + ", packed weights");
        options.compile.plan_override = [&packed, v](const LoweredProgram& lowered,
                                                     const KernelGroup& group, const KernelPlan&) {
          return testing::with_packed_weights(testing::forced_plan(v, lowered.program, group),
                                              lowered, group, &packed);
        };
        testing::check_on_device(program, device, rng, options);
      }
    }
  }
  EXPECT_GT(packed, 0);  // some kernels read packed weights
}

TEST(ScheduledKernels, RandomContractions) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int p = 0; p < 2; ++p) {
    Program program;
    testing::CheckOptions options;
    testing::add_random_contractions(&program, rng, 10, &options);
    check_every_plan(program, rng, options);
  }
}

// Random chains of placements (passes/placement.h), each the default of the next, which fuse
// joins into one kernel: permuted input dimensions, offsets that put inputs partly outside the
// output, overlapping placements (the later one wins), a first default or none, int32 and
// float32; every forced plan tiles them along the first placement's dimensions.
Program random_placement_chains(std::mt19937_64& rng, int count) {
  Program p;
  const auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  for (int n = 0; n < count; ++n) {
    const std::string tag = std::to_string(n);
    const DType dtype = uniform(0, 3) == 0 ? DType::kInt32 : DType::kFloat32;
    Shape out;
    for (std::int64_t r = uniform(1, 3); r > 0; --r) out.push_back(uniform(2, 7));
    const std::size_t rank = out.size();
    std::optional<TensorId> chain;
    if (uniform(0, 1) == 0) chain = p.add_input("D" + tag, dtype, out);
    for (std::int64_t k = uniform(2, 4); k > 0; --k) {
      std::vector<int> perm(rank);
      for (std::size_t d = 0; d < rank; ++d) perm[d] = static_cast<int>(d);
      std::shuffle(perm.begin(), perm.end(), rng);
      Shape in_shape(rank);
      std::vector<Affine> out_idx, in_idx(rank);
      std::vector<std::string> names;
      for (std::size_t d = 0; d < rank; ++d) {
        const std::int64_t size = uniform(1, out[d] + 1);
        // Some of the input's extent along d lands inside the output.
        const std::int64_t offset = uniform(1 - size, out[d] - 1);
        names.push_back("v" + std::to_string(d));
        out_idx.push_back(testing::ix(static_cast<int>(d)) + testing::k(offset));
        in_shape[static_cast<std::size_t>(perm[d])] = size;
        in_idx[static_cast<std::size_t>(perm[d])] = testing::ix(static_cast<int>(d));
      }
      const TensorId in = p.add_input("I" + tag + "_" + std::to_string(k), dtype, in_shape);
      chain = p.add_contraction("", out,
                                testing::contraction(names, out_idx, AggOp::kAssign, CombOp::kNone,
                                                     {{in, in_idx}}, {}, chain));
    }
    p.add_output(*chain);
  }
  return p;
}

TEST(ScheduledKernels, RandomPlacementChains) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  check_every_plan(random_placement_chains(rng, 4), rng);
}

// DenseNet's dense block: each layer's pre-activation (per-channel scale and shift, relu) over
// the growing concatenation, a 1x1 then a padded 3x3 convolution, concatenated onto it.
TEST(ScheduledKernels, DenseBlockConcatenations) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  Tensor x = b.input("x", DType::kFloat32, {2, 5, 6, 8});
  for (int layer = 0; layer < 2; ++layer) {
    const std::string l = std::to_string(layer);
    const std::int64_t c = x.shape().back();
    Tensor y = ops::relu(ops::add(ops::mul(x, b.input("s" + l, DType::kFloat32, {c})),
                                  b.input("t" + l, DType::kFloat32, {c})));
    y = ops::relu(ops::conv2d(y, b.input("k" + l, DType::kFloat32, {1, 1, c, 12}), {}, {}));
    y = ops::conv2d(y, b.input("q" + l, DType::kFloat32, {3, 3, 12, 4}), {},
                    {.padding = ops::Padding::same()});
    x = ops::concatenate({x, y}, -1);
  }
  b.output(x);
  const Program program = b.build();
  for (const runtime::Device& device : testing::test_devices()) {
    testing::check_on_device(program, device, rng);
  }
  check_local_plans(program, 4, rng);  // the 1x1 (with prologues) and 3x3 convolutions
}

// Prologues (KernelGroup::prologue): a per-channel scale, shift and relu fused into the loads
// of a padded 3x3 convolution, a strided 1x1 convolution, a dense layer and a global average
// pool. The shift is positive, so relu(0 * s + t) != 0: padding must read 0 after the prologue,
// as the reference computes it, not run the prologue on a padded 0.
TEST(ScheduledKernels, ProloguesWithPadding) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const auto pre = [&](const Tensor& x, const std::string& name) {
    const std::int64_t c = x.shape().back();
    const Tensor t = b.input(name + "t", DType::kFloat32, {c});
    const Tensor shift = ops::mul(t, t);  // >= 0, computed by a kernel of its own
    return ops::relu(ops::add(ops::mul(x, b.input(name + "s", DType::kFloat32, {c})), shift));
  };
  const Tensor x = b.input("x", DType::kFloat32, {2, 7, 6, 10});
  b.output(ops::conv2d(pre(x, "a"), b.input("k", DType::kFloat32, {3, 3, 10, 12}), {},
                       {.padding = ops::Padding::same()}));
  b.output(ops::conv2d(pre(x, "b"), b.input("k1", DType::kFloat32, {1, 1, 10, 9}), {},
                       {.strides = {2, 2}}));
  const Tensor v = b.input("v", DType::kFloat32, {5, 13});
  b.output(ops::dense(pre(v, "c"), b.input("w", DType::kFloat32, {13, 7}), {}));
  b.output(ops::global_avg_pool2d(pre(x, "d")));
  check_every_plan(b.build(), rng);
}

// Each group-reduction variant on every kernel of `program` that has a reduction variable;
// `reductions` of them must get it (identical kernels are planned once).
void check_group_reductions(const Program& program, int reductions, std::mt19937_64& rng,
                            testing::CheckOptions options = {}) {
  for (const runtime::Device& device : testing::test_devices()) {
    for (int v = 0; v < testing::kGroupReduceVariants; ++v) {
      SCOPED_TRACE("plan " + testing::forced_group_reduce_name(v));
      int split = 0;
      options.compile.plan_override = [&split, v](const LoweredProgram& lowered,
                                                  const KernelGroup& group, const KernelPlan&) {
        const KernelPlan p = testing::forced_group_reduce(v, lowered.program, group);
        split += p.uses_group_reduce() ? 1 : 0;
        return p;
      };
      testing::check_on_device(program, device, rng, options);
      if (reductions >= 0) {
        EXPECT_EQ(split, reductions);
      }
    }
  }
}

// Every aggregation under group reductions: sums with a default, a constraint on an output and
// a reduction variable and a fused epilogue, a product, maxima and minima with unreached outputs
// (0) and a default, an assignment that one share of the split loop meets per output (others
// unreached), a conditional combination, a fractional index, int32, float16 and a scalar. The
// reduction (37) divides by no variant's share count, nor the outputs by its group.
TEST(ScheduledKernels, GroupReductionsOfEveryAggregation) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = parse_program(R"(
function (A[5, 37], B[37, 6], D[5, 6], DV[8], I[5, 37], J[37], H[5, 37]) ->
    (S, E, P, MX, MN, MU, AS, CS, FR, IS, HS, T) {
  S[i, j : 5, 6] = +(A[i, k] * B[k, j]) default D;
  S2[i, j : 5, 6] = +(A[i, k] * B[k, j]), i + k < 30;
  E = relu(S2 * 2.0 + D);
  P[i : 5] = *(A[i, k]), k < 11;
  MX[i, 0 : 5, 1] = >(A[i, k]);
  MN[i : 8] = <(A[i, k + 2]) default DV;
  MU[i : 8] = >(A[i, k]), k < 33;
  AS[i, j : 5, 12] = =(A[i, k]), 4 * j - k < 1, k - 4 * j < 1;
  CS[i : 5] = +(I[i, k] == J[k] ? A[i, k]);
  FR[i : 5] = +(A[i, 2 * k / 3]);
  IS[i : 5] = +(I[i, k] * J[k]);
  HS[i : 5] = +(H[i, k]);
  T[] = +(A[i, k]);
}
)");
  testing::CheckOptions options;
  for (std::size_t t = 0; t < program.tensors().size(); ++t) {
    const std::string& name = program.tensors()[t].name;
    if (name == "I" || name == "J")
      options.small_integer_inputs.push_back(static_cast<TensorId>(t));
  }
  check_group_reductions(program, 12, rng, options);
}

// Group reductions forced on random contractions (random ranks, strides, offsets, constraints,
// aggregations, defaults and epilogues). One compile per program: the variants take turns
// over its kernels (PoCL's compiles are what cost time here).
TEST(ScheduledKernels, GroupReductionsOfRandomContractions) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (const runtime::Device& device : testing::test_devices()) {
    for (int p = 0; p < 2; ++p) {
      Program program;
      testing::CheckOptions options;
      testing::add_random_contractions(&program, rng, 12, &options);
      int next = p, split = 0;
      options.compile.plan_override = [&next, &split](const LoweredProgram& lowered,
                                                      const KernelGroup& group, const KernelPlan&) {
        const KernelPlan plan = testing::forced_group_reduce(next++ % testing::kGroupReduceVariants,
                                                             lowered.program, group);
        split += plan.uses_group_reduce() ? 1 : 0;
        return plan;
      };
      testing::check_on_device(program, device, rng, options);
      EXPECT_GT(split, 0);  // most random contractions have a reduction variable
    }
  }
}

}  // namespace
}  // namespace tartan
