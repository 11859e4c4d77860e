// A representative set of generated kernels, small enough for the Oclgrind simulator: ctest
// runs this suite under `oclgrind --data-races --check-api` (label oclgrind) and fails on any
// out-of-bounds access or data race it reports; the harness's NaN poisoning catches reads of
// unwritten values. On ordinary devices the same cases also run as correctness checks.
#include <gtest/gtest.h>

#include "common/device_check.h"
#include "common/forced_plans.h"
#include "common/random_program.h"
#include "tartan/ir/builder.h"
#include "tartan/lang/parse.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/embedding.h"
#include "tartan/ops/pool.h"
#include "tartan/ops/shape.h"

namespace tartan {
namespace {

void check_everywhere(const Program& program, std::mt19937_64& rng,
                      const testing::CheckOptions& options = {}) {
  for (const runtime::Device& device : testing::test_devices()) {
    testing::check_on_device(program, device, rng, options);
  }
}

TEST(Oclgrind, ConvolutionsWithPaddingStridesAndEpilogues) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 7, 6, 3});
  // Edges: same padding with stride 2 on odd sizes, an even kernel, a fused bias + relu6.
  b.output(ops::relu6(ops::conv2d(x, b.input("k", DType::kFloat32, {3, 3, 3, 4}),
                                  b.input("bias", DType::kFloat32, {4}),
                                  {.strides = {2, 2}, .padding = ops::Padding::same()})));
  b.output(ops::conv2d(x, b.input("k2", DType::kFloat32, {2, 2, 3, 2}), {},
                       {.padding = ops::Padding::same()}));
  b.output(ops::depthwise_conv2d(x, b.input("dk", DType::kFloat32, {3, 3, 3, 2}), {},
                                 {.padding = ops::Padding::same()}));
  b.output(ops::max_pool2d(
      x, {.pool_size = {3, 3}, .strides = {2, 2}, .padding = ops::Padding::same()}));
  b.output(ops::avg_pool2d(
      x, {.pool_size = {2, 2}, .strides = {2, 2}, .padding = ops::Padding::same()}));
  check_everywhere(b.build(), rng);
}

TEST(Oclgrind, DenseSoftmaxGatherAndBroadcasts) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {3, 13});
  b.output(ops::softmax(ops::dense(x, b.input("w", DType::kFloat32, {13, 5}),
                                   b.input("bias", DType::kFloat32, {5}))));
  b.output(ops::embedding(b.input("ids", DType::kInt32, {2, 3}),
                          b.input("table", DType::kFloat32, {4, 6})));
  b.output(ops::swish(ops::mul(x, b.input("s", DType::kFloat32, {1, 13}))));
  check_everywhere(b.build(), rng);
}

// A concatenation is one kernel (fuse joins its placements): along the channels with a fused
// relu, and along a middle axis with a padded input.
TEST(Oclgrind, ConcatenationsAsOneKernel) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 3, 4, 5});
  const Tensor y = b.input("y", DType::kFloat32, {2, 3, 4, 3});
  b.output(ops::relu(ops::concatenate({x, y, ops::mul(x, x)}, -1)));
  b.output(ops::concatenate({ops::zero_padding2d(x, 1, 0, 0, 0), x}, 1));
  check_everywhere(b.build(), rng);
}

// A prologue (a per-channel scale and shift with relu) in the loads of a padded convolution,
// with the cost model's plan and a local-memory GEMM plan.
TEST(Oclgrind, ConvolutionWithAPrologue) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 5, 6, 7});
  const Tensor pre = ops::relu(ops::add(ops::mul(x, b.input("s", DType::kFloat32, {7})),
                                        b.input("t", DType::kFloat32, {7})));
  b.output(ops::conv2d(pre, b.input("k", DType::kFloat32, {3, 3, 7, 5}), {},
                       {.padding = ops::Padding::same()}));
  const Program program = b.build();
  check_everywhere(program, rng);
  testing::CheckOptions options;
  options.compile.plan_override = [](const LoweredProgram& lowered, const KernelGroup& group,
                                     const KernelPlan& chosen) {
    const KernelPlan p =
        testing::forced_plan(testing::kForcedPlanVariants - 1, lowered.program, group);
    return p.uses_local_memory() ? p : chosen;
  };
  check_everywhere(program, rng, options);
}

// Winograd's transform kernels (KernelPlan::transform): 4x4 input tiles reaching past padded
// and odd edges, 2x2 output tiles cut by an odd edge, float4 and float2 loads and stores along
// channels and scalar ones, a fused bias + ReLU.
TEST(Oclgrind, WinogradTransformKernels) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 5, 3, 8});
  b.output(ops::relu(ops::conv2d(x, testing::random_constant(b, "k", {3, 3, 8, 6}, rng),
                                 testing::random_constant(b, "bias", {6}, rng),
                                 {.padding = ops::Padding::same()})));
  b.output(ops::conv2d(x, testing::random_constant(b, "k2", {3, 3, 8, 3}, rng), {}));
  testing::CheckOptions options;
  options.compile.pipeline.winograd = {true, 1, 1, 0.0};
  check_everywhere(b.build(), rng, options);
}

