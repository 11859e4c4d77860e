// The fused epilogue on whole vectors (KernelPlan::vector_epilogue) against the reference:
// relu6 (NaN-propagating max and min) after a bias, contiguous operands (a residual, a
// per-column bound) and broadcast ones (a per-row scale, literals), neg, abs, div, relu; two
// vectors per tile run and one, partial tiles along tile 1. A kernel whose epilogue has an op
// with no vector form (sigmoid) keeps the per-lane form. NaNs in the inputs must come out where
// the reference puts them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "common/device_check.h"
#include "tartan/codegen/kernel_writer.h"
#include "tartan/compiler.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/reference/executor.h"
#include "tartan/schedule/tiling.h"

namespace tartan {
namespace {

Program epilogue_program() {
  Builder b;
  b.output(ops::relu6(ops::conv2d(b.input("x", DType::kFloat32, {1, 5, 7, 24}),
                                  b.input("k", DType::kFloat32, {1, 1, 24, 32}),
                                  b.input("bias", DType::kFloat32, {32}))));
  const Tensor v = b.input("v", DType::kFloat32, {7, 13});
  const Tensor d = ops::dense(v, b.input("w", DType::kFloat32, {13, 16}));
  const Tensor t =
      max(-(d * b.input("s", DType::kFloat32, {7, 1}) + b.input("r", DType::kFloat32, {7, 16})),
          b.input("m", DType::kFloat32, {16}));
  b.output(min(relu(abs(t) / 2.0 - 0.1), 0.7));
  b.output(sigmoid(ops::dense(v, b.input("w2", DType::kFloat32, {13, 16})) * 3.0));
  return b.build();
}

// Tiles of one or two whole vectors along the channels and 3 (not dividing 7) along the rows,
// with the vector epilogue; counts the contraction kernels whose code stores an epilogue vector
// (or the accumulator itself) rather than a vector built from lanes. On GPUs at most 16 lanes:
// NVIDIA's compiler (580.159.04) segfaults building a kernel with two float16 accumulators per
// run, which no GPU profile plans (results/perf-notes.md, "Open: NVIDIA's OpenCL compiler").
CompileOptions vector_plans(const runtime::Device& device, int* on_vectors, int* per_lane) {
  const bool gpu = device.info.type == runtime::DeviceType::kGpu;
  CompileOptions o;
  o.plan_override = [=](const LoweredProgram& lowered, const KernelGroup& group,
                        const KernelPlan& chosen) {
    const std::vector<int> dims = tileable_dims(lowered.program, group);
    const Shape& out = lowered.program.tensor(group.output).shape;
    if (!std::holds_alternative<Contraction>(lowered.program.ops()[group.ops.front()]) ||
        dims.size() < 2) {
      return chosen;
    }
    KernelPlan p;
    const auto channels = static_cast<int>(out.back());
    p.tile[0] = {dims.back(), gpu ? std::min(channels, 16) : channels};
    p.tile[1] = {dims[dims.size() - 2], 3};
    p.vector_loads = true;
    p.vector_epilogue = true;
    p.work_group_size = 4;
    const std::string code = write_kernel(lowered, group, p).code;
    const bool vectors =
        std::regex_search(code, std::regex(R"(vstore[0-9]+\((epi|accv)[0-9a-z_]*, )"));
    const bool lanes = std::regex_search(code, std::regex(R"(vstore[0-9]+\(\(float[0-9]+\)\()"));
    EXPECT_NE(vectors, lanes) << code;
    ++(vectors ? *on_vectors : *per_lane);
    return p;
  };
  return o;
}

TEST(VectorEpilogue, MatchesTheReferenceOnRandomInputs) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = epilogue_program();
  for (const runtime::Device& device : testing::test_devices()) {
    testing::CheckOptions options;
    int on_vectors = 0, per_lane = 0;
    options.compile = vector_plans(device, &on_vectors, &per_lane);
    testing::check_on_device(program, device, rng, options);
    EXPECT_EQ(on_vectors, 2);
    EXPECT_EQ(per_lane, 1);
  }
}

// NaN in an operand of max/min (the accumulator, the bias, the residual, the bound): NaN out,
// exactly where the reference has it; the other elements match.
TEST(VectorEpilogue, PropagatesNaNLikeTheReference) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = epilogue_program();
  std::vector<HostTensor> inputs;
  for (TensorId id : program.inputs()) {
    const TensorInfo& t = program.tensor(id);
    inputs.push_back(random_tensor(t.dtype, t.shape, rng));
    if (t.name == "w" || t.name == "w2" || t.name == "k") continue;
    // Rarely in the reduction's inputs (one NaN spoils a whole pixel or row), often elsewhere.
    std::uniform_int_distribution<int> coin(0, t.name == "x" || t.name == "v" ? 150 : 9);
    for (double& x : inputs.back().values) {
      if (coin(rng) == 0) x = NAN;
    }
  }
  const std::vector<HostTensor> want = reference_run(program, inputs);
  for (const runtime::Device& device : testing::test_devices()) {
    SCOPED_TRACE(device.info.name);
    int on_vectors = 0, per_lane = 0;
    const std::vector<HostTensor> got =
        compile(program, device, vector_plans(device, &on_vectors, &per_lane))
            .run(inputs, {.poison = true});
    EXPECT_EQ(on_vectors, 2);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t o = 0; o < want.size(); ++o) {
      int nans = 0;
      for (std::size_t i = 0; i < want[o].values.size(); ++i) {
        const double w = want[o].values[i], g = got[o].values[i];
        nans += std::isnan(w) ? 1 : 0;
        ASSERT_EQ(std::isnan(g), std::isnan(w)) << "output " << o << " element " << i;
        if (!std::isnan(w)) {
          EXPECT_NEAR(g, w, 1e-4 * (1 + std::abs(w))) << "output " << o << " element " << i;
        }
      }
      // (The per-lane kernel's NaNs come only from rare ones in v.)
      if (o < 2) {
        EXPECT_GT(nans, 0) << "output " << o << ": the test should reach NaN";
      }
    }
  }
}

}  // namespace
}  // namespace tartan
