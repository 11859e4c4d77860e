#include "tartan/passes/fold_padding.h"

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
