// Winograd F(2x2, 3x3) convolutions (core/passes/winograd.h) compiled for every device and
// compared with the reference executor of the original program, outputs poisoned: with the
// cost model's plans and with forced plan variants, so register tiles across the output
// transform's fractional tile indices and local-memory GEMM plans on the batched GEMM and the
// input transform are all exercised.
#include <gtest/gtest.h>

#include "common/device_check.h"
#include "common/forced_plans.h"
#include "common/test_env.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/passes/pipeline.h"
#include "tartan/reference/host_tensor.h"
#include "tartan/schedule/plan.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

Tensor constant(Builder& b, std::mt19937_64& rng, const std::string& name, Shape shape) {
  const HostTensor h = random_tensor(DType::kFloat32, shape, rng);
  return b.constant(name, shape, ConstantData::from_doubles(DType::kFloat32, h.values));
}

// Same padding with bias + ReLU on odd sizes; valid padding on even sizes, C and K not
// multiples of 4.
Program convolutions(std::mt19937_64& rng) {
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 7, 5, 6});
  b.output(ops::relu(ops::conv2d(x, constant(b, rng, "k1", {3, 3, 6, 9}),
                                 constant(b, rng, "b1", {9}), {.padding = ops::Padding::same()})));
  const Tensor y = b.input("y", DType::kFloat32, {1, 8, 6, 5});
  b.output(ops::conv2d(y, constant(b, rng, "k2", {3, 3, 5, 7}), {}));
  return b.build();
}

TEST(WinogradOnDevice, ConvolutionsMatchTheReference) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const Program program = convolutions(rng);
  {
    PipelineOptions on;
    on.winograd = {true, 1, 1, 0.0};
    const LoweredProgram lowered = run_pipeline(program, on);
    std::size_t contractions = 0;
    for (const Op& op : lowered.program.ops()) {
      contractions += std::holds_alternative<Contraction>(op);
    }
    ASSERT_EQ(contractions, 6u);  // the test runs what it means to
  }
  for (const runtime::Device& device : testing::test_devices()) {
    // Cost model; register tiles 4x3 (vector loads, unrolled) and 2x4 (scalar); local plans with
    // K chunk 4 double-buffered and with float4 reads. Not all ten: each is a PoCL build.
    for (int v : {-1, 2, 4, 5, 8}) {
      SCOPED_TRACE(v < 0 ? "cost model" : "plan " + testing::forced_plan_name(v));
      testing::CheckOptions options;
      if (v >= 0) options.compile = testing::forcing_plan(v);
      options.compile.pipeline.winograd = {true, 1, 1, 0.0};
      testing::check_on_device(program, device, rng, options);
    }
  }
}

// The transform kernels (KernelPlan::transform, schedule/transform_shape.h) on every device:
// the cost model gives both transforms of every convolution that plan, each work-item one 4x4
// input tile (and one 2x2 output tile) with vector loads and stores along channels where the
// channel counts allow 4 or 2 lanes, scalar ones otherwise. Odd and even sizes, same and valid
// padding, batch > 1, fused bias + ReLU; outputs poisoned, against the reference executor.
TEST(WinogradOnDevice, TransformKernelsMatchTheReference) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Builder b;
  // C 8, K 12: 4 lanes both ways; same padding on 5 x 7, batch 3, bias + ReLU.
  const Tensor x = b.input("x", DType::kFloat32, {3, 5, 7, 8});
  b.output(ops::relu(ops::conv2d(x, constant(b, rng, "k1", {3, 3, 8, 12}),
                                 constant(b, rng, "b1", {12}), {.padding = ops::Padding::same()})));
  // C 6, K 10: 2 lanes; valid padding on 9 x 6 (output 7 x 4), batch 2.
  const Tensor y = b.input("y", DType::kFloat32, {2, 9, 6, 6});
  b.output(ops::conv2d(y, constant(b, rng, "k2", {3, 3, 6, 10}), {}));
  // C 3, K 5: scalar; same padding on 4 x 3.
  const Tensor z = b.input("z", DType::kFloat32, {1, 4, 3, 3});
  b.output(
      ops::conv2d(z, constant(b, rng, "k3", {3, 3, 3, 5}), {}, {.padding = ops::Padding::same()}));
  const Program program = b.build();
  for (const runtime::Device& device : testing::test_devices()) {
    int transforms = 0;
    testing::CheckOptions options;
    options.compile.pipeline.winograd = {true, 1, 1, 0.0};
    options.compile.plan_override = [&transforms](const LoweredProgram&, const KernelGroup&,
                                                  const KernelPlan& chosen) {
      transforms += chosen.transform ? 1 : 0;
      return chosen;
    };
    testing::check_on_device(program, device, rng, options);
    EXPECT_EQ(transforms, 6) << device.info.id;  // V and O of each convolution
  }
}

// TARTAN_WINOGRAD overrides the device profile (off on PoCL) with its thresholds (64 channels
// by default); anything but 0 or 1 is an Error naming it.
TEST(WinogradOnDevice, EnvironmentSwitchesItOnAndOff) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 6, 6, 64});
  b.output(
      ops::conv2d(x, constant(b, rng, "k", {3, 3, 64, 64}), {}, {.padding = ops::Padding::same()}));
  const Program program = b.build();
  const runtime::Device device = testing::test_devices().front();
  {
    testing::ScopedEnv on("TARTAN_WINOGRAD", "1");
    EXPECT_EQ(compile(program, device).stats().kernels, 3);
    testing::check_on_device(program, device, rng);
  }
  {
    testing::ScopedEnv off("TARTAN_WINOGRAD", "0");
    EXPECT_EQ(compile(program, device).stats().kernels, 1);
  }
  testing::ScopedEnv bad("TARTAN_WINOGRAD", "yes");
  try {
    compile(program, device);
    ADD_FAILURE() << "TARTAN_WINOGRAD=yes was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("TARTAN_WINOGRAD"), std::string::npos) << e.what();
    EXPECT_FALSE(e.hint().empty());
  }
}

}  // namespace
}  // namespace tartan
