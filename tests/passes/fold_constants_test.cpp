#include "tartan/passes/fold_constants.h"

#include "passes/passes_test_util.h"
#include "tartan/passes/infer_shapes.h"

namespace tartan {
namespace {

using namespace tartan::testing;

// Values k/8 with small k: every sum and product below is exact in float32, so the folded
// (float32-stored) constants equal the float64 reference exactly.
std::shared_ptr<const ConstantData> dyadic(std::mt19937_64& rng, const Shape& shape) {
  std::uniform_int_distribution<int> d(-16, 16);
  std::vector<double> v(static_cast<std::size_t>(num_elements(shape)));
  for (double& x : v) x = d(rng) / 8.0;
  return ConstantData::from_doubles(DType::kFloat32, v);
}

TEST(FoldConstants, FoldsWeightArithmeticAndKeepsTheRest) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {3, 4});
  const TensorId a = p.add_constant("A", {4, 3}, dyadic(seeded.rng, {4, 3}));
  const TensorId b = p.add_constant("B", {3, 4}, dyadic(seeded.rng, {3, 4}));
  // T = transpose(A) via a contraction, then * 2 + B, all on constants.
  const TensorId t = p.add_contraction("T", {3, 4},
                                       contraction({"i", "j"}, {ix(0), ix(1)}, AggOp::kAssign,
                                                   CombOp::kNone, {{a, {ix(1), ix(0)}}}));
  const TensorId u = p.add_elementwise("U", EwOp::kMul, {t, p.add_literal(2.0, DType::kFloat32)});
  const TensorId w = p.add_elementwise("W", EwOp::kAdd, {u, b});
  const TensorId o = p.add_elementwise("O", EwOp::kMul, {x, w});
  p.add_output(o);
  const Program before = p;

  fold_constants(&p);
  infer_shapes(p);
  ASSERT_EQ(p.ops().size(), 1u);
  EXPECT_EQ(op_output(p.ops()[0]), o);
  EXPECT_EQ(p.tensor(w).kind, TensorKind::kConstant);
  EXPECT_EQ(p.tensor(w).dtype, DType::kFloat32);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {  // independent: W[i][j] = 2 * A[j][i] + B[i][j]
      EXPECT_EQ(p.tensor(w).data->at(i * 4 + j),
                2 * p.tensor(a).data->at(j * 3 + i) + p.tensor(b).data->at(i * 4 + j));
    }
  }
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

TEST(FoldConstants, ResultsFromLiteralsStayStronglyTyped) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat16, {5});
  const TensorId s = p.add_elementwise(
      "", EwOp::kMul, {p.add_literal(2.0, DType::kFloat32), p.add_literal(3.0, DType::kFloat32)});
  const TensorId o = p.add_elementwise("O", EwOp::kMul, {x, s});
  p.add_output(o);
  // 2.0 * 3.0 is a computed (strong) float32 tensor, so O is float32, not float16.
  ASSERT_EQ(p.tensor(o).dtype, DType::kFloat32);
  const Program before = p;
  fold_constants(&p);
  EXPECT_EQ(p.ops().size(), 1u);
  EXPECT_EQ(p.tensor(s).kind, TensorKind::kConstant);
  EXPECT_EQ(p.tensor(s).data->at(0), 6.0);
  EXPECT_NO_THROW(infer_shapes(p));  // still float32
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

TEST(FoldConstants, IntegerAndBoolResultsKeepTheirType) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kInt32, {4});
  const TensorId c =
      p.add_constant("C", {4}, ConstantData::from_doubles(DType::kInt32, {7, -7, 9, 0}));
  const TensorId q = p.add_elementwise("Q", EwOp::kDiv, {c, p.add_literal(2, DType::kInt32)});
  const TensorId gt = p.add_elementwise("G", EwOp::kGt, {c, p.add_literal(0, DType::kInt32)});
  p.add_output(p.add_elementwise("O", EwOp::kSelect, {gt, x, q}));
  const Program before = p;
  fold_constants(&p);
  EXPECT_EQ(p.ops().size(), 1u);
  EXPECT_EQ(p.tensor(q).dtype, DType::kInt32);
  EXPECT_EQ(p.tensor(q).data->at(1), -3.0);  // truncation toward zero
  EXPECT_EQ(p.tensor(gt).dtype, DType::kBool);
  EXPECT_EQ(p.tensor(gt).data->at(3), 0.0);
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

}  // namespace
}  // namespace tartan