// Register tiles (whole and partial at the edges, 1xN and Nx1), vector loads and unrolling, and
// local-memory GEMM plans on the convolution and the matmul: every access of every tile
// element must stay in bounds.
TEST(Oclgrind, TiledKernelsAndEdgeTiles) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 5, 7, 3});
  b.output(ops::relu(ops::conv2d(x, b.input("k", DType::kFloat32, {3, 3, 3, 10}),
                                 b.input("bias", DType::kFloat32, {10}),
                                 {.strides = {2, 2}, .padding = ops::Padding::same()})));
  b.output(ops::depthwise_conv2d(x, b.input("dk", DType::kFloat32, {3, 3, 3, 1}), {},
                                 {.padding = ops::Padding::same()}));
  b.output(ops::matmul(b.input("a", DType::kFloat32, {2, 5, 6}),
                       b.input("m", DType::kFloat32, {2, 6, 9})));
  const Program program = b.build();
  for (int v = 0; v < testing::kForcedPlanVariants; ++v) {
    SCOPED_TRACE("plan " + testing::forced_plan_name(v));
    testing::CheckOptions options;
    options.compile = testing::forcing_plan(v);
    check_everywhere(program, rng, options);
  }
}

// The fused epilogue on vectors (KernelPlan::vector_epilogue, forced variant 3): vector loads
// of a residual and a bias, a splat per-row scale, relu6, in 8 x 2 tiles over 5 rows (the last
// tile half outside).
TEST(Oclgrind, VectorEpilogue) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor d =
      ops::dense(b.input("v", DType::kFloat32, {5, 13}), b.input("w", DType::kFloat32, {13, 16}),
                 b.input("wb", DType::kFloat32, {16}));
  b.output(ops::relu6(d * b.input("s", DType::kFloat32, {5, 1}) +
                      b.input("r", DType::kFloat32, {5, 16})));
  testing::CheckOptions options;
  options.compile = testing::forcing_plan(3);
  check_everywhere(b.build(), rng, options);
}

// Packed constant weights (schedule/packing.h) under every register variant: a convolution
// with 10 output channels (no tile width divides it: the last panel is zero-padded) and a dense
// layer; every read of a packed copy must stay inside it.
TEST(Oclgrind, PackedWeights) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 5, 7, 3});
  b.output(ops::relu(ops::conv2d(x, testing::random_constant(b, "k", {3, 3, 3, 10}, rng), {},
                                 {.strides = {2, 2}, .padding = ops::Padding::same()})));
  b.output(ops::dense(b.input("v", DType::kFloat32, {3, 13}),
                      testing::random_constant(b, "w", {13, 12}, rng)));
  const Program program = b.build();
  int packed = 0;
  for (int v = 0; v < testing::kForcedPlanVariants - testing::kLocalPlanVariants; ++v) {
    SCOPED_TRACE("plan " + testing::forced_plan_name(v) + ", packed weights");
    testing::CheckOptions options;
    options.compile.plan_override = [&packed, v](const LoweredProgram& lowered,
                                                 const KernelGroup& group, const KernelPlan&) {
      return testing::with_packed_weights(testing::forced_plan(v, lowered.program, group), lowered,
                                          group, &packed);
    };
    check_everywhere(program, rng, options);
  }
  // Both kernels on every device under the four variants whose tile 0 is the channels.
  EXPECT_EQ(packed, static_cast<int>(8 * testing::test_devices().size()));
}

// Local-memory GEMM plans (also forced above on the convolution and the matmul) with
// constraints, a default tensor, a transposed operand, a fractional index and unreached rows:
// every cooperative load must stay in bounds and the barriers must separate the chunks.
TEST(Oclgrind, LocalMemoryGemmEdges) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = parse_program(R"(
function (A[5, 7], B[7, 6], T[7, 5], D[5, 6]) -> (O1, O2, O3) {
  O1[i, j : 5, 6] = +(T[k, i] * B[k, j]), i + k < 9, j < 5;
  O2[i, j : 5, 6] = +(A[i, 2 * k / 3] * B[k, j]) default D;
  O3[i, j : 7, 6] = +(A[i, k] * B[k, j]);
}
)");
  for (int v = testing::kForcedPlanVariants - testing::kLocalPlanVariants;
       v < testing::kForcedPlanVariants; ++v) {
    SCOPED_TRACE("plan " + testing::forced_plan_name(v));
    testing::CheckOptions options;
    options.compile = testing::forcing_plan(v);
    check_everywhere(program, rng, options);
  }
}

// Group reductions (every forced variant): the tree's barriers must separate its steps, shares
// past the reduction's end and items past the outputs' end must stay in bounds, and only the
// owning item may store.
TEST(Oclgrind, GroupReductions) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = parse_program(R"(
function (A[3, 21], B[21, 5], D[3, 5]) -> (S, M, AS) {
  S0[i, j : 3, 5] = +(A[i, k] * B[k, j]) default D;
  S = relu(S0);
  M[i : 4] = >(A[i, k]), k < 19;
  AS[i, j : 3, 7] = =(A[i, k]), 4 * j - k < 1, k - 4 * j < 1;
}
)");
  for (int v = 0; v < testing::kGroupReduceVariants; ++v) {
    SCOPED_TRACE("plan " + testing::forced_group_reduce_name(v));
    testing::CheckOptions options;
    options.compile = testing::forcing_group_reduce(v);
    check_everywhere(program, rng, options);
  }
}

TEST(Oclgrind, RandomContractions) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Program program;
  testing::CheckOptions options;
  testing::add_random_contractions(&program, rng, 12, &options);
  check_everywhere(program, rng, options);
}

}  // namespace
}  // namespace tartan
