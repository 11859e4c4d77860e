// A whole network through the compiler's pass pipeline (batch norm folding, padding folding,
// fusion, ...) computes what the unoptimised network computes.
#include "tartan/passes/pipeline.h"

#include <gtest/gtest.h>

#include <random>

#include "networks/test_weights.h"
#include "tartan/networks/applications.h"
#include "tartan/reference/executor.h"

namespace tartan::networks {
namespace {

TEST(NetworkPipeline, MobileNetV2LoweredMatchesUnoptimised) {
  NetworkOptions options;
  options.alpha = 0.35;
  options.input_size = 32;
  options.batch = 2;
  testing::TestWeights weights;
  const BuiltNetwork net = mobilenet_v2(options, weights);
  std::mt19937_64 rng(5);
  const HostTensor input = random_tensor(DType::kFloat32, {2, 32, 32, 3}, rng);
  const std::vector<HostTensor> want = reference_run(net.program, {input});
  const LoweredProgram lowered = run_pipeline(net.program);
  const std::vector<HostTensor> got = reference_run(lowered.program, {input});
  ASSERT_EQ(got.size(), 1u);
  // Folded weights are stored as float32, so the two differ by float32 rounding only.
  EXPECT_LT(relative_error(got[0], want[0]), 1e-6);
  // Batch norm folds into the convolutions: far fewer kernels than ops.
  EXPECT_LT(lowered.kernels.size(), net.program.ops().size() / 2);
}

}  // namespace
}  // namespace tartan::networks
