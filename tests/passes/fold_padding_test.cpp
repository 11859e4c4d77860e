#include "tartan/passes/fold_padding.h"

#include <cmath>
#include <limits>

#include "passes/passes_test_util.h"
#include "tartan/passes/dce.h"
#include "tartan/passes/infer_shapes.h"

namespace tartan {
namespace {

using namespace tartan::testing;

void fold(Program* p) {
  fold_padding(p);
  dce(p);
  infer_shapes(*p);
}

TEST(FoldPadding, ConvolutionReadsTheUnpaddedInput) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 4, 5, 3});
  const TensorId y =
      conv2d(&p, "Y", zero_pad(&p, "P", x), random_constant(&p, seeded.rng, "K", {3, 3, 3, 2}));
  p.add_output(y);
  const Program before = p;
  fold(&p);
  ASSERT_EQ(p.ops().size(), 1u);
  const auto& conv = std::get<Contraction>(p.ops()[0]);
  EXPECT_EQ(conv.inputs[0].tensor, x);
  // I[n, y + i - 1, x + j - 1, c]
  EXPECT_EQ(conv.inputs[0].indices[1], ix(1) + ix(4) - k(1));
  EXPECT_EQ(conv.inputs[0].indices[2], ix(2) + ix(5) - k(1));
  EXPECT_EQ(p.tensor(y).shape, (Shape{2, 4, 5, 2}));
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

TEST(FoldPadding, PadSharedByTwoConvolutionsFoldsIntoBoth) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 3, 3, 2});
  const TensorId pad = zero_pad(&p, "P", x);
  p.add_output(conv2d(&p, "A", pad, random_constant(&p, seeded.rng, "K1", {3, 3, 2, 2})));
  p.add_output(depthwise2d(&p, "B", pad, random_constant(&p, seeded.rng, "K2", {2, 2, 2})));
  const Program before = p;
  fold(&p);
  EXPECT_EQ(p.ops().size(), 2u);
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

TEST(FoldPadding, NotIntoMaxPoolingOrWhenThePadIsReadOtherwise) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 3, 3, 2});
  const TensorId pad = zero_pad(&p, "P", x);
  // Max over 2x2 windows: the zero padding matters for negative inputs.
  p.add_output(p.add_contraction(
      "M", {1, 4, 4, 2},
      contraction({"n", "y", "x", "c", "i", "j"}, {ix(0), ix(1), ix(2), ix(3)}, AggOp::kMax,
                  CombOp::kNone, {{pad, {ix(0), ix(1) + ix(4), ix(2) + ix(5), ix(3)}}})));
  const TensorId pad2 = zero_pad(&p, "P2", x);
  p.add_output(conv2d(&p, "C", pad2, random_constant(&p, seeded.rng, "K", {3, 3, 2, 2})));
  p.add_output(p.add_elementwise("E", EwOp::kExp, {pad2}));
  const TensorId pad3 = zero_pad(&p, "P3", x);
  p.add_output(conv2d(&p, "C3", pad3, random_constant(&p, seeded.rng, "K3", {3, 3, 2, 2})));
  p.add_output(pad3);
  testing::expect_unchanged(&p, fold);
}

// 3x3 windows at stride 2 over `in` (ResNet50's pool1 over its zero pad).
TensorId max_pool(Program* p, const std::string& name, TensorId in, std::int64_t out) {
  return p->add_contraction(
      name, {1, out, out, 2},
      contraction({"n", "y", "x", "c", "i", "j"}, {ix(0), ix(1), ix(2), ix(3)}, AggOp::kMax,
                  CombOp::kNone, {{in, {ix(0), ix(1, 2) + ix(4), ix(2, 2) + ix(5), ix(3)}}},
                  {{ix(4), 3}, {ix(5), 3}}));
}

TEST(FoldPadding, MaxPoolingOverARelusPadReadsTheUnpaddedInput) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 5, 5, 2});
  const TensorId r = p.add_elementwise("R", EwOp::kRelu, {x});
  p.add_output(max_pool(&p, "M", zero_pad(&p, "P", r), 3));
  // relu6 (a min of a max with 0 and 6) is >= 0 too.
  p.add_output(max_pool(&p, "M6", zero_pad(&p, "P6", relu6(&p, "R6", x)), 3));
  const Program before = p;
  fold(&p);
  EXPECT_EQ(p.ops().size(), 5u);  // relu, max, min, two pools: no pads
  for (const Op& op : p.ops()) {
    if (const auto* c = std::get_if<Contraction>(&op)) {
      EXPECT_EQ(c->agg, AggOp::kMax);
      EXPECT_EQ(c->inputs[0].indices[1], ix(1, 2) + ix(4) - k(1));
    }
  }
  expect_equivalent(before, p, seeded.rng, 1e-12);
  // NaN propagates through the folded pool as through the padded one; negative inputs (0 after
  // the relu) give the same 0 both ways.
  std::vector<HostTensor> inputs = random_inputs(before, seeded.rng);
  for (double& v : inputs[0].values) v = -std::abs(v) - 1;
  inputs[0].values[7] = std::numeric_limits<double>::quiet_NaN();
  const std::vector<HostTensor> want = reference_run(before, inputs);
  const std::vector<HostTensor> got = reference_run(p, inputs);
  for (std::size_t o = 0; o < want.size(); ++o) {
    int nans = 0;
    for (std::size_t i = 0; i < want[o].values.size(); ++i) {
      const double w = want[o].values[i], g = got[o].values[i];
      nans += std::isnan(w) ? 1 : 0;
      EXPECT_TRUE(std::isnan(w) ? std::isnan(g) : g == w) << "output " << o << " element " << i;
    }
    EXPECT_GT(nans, 0);
  }
}

TEST(FoldPadding, NotIntoMaxPoolingOverValuesThatMayBeNegative) {
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 5, 5, 2});
  const TensorId t = p.add_elementwise("T", EwOp::kTanh, {x});
  p.add_output(max_pool(&p, "M", zero_pad(&p, "P", t), 3));
  // min(relu(x), tanh(x)) may be negative.
  const TensorId m = p.add_elementwise(
      "Mn", EwOp::kMin,
      {p.add_elementwise("R", EwOp::kRelu, {x}), p.add_elementwise("T2", EwOp::kTanh, {x})});
  p.add_output(max_pool(&p, "M2", zero_pad(&p, "P2", m), 3));
  testing::expect_unchanged(&p, fold);
}

TEST(FoldPadding, OnlyPureOffsetAssignmentsArePads) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {4, 2});
  // Upsampling (stride 2 in the output) is not a pad: it writes every other element.
  const TensorId up = p.add_contraction("U", {8, 2},
                                        contraction({"i", "c"}, {ix(0, 2), ix(1)}, AggOp::kAssign,
                                                    CombOp::kNone, {{x, {ix(0), ix(1)}}}));
  p.add_output(p.add_contraction(
      "S", {2},
      contraction({"c", "i"}, {ix(0)}, AggOp::kSum, CombOp::kNone, {{up, {ix(1), ix(0)}}})));
  testing::expect_unchanged(&p, fold);
}

}  // namespace
}  // namespace tartan
