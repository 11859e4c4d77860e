// Register tiles, vector loads and unrolling on every device against the reference: plans are
// forced (tiles that do not divide the sizes, 1xN, Nx1, vector loads on and off) onto
// convolutions with padding and strides, a depthwise convolution, a dense layer, a batched
// matmul and a sample of random contractions.
#include <gtest/gtest.h>

#include "common/device_check.h"
#include "common/forced_plans.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"

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
  std::mt19937_64 rng(std::random_device{}());
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

TEST(ScheduledKernels, RandomContractions) {
  const std::uint64_t seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int p = 0; p < 2; ++p) {
    Program program;
    testing::CheckOptions options;
    testing::add_random_contractions(&program, rng, 10, &options);
    check_every_plan(program, rng, options);
  }
}

}  // namespace
}  // namespace tartan
