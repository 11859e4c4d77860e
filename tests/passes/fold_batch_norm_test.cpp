#include "tartan/passes/fold_batch_norm.h"

#include "passes/passes_test_util.h"
#include "tartan/passes/dce.h"
#include "tartan/passes/fold_constants.h"
#include "tartan/passes/infer_shapes.h"

namespace tartan {
namespace {

using namespace tartan::testing;

constexpr std::size_t kContraction = 0, kElementwise = 1;

void fold(Program* p) {
  fold_constants(p);
  fold_batch_norm(p);
  dce(p);
  infer_shapes(*p);
}

TEST(FoldBatchNorm, ConvolutionAbsorbsTheScaleAndKeepsABias) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 5, 5, 3});
  const TensorId kernel = random_constant(&p, seeded.rng, "K", {3, 3, 3, 4});
  const TensorId y = conv2d(&p, "Y", x, kernel);
  p.add_output(batch_norm(&p, seeded.rng, "BN", y));
  const Program before = p;

  fold(&p);
  ASSERT_EQ(p.ops().size(), 2u);
  const auto& conv = std::get<Contraction>(p.ops()[0]);
  const auto& bias = std::get<Elementwise>(p.ops()[1]);
  EXPECT_NE(conv.inputs[1].tensor, kernel);  // scaled weights
  EXPECT_EQ(p.tensor(conv.inputs[1].tensor).kind, TensorKind::kConstant);
  EXPECT_EQ(bias.op, EwOp::kAdd);
  EXPECT_EQ(bias.inputs[0], conv.output);
  EXPECT_EQ(p.tensor(bias.inputs[1]).kind, TensorKind::kConstant);
  EXPECT_EQ(p.tensor(bias.inputs[1]).shape, (Shape{4}));
  expect_equivalent(before, p, seeded.rng, 1e-6);
}

TEST(FoldBatchNorm, DenseLayerWithScaleShapedOneByM) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 6});
  const TensorId w = random_constant(&p, seeded.rng, "W", {6, 3});
  const TensorId y =
      p.add_contraction("Y", {2, 3},
                        contraction({"b", "m", "k"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
                                    {{x, {ix(0), ix(2)}}, {w, {ix(2), ix(1)}}}));
  const TensorId s =
      p.add_elementwise("S", EwOp::kMul, {random_constant(&p, seeded.rng, "s", {1, 3}), y});
  p.add_output(
      p.add_elementwise("O", EwOp::kAdd, {s, random_constant(&p, seeded.rng, "b", {1, 3})}));
  const Program before = p;

  fold(&p);
  EXPECT_EQ(count_ops(p, kContraction), 1u);
  EXPECT_EQ(count_ops(p, kElementwise), 1u);
  // Independent check of the folded weights: W'[k][m] = W[k][m] * s[m], the product in double
  // rounded once to float, bit for bit.
  const auto& conv = std::get<Contraction>(p.ops()[0]);
  const TensorInfo& folded = p.tensor(conv.inputs[1].tensor);
  const TensorInfo& scale = p.tensor(*before.find("s"));
  for (std::size_t kk = 0; kk < 6; ++kk) {
    for (std::size_t m = 0; m < 3; ++m) {
      const double want = static_cast<float>(p.tensor(w).data->at(kk * 3 + m) * scale.data->at(m));
      EXPECT_EQ(folded.data->at(kk * 3 + m), want) << kk << ", " << m;
    }
  }
  expect_equivalent(before, p, seeded.rng, 1e-6);
}

TEST(FoldBatchNorm, ScaleWithoutShiftNeedsNoBias) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 4, 4, 2});
  const TensorId y = depthwise2d(&p, "Y", x, random_constant(&p, seeded.rng, "K", {3, 3, 2}));
  const TensorId o =
      p.add_elementwise("O", EwOp::kDiv, {y, random_constant(&p, seeded.rng, "d", {2}, 1, 2)});
  p.add_output(o);
  const Program before = p;
  fold(&p);
  ASSERT_EQ(p.ops().size(), 1u);
  EXPECT_EQ(op_output(p.ops()[0]), o);
  expect_equivalent(before, p, seeded.rng, 1e-6);
}

TEST(FoldBatchNorm, SharedConvolutionOutputKeepsItsWeights) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 4, 4, 2});
  const TensorId kernel = random_constant(&p, seeded.rng, "K", {3, 3, 2, 3});
  const TensorId y = conv2d(&p, "Y", x, kernel);
  p.add_output(batch_norm(&p, seeded.rng, "BN", y));
  p.add_output(p.add_elementwise("Other", EwOp::kExp, {y}));  // a second reader of Y
  const Program before = p;
  fold(&p);
  const auto& conv = std::get<Contraction>(p.ops()[0]);
  EXPECT_EQ(conv.inputs[1].tensor, kernel);
  // The three-op chain still becomes one multiply and one add.
  EXPECT_EQ(count_ops(p, kElementwise), 3u);
  expect_equivalent(before, p, seeded.rng, 1e-6);
}

TEST(FoldBatchNorm, ChainAfterAnInputBecomesOneScaleAndOneShift) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {3, 4});
  p.add_output(batch_norm(&p, seeded.rng, "BN", x));
  const Program before = p;
  fold(&p);
  ASSERT_EQ(p.ops().size(), 2u);
  EXPECT_EQ(std::get<Elementwise>(p.ops()[0]).op, EwOp::kMul);
  EXPECT_EQ(std::get<Elementwise>(p.ops()[1]).op, EwOp::kAdd);
  expect_equivalent(before, p, seeded.rng, 1e-6);
}

TEST(FoldBatchNorm, ConstantsThatBroadcastAlongOtherDimensionsAreLeftAlone) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {3, 3});
  const TensorId y = p.add_contraction(
      "Y", {3, 3},
      contraction(
          {"b", "m", "k"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
          {{x, {ix(0), ix(2)}}, {random_constant(&p, seeded.rng, "W", {3, 3}), {ix(2), ix(1)}}}));
  // [3, 1] scales rows, not channels.
  p.add_output(
      p.add_elementwise("O", EwOp::kMul, {y, random_constant(&p, seeded.rng, "r", {3, 1})}));
  testing::expect_unchanged(&p, fold);
}

TEST(FoldBatchNorm, MaxPoolingIsNotASumOfProducts) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {4, 2});
  const TensorId y =
      p.add_contraction("Y", {2, 2},
                        contraction({"i", "c", "j"}, {ix(0), ix(1)}, AggOp::kMax, CombOp::kNone,
                                    {{x, {ix(0, 2) + ix(2), ix(1)}}}));
  const TensorId s =
      p.add_elementwise("S", EwOp::kMul, {y, random_constant(&p, seeded.rng, "s", {2})});
  p.add_output(p.add_elementwise("O", EwOp::kAdd, {s, random_constant(&p, seeded.rng, "b", {2})}));
  testing::expect_unchanged(&p, fold);
}

}  // namespace
}  // namespace tartan
