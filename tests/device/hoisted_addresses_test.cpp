// Hoisted addresses (KernelPlan::hoist_addresses) on every device against the reference: padded
// convolutions whose edge tiles read through clamped pointers, with constant finite weights
// (the multiply-add loses its guard), run-time weights, constant weights holding infinity and
// NaN (the guard stays: 0 times them is NaN, where a skipped padding tap adds nothing), and
// packed weights whose last tile is partial (clamped pointers into the panels' lanes).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/device_check.h"
#include "common/random_program.h"
#include "tartan/codegen/kernel_writer.h"
#include "tartan/compiler.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/reference/executor.h"
#include "tartan/schedule/packing.h"
#include "tartan/schedule/tiling.h"

namespace tartan {
namespace {

// Random weights with +infinity and NaN at taps that the edge outputs read from the padding.
Tensor weights_with_non_finite(Builder& b, const Shape& shape, std::mt19937_64& rng) {
  HostTensor w = random_tensor(DType::kFloat32, shape, rng);
  const auto at = [&](std::int64_t i, std::int64_t j, std::int64_t c, std::int64_t k) {
    return static_cast<std::size_t>(((i * shape[1] + j) * shape[2] + c) * shape[3] + k);
  };
  w.values[at(0, 0, 1, 2)] = std::numeric_limits<double>::infinity();
  w.values[at(2, 2, 3, 0)] = std::numeric_limits<double>::quiet_NaN();
  return b.constant("kinf", shape, ConstantData::from_doubles(DType::kFloat32, w.values));
}

// Element by element: NaN where the reference has NaN, the same infinity where it has one, and
// within `tol` of the reference's norm elsewhere.
void expect_matches(const HostTensor& got, const HostTensor& want, const std::string& label) {
  ASSERT_EQ(got.values.size(), want.values.size());
  double norm = 0;
  for (double v : want.values) norm += std::isfinite(v) ? v * v : 0;
  const double tol = 1e-5 * std::max(std::sqrt(norm), 1.0);
  int non_finite = 0;
  for (std::size_t k = 0; k < want.values.size(); ++k) {
    const double w = want.values[k], g = got.values[k];
    if (std::isnan(w)) {
      EXPECT_TRUE(std::isnan(g)) << label << " element " << k << ": " << g << ", want NaN";
    } else if (std::isinf(w)) {
      EXPECT_EQ(g, w) << label << " element " << k;
    } else {
      ASSERT_TRUE(std::isfinite(g)) << label << " element " << k << ": " << g << ", want " << w;
      EXPECT_NEAR(g, w, tol) << label << " element " << k;
    }
    non_finite += std::isfinite(w) ? 0 : 1;
  }
  // The weights' infinity and NaN reach the interior outputs but not all of the edge ones.
  if (label == "kinf") {
    EXPECT_GT(non_finite, 0);
    EXPECT_LT(non_finite, static_cast<int>(want.values.size()));
  }
}

TEST(HoistedAddresses, PaddedConvolutionsMatchTheReference) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 9, 17, 8});
  const ops::Conv2DOptions same{.padding = ops::Padding::same()};
  b.output(ops::relu(ops::conv2d(x, testing::random_constant(b, "kc", {3, 3, 8, 16}, rng),
                                 testing::random_constant(b, "bc", {16}, rng), same)));
  b.output(ops::conv2d(x, b.input("kr", DType::kFloat32, {3, 3, 8, 4}), {},
                       {.strides = {2, 2}, .padding = ops::Padding::same()}));
  b.output(ops::conv2d(x, weights_with_non_finite(b, {3, 3, 8, 4}, rng), {}, same));
  b.output(
      ops::depthwise_conv2d(x, testing::random_constant(b, "kd", {3, 3, 8, 1}, rng), {}, same));
  // 6 output channels in tiles of 4: the packed weights' last lanes are guarded.
  b.output(ops::conv2d(x, testing::random_constant(b, "kp", {3, 3, 8, 6}, rng), {}, same));
  const Program program = b.build();
  const std::vector<std::string> labels{"kc", "kr", "kinf", "kd", "kp"};

  std::vector<HostTensor> inputs;
  for (TensorId id : program.inputs()) {
    inputs.push_back(random_tensor(DType::kFloat32, program.tensor(id).shape, rng));
  }
  const std::vector<HostTensor> want = reference_run(program, inputs);
  for (const runtime::Device& device : testing::test_devices()) {
    for (const bool split : {false, true}) {
      SCOPED_TRACE(device.info.id + (split ? ", interior split" : ", one guarded copy"));
      int hoisted = 0, unguarded = 0;
      CompileOptions options;
      options.plan_override = [&](const LoweredProgram& lowered, const KernelGroup& group,
                                  const KernelPlan&) {
        KernelPlan p;
        const std::vector<int> dims = tileable_dims(lowered.program, group);
        if (!std::holds_alternative<Contraction>(lowered.program.ops()[group.ops.front()]) ||
            dims.size() < 2) {
          return p;
        }
        p.tile[0] = {dims.back(), 4};
        p.tile[1] = {dims[dims.size() - 2], 4};
        p.vector_loads = true;
        p.split_interior = split;
        p.hoist_addresses = true;
        p.pack_weights = true;  // where a constant input can be
        p.pack_weights = any_reads_packed(lowered.program, group, p);
        p.work_group_size = 8;
        const std::string code = write_kernel(lowered, group, p).code;
        hoisted += code.find(" const hp") != std::string::npos ? 1 : 0;
        // Vector accumulators ("accv"), none of them guarded ("if (ok..) accv..").
        unguarded +=
            code.find("accv") != std::string::npos && code.find(") accv") == std::string::npos ? 1
                                                                                               : 0;
        return p;
      };
      Executable exe = compile(program, device, options);
      const std::vector<HostTensor> got = exe.run(inputs, {.poison = true});
      ASSERT_EQ(got.size(), want.size());
      for (std::size_t i = 0; i < got.size(); ++i) expect_matches(got[i], want[i], labels[i]);
      EXPECT_EQ(hoisted, 5);
      // The constant finite convolution and the depthwise one; not the run-time weights, the
      // infinity and NaN, nor the partial tile (per-element accumulation under its own guards).
      EXPECT_EQ(unguarded, 2);
    }
  }
}

}  // namespace
}  // namespace tartan
