// The local-memory plans the block search (schedule/local_plan.h) picks for a GPU, forced onto
// every test device (PoCL included) against the reference: 1x7, 7x1, 3x3 and 1x1 convolutions
// whose output channels (96, 40, 32, 48) and pixel counts leave partial blocks, with fused
// epilogues, under compute-unit counts that make the search pick large and small blocks (K >= 256
// but for the 1x1, which keeps the old rule on the many-unit device).
#include <gtest/gtest.h>

#include <set>

#include "common/device_check.h"
#include "common/searching_gpu.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/tiling.h"

namespace tartan {
namespace {

using testing::searching_gpu;

TEST(LocalPlanSearch, ChosenPlansMatchTheReference) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 8, 6, 40});
  const ops::Conv2DOptions same{.padding = ops::Padding::same()};
  b.output(ops::relu(ops::conv2d(x, b.input("k17", DType::kFloat32, {1, 7, 40, 96}),
                                 b.input("b17", DType::kFloat32, {96}), same)));
  b.output(ops::conv2d(x, b.input("k71", DType::kFloat32, {7, 1, 40, 40}), {}, same));
  b.output(ops::conv2d(x, b.input("k33", DType::kFloat32, {3, 3, 40, 32}), {}, {}));
  b.output(ops::conv2d(x, b.input("k11", DType::kFloat32, {1, 1, 40, 48}), {}, same));
  const Program program = b.build();
  for (const runtime::Device& device : testing::test_devices()) {
    std::set<std::string> seen;
    for (const std::size_t units : {1, 132}) {
      SCOPED_TRACE(std::to_string(units) + " compute units");
      int local = 0;
      testing::CheckOptions options;
      options.compile.plan_override = [&](const LoweredProgram& lowered, const KernelGroup& group,
                                          const KernelPlan& model) {
        const KernelPlan p = choose_plan(lowered, group, searching_gpu(units, 256));
        if (!p.uses_local_memory()) return model;
        ++local;
        seen.insert(p.describe());
        return p;
      };
      testing::check_on_device(program, device, rng, options);
      EXPECT_EQ(local, 4);
    }
    EXPECT_GE(seen.size(), 4u);  // the compute-unit counts did vary the blocks
  }
}

}  // namespace
}  // namespace tartan
