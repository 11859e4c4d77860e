#include "tartan/passes/pipeline.h"

#include "passes/passes_test_util.h"

namespace tartan {
namespace {

using namespace tartan::testing;

// MobileNet's first block: conv 3x3 - BN - ReLU6 - depthwise 3x3 - BN - ReLU6 - pointwise 1x1,
// with ZeroPadding2D before each 3x3.
Program mobilenet_block(std::mt19937_64& rng) {
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 6, 6, 3});
  TensorId t = conv2d(&p, "conv1", zero_pad(&p, "pad1", x),
                      random_constant(&p, rng, "conv1_w", {3, 3, 3, 4}));
  t = relu6(&p, "relu1", batch_norm(&p, rng, "bn1", t));
  t = depthwise2d(&p, "dw", zero_pad(&p, "pad2", t), random_constant(&p, rng, "dw_w", {3, 3, 4}));
  t = relu6(&p, "relu2", batch_norm(&p, rng, "bn2", t));
  t = conv2d(&p, "pw", t, random_constant(&p, rng, "pw_w", {1, 1, 4, 5}));
  p.add_output(t);
  return p;
}

TEST(Pipeline, MobileNetBlockBecomesThreeKernels) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  const Program p = mobilenet_block(seeded.rng);
  const LoweredProgram lp = run_pipeline(p);

  // Pads folded, batch norms folded into weights + bias, bias and ReLU6 fused as epilogues.
  ASSERT_EQ(lp.kernels.size(), 3u);
  EXPECT_EQ(lp.kernels[0].ops.size(), 4u);  // conv, bias, max, min
  EXPECT_EQ(lp.kernels[1].ops.size(), 4u);  // depthwise, bias, max, min
  EXPECT_EQ(lp.kernels[2].ops.size(), 1u);  // pointwise
  for (const KernelGroup& k : lp.kernels) {
    EXPECT_TRUE(std::holds_alternative<Contraction>(lp.program.ops()[k.ops[0]]));
  }
  EXPECT_EQ(lp.program.ops().size(), 9u);

  // Memory: input 6*6*3 and output 6*6*5 floats; weights 3*3*3*4 + 4 (bias) + 3*3*4 + 4 + 4*5
  // floats plus the two ReLU6 literals; the two 6*6*4-float intermediates (576 B -> 768 B)
  // are live together while the depthwise kernel reads one and writes the other.
  const MemoryPlan& m = lp.memory;
  EXPECT_EQ(m.io_bytes, (108u + 180u) * 4);
  EXPECT_EQ(m.constant_bytes, (108u + 4 + 36 + 4 + 20 + 2) * 4);
  EXPECT_EQ(m.arena_bytes, 2 * 768u);
  EXPECT_EQ(m.peak_bytes(), 1152u + 696u + 1536u);

  const std::vector<HostTensor> inputs = random_inputs(p, seeded.rng);
  const HostTensor want = reference_run(p, inputs).at(0);
  EXPECT_LT(relative_error(reference_run(lp.program, inputs).at(0), want), 1e-6);
  EXPECT_LT(relative_error(run_planned(lp, inputs).at(0), want), 1e-6);
}

TEST(Pipeline, WithoutFusionEveryOpIsAKernel) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  const Program p = mobilenet_block(seeded.rng);
  PipelineOptions options;
  options.fuse = false;
  options.dump_after_each_pass = true;
  const LoweredProgram lp = run_pipeline(p, options);
  EXPECT_EQ(lp.kernels.size(), lp.program.ops().size());
  const std::vector<HostTensor> inputs = random_inputs(p, seeded.rng);
  EXPECT_LT(relative_error(run_planned(lp, inputs).at(0), reference_run(p, inputs).at(0)), 1e-6);
}

}  // namespace
}  // namespace tartan
