#include "passes/passes_test_util.h"
#include "tartan/passes/cse.h"
#include "tartan/passes/dce.h"
#include "tartan/passes/infer_shapes.h"

namespace tartan {
namespace {

using namespace tartan::testing;

TEST(Cse, MergesDuplicateOpsAndEqualConstants) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 4, 4, 2});
  const auto weights = random_data(seeded.rng, {3, 3, 2, 2});
  // The same convolution built twice, from two equal copies of the weights.
  const TensorId y1 = conv2d(&p, "Y1", x, p.add_constant("K1", {3, 3, 2, 2}, weights));
  const TensorId y2 = conv2d(&p, "Y2", x, p.add_constant("K2", {3, 3, 2, 2}, weights));
  const TensorId a = p.add_elementwise("A", EwOp::kAdd, {y1, y2});
  const TensorId b = p.add_elementwise("B", EwOp::kAdd, {y2, y1});  // commutes: same as A
  const TensorId c = p.add_elementwise("C", EwOp::kSub, {y1, y2});
  const TensorId d = p.add_elementwise("D", EwOp::kSub, {y2, y1});  // does not commute
  p.add_output(p.add_elementwise("O1", EwOp::kMul, {a, c}));
  p.add_output(p.add_elementwise("O2", EwOp::kMul, {b, d}));
  p.add_output(b);
  const Program before = p;

  cse(&p);
  infer_shapes(p);
  // Y1, A, C, O1 remain: once Y2 is Y1, C and D are both Y1 - Y1, and then O2 is O1.
  EXPECT_EQ(p.ops().size(), 4u);
  EXPECT_EQ(p.outputs()[1], p.outputs()[0]);
  EXPECT_EQ(p.outputs()[2], a);  // the output B now reads A
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

TEST(Cse, KeepsOpsThatDifferInIndicesOrType) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {3, 3});
  const TensorId t1 = p.add_contraction("T1", {3, 3},
                                        contraction({"i", "j"}, {ix(0), ix(1)}, AggOp::kAssign,
                                                    CombOp::kNone, {{x, {ix(1), ix(0)}}}));
  const TensorId t2 = p.add_contraction("T2", {3, 3},
                                        contraction({"i", "j"}, {ix(0), ix(1)}, AggOp::kAssign,
                                                    CombOp::kNone, {{x, {ix(0), ix(1)}}}));
  const TensorId c1 = p.add_elementwise("C1", EwOp::kCast, {x}, DType::kInt32);
  const TensorId c2 = p.add_elementwise("C2", EwOp::kCast, {x}, DType::kFloat16);
  const TensorId l1 = p.add_elementwise("L1", EwOp::kMul, {x, p.add_literal(2.0, DType::kFloat32)});
  const TensorId l2 = p.add_elementwise("L2", EwOp::kMul, {x, p.add_literal(2.0, DType::kFloat32)});
  for (TensorId t : {t1, t2, c1, c2, l1, l2}) p.add_output(t);
  cse(&p);
  EXPECT_EQ(p.ops().size(), 5u);  // only L2 (equal literal) merges into L1
  EXPECT_EQ(p.outputs()[5], l1);
}

TEST(Dce, RemovesOpsNoOutputDependsOn) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 3});
  const TensorId live = p.add_elementwise("Live", EwOp::kExp, {x});
  const TensorId dead1 = p.add_elementwise("Dead1", EwOp::kNeg, {live});
  p.add_elementwise("Dead2", EwOp::kMul, {dead1, live});
  const TensorId o = p.add_elementwise("O", EwOp::kTanh, {live});
  p.add_output(o);
  const Program before = p;
  dce(&p);
  infer_shapes(p);
  ASSERT_EQ(p.ops().size(), 2u);
  EXPECT_EQ(op_output(p.ops()[0]), live);
  EXPECT_EQ(op_output(p.ops()[1]), o);
  expect_equivalent(before, p, seeded.rng, 1e-9);
}

}  // namespace
}  // namespace tartan
