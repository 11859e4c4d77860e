// The builder produces exactly the Program that direct Program::add_* calls produce.
#include "tartan/ir/builder.h"

#include <gtest/gtest.h>

#include "tartan/support/error.h"

namespace tartan {
namespace {

void expect_equal(const Program& a, const Program& b) {
  std::string why;
  EXPECT_TRUE(programs_equal(a, b, &why)) << why;
}

Affine idx(int var, std::int64_t coeff = 1) { return Affine::index(var, coeff); }

TEST(Builder, Matmul) {
  Builder b;
  Tensor A = b.input("A", DType::kFloat32, {4, 5});
  Tensor B = b.input("B", DType::kFloat32, {5, 6});
  Index i("i"), j("j"), k("k");
  TensorDecl C = b.declare("C", {4, 6});
  C(i, j) = sum(A(i, k) * B(k, j));
  b.output(C);
  Program got = b.build();

  Program want;
  const TensorId a = want.add_input("A", DType::kFloat32, {4, 5});
  const TensorId bb = want.add_input("B", DType::kFloat32, {5, 6});
  Contraction c;
  c.index_names = {"i", "j", "k"};
  c.output_indices = {idx(0), idx(1)};
  c.comb = CombOp::kMul;
  c.inputs = {{a, {idx(0), idx(2)}}, {bb, {idx(2), idx(1)}}};
  want.add_output(want.add_contraction("C", {4, 6}, c));
  expect_equal(got, want);
  EXPECT_EQ(std::get<Contraction>(got.ops()[0]).index_names, c.index_names);
  EXPECT_EQ(got.tensor(got.outputs()[0]).name, "C");
}

TEST(Builder, ConvWithConstraintsNumbersIndicesByFirstAppearance) {
  Builder b;
  Tensor I = b.input("I", DType::kFloat32, {10});
  Index x("x"), k("k");
  TensorDecl O = b.declare("O", {4});
  // O[x : 4] = +(I[2*x + k - 1]), k < 3
  O(x) = sum(I(2 * x + k - 1)).where(k < 3);
  b.output(O);
  Program got = b.build();

  Program want;
  const TensorId in = want.add_input("I", DType::kFloat32, {10});
  Contraction c;
  c.index_names = {"x", "k"};
  c.output_indices = {idx(0)};
  c.inputs = {{in, {idx(0, 2) + idx(1) - Affine::constant(1)}}};
  c.constraints = {{idx(1), 3}};
  want.add_output(want.add_contraction("O", {4}, c));
  expect_equal(got, want);
  EXPECT_EQ(std::get<Contraction>(got.ops()[0]).index_names, c.index_names);
}

TEST(Builder, MergesIndexOrderAcrossSubexpressions) {
  Builder b;
  Tensor I = b.input("I", DType::kFloat32, {8, 8});
  Index i("i"), j("j"), k("k");
  TensorDecl O = b.declare("", {4});
  // Output only names i; the input then meets k before j: numbering i, k, j.
  O(i) = max(I(k + 2 * i, (j + 1) / 2)).where(k < 2, j < 4);
  const Contraction& c = std::get<Contraction>(b.program().ops()[0]);
  EXPECT_EQ(c.index_names, (std::vector<std::string>{"i", "k", "j"}));
  EXPECT_EQ(c.inputs[0].indices[0], idx(1) + idx(0, 2));
  EXPECT_EQ(c.inputs[0].indices[1], (idx(2) + Affine::constant(1)) / 2);
  EXPECT_EQ(c.agg, AggOp::kMax);
}

TEST(Builder, DefaultAndConditional) {
  Builder b;
  Tensor A = b.input("A", DType::kInt32, {3});
  Tensor B = b.input("B", DType::kInt32, {3});
  Tensor V = b.input("V", DType::kFloat32, {3, 3});
  Tensor D = b.input("D", DType::kFloat32, {3, 3});
  Index i("i"), j("j");
  TensorDecl O = b.declare("O", {3, 3});
  O(i, j) = sum(cond(A(i) == B(j), V(i, j))).with_default(D);
  b.output(O);
  Program got = b.build();

  Program want;
  const TensorId a = want.add_input("A", DType::kInt32, {3});
  const TensorId bb = want.add_input("B", DType::kInt32, {3});
  const TensorId v = want.add_input("V", DType::kFloat32, {3, 3});
  const TensorId d = want.add_input("D", DType::kFloat32, {3, 3});
  Contraction c;
  c.index_names = {"i", "j"};
  c.output_indices = {idx(0), idx(1)};
  c.comb = CombOp::kCond;
  c.inputs = {{a, {idx(0)}}, {bb, {idx(1)}}, {v, {idx(0), idx(1)}}};
  c.default_tensor = d;
  want.add_output(want.add_contraction("O", {3, 3}, c));
  expect_equal(got, want);
  EXPECT_EQ(got.tensor(got.outputs()[0]).dtype, DType::kFloat32);
}

TEST(Builder, ElementwiseChainWithLiterals) {
  Builder b;
  Tensor X = b.input("X", DType::kFloat16, {2, 3});
  Tensor Y = b.input("Y", DType::kFloat32, {3});
  Tensor N = b.input("N", DType::kInt32, {2, 1});
  // C++ leaves the evaluation order of operands unspecified, so each statement adds at most
  // one op whose operands are not already built; that fixes the op order to compare.
  Tensor E = exp(X - 1.0) * 2.0;  // weak literals keep float16
  Tensor M = max(E + Y, 0);       // broadcasting to [2, 3]
  Tensor F = M / (N % 3);
  Tensor F1 = F > 0.5;
  Tensor F2 = -F;
  Tensor G = select(F1, F2, relu(F));
  b.output(G);
  b.output(cast(N * 2, DType::kFloat32));
  Program got = b.build();

  Program want;
  const TensorId x = want.add_input("X", DType::kFloat16, {2, 3});
  const TensorId y = want.add_input("Y", DType::kFloat32, {3});
  const TensorId n = want.add_input("N", DType::kInt32, {2, 1});
  const TensorId e1 =
      want.add_elementwise("", EwOp::kSub, {x, want.add_literal(1.0, DType::kFloat32)});
  const TensorId e2 = want.add_elementwise("", EwOp::kExp, {e1});
  const TensorId e3 =
      want.add_elementwise("", EwOp::kMul, {e2, want.add_literal(2.0, DType::kFloat32)});
  const TensorId f1 = want.add_elementwise("", EwOp::kAdd, {e3, y});
  const TensorId f2 =
      want.add_elementwise("", EwOp::kMax, {f1, want.add_literal(0, DType::kInt32)});
  const TensorId f3 = want.add_elementwise("", EwOp::kMod, {n, want.add_literal(3, DType::kInt32)});
  const TensorId f = want.add_elementwise("", EwOp::kDiv, {f2, f3});
  const TensorId g1 =
      want.add_elementwise("", EwOp::kGt, {f, want.add_literal(0.5, DType::kFloat32)});
  const TensorId g2 = want.add_elementwise("", EwOp::kNeg, {f});
  const TensorId g3 = want.add_elementwise("", EwOp::kRelu, {f});
  want.add_output(want.add_elementwise("", EwOp::kSelect, {g1, g2, g3}));
  const TensorId n2 = want.add_elementwise("", EwOp::kMul, {n, want.add_literal(2, DType::kInt32)});
  want.add_output(want.add_elementwise("", EwOp::kCast, {n2}, DType::kFloat32));
  expect_equal(got, want);
  EXPECT_EQ(got.tensor(e3).dtype, DType::kFloat16);
  EXPECT_EQ(got.tensor(got.outputs()[0]).shape, (Shape{2, 3}));
}

TEST(Builder, ProgramsDifferWhenIndicesDiffer) {
  // Guards the tests above: a transposed access must not compare equal.
  const auto build = [](bool transpose) {
    Builder b;
    Tensor A = b.input("A", DType::kFloat32, {3, 3});
    Index i("i"), j("j");
    TensorDecl O = b.declare("O", {3, 3});
    O(i, j) = assign(transpose ? A(j, i) : A(i, j));
    b.output(O);
    return b.build();
  };
  EXPECT_FALSE(programs_equal(build(false), build(true)));
}

TEST(Builder, ReportsUserMistakes) {
  Builder b;
  Tensor A = b.input("A", DType::kFloat32, {3, 3});
  Index i("i"), j("j");
  TensorDecl O = b.declare("O", {3});
  EXPECT_THROW(Tensor(O).rank(), Error);  // read before assignment
  EXPECT_THROW(O(i) = sum(A(i)), Error);  // rank mismatch
  O(i) = sum(A(i, j));
  EXPECT_THROW(O(i) = sum(A(i, j)), Error);  // assigned twice
  Tensor B = b.input("B", DType::kFloat32, {4});
  EXPECT_THROW(A + B, Error);  // no broadcast
  EXPECT_THROW(i / 0, Error);
}

}  // namespace
}  // namespace tartan
