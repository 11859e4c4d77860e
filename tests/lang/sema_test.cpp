// Sema: tile text must yield exactly the Program that the add_* calls build by hand.
#include <gtest/gtest.h>

#include "tartan/lang/parse.h"

namespace tartan {
namespace {

void expect_equal(const Program& parsed, const Program& built) {
  std::string why;
  EXPECT_TRUE(programs_equal(parsed, built, &why)) << why << "\n" << print_program(parsed);
}

ParseOptions inputs(std::map<std::string, InputSpec> specs) {
  ParseOptions o;
  o.inputs = std::move(specs);
  return o;
}

TEST(Sema, MatmulWithNamedDimensionsEqualsBuilder) {
  const Program parsed =
      parse_program("function (A[M, K], B[K, N]) -> (C) { C[i, j : M, N] = +(A[i, k] * B[k, j]); }",
                    inputs({{"A", {DType::kFloat32, {2, 3}}}, {"B", {DType::kFloat32, {3, 4}}}}));
  Program built;
  const TensorId a = built.add_input("A", DType::kFloat32, {2, 3});
  const TensorId b = built.add_input("B", DType::kFloat32, {3, 4});
  Contraction c;
  c.index_names = {"i", "j", "k"};  // output indices first, then inputs left to right
  c.output_indices = {Affine::index(0), Affine::index(1)};
  c.comb = CombOp::kMul;
  c.inputs = {{a, {Affine::index(0), Affine::index(2)}}, {b, {Affine::index(2), Affine::index(1)}}};
  built.add_output(built.add_contraction("C", {2, 4}, c));
  expect_equal(parsed, built);

  const auto& pc = std::get<Contraction>(parsed.ops()[0]);
  EXPECT_EQ(pc.index_names, (std::vector<std::string>{"i", "j", "k"}));
}

TEST(Sema, ConstraintsDivisionAndOffsets) {
  const Program parsed = parse_program(
      "function (I[8]) -> (O) { O[x : 3] = >(I[2*x + (k - 1)/2 + 3 - 2]), k < 4, x + k < 5; }");
  Program built;
  const TensorId in = built.add_input("I", DType::kFloat32, {8});
  Contraction c;
  c.index_names = {"x", "k"};
  c.agg = AggOp::kMax;
  c.output_indices = {Affine::index(0)};
  c.inputs = {
      {in,
       {Affine::index(0, 2) + (Affine::index(1) - Affine::constant(1)) / 2 + Affine::constant(1)}}};
  c.constraints = {{Affine::index(1), 4}, {Affine::index(0) + Affine::index(1), 5}};
  built.add_output(built.add_contraction("O", {3}, c));
  expect_equal(parsed, built);
  EXPECT_EQ(std::get<Contraction>(parsed.ops()[0]).inputs[0].indices[0].denom(), 2);
}

TEST(Sema, SizesUseFloorDivisionOfDimensions) {
  const Program p =
      parse_program("function (A[N]) -> (O) { O[i : (N - 1) / 2 + -7 / 2 + 4] = +(A[2*i]); }",
                    inputs({{"A", {DType::kFloat32, {8}}}}));
  // (8 - 1) / 2 = 3, -7 / 2 = -4 (floor), + 4: 3.
  EXPECT_EQ(p.tensor(p.outputs()[0]).shape, Shape{3});
}

TEST(Sema, NestedExpressionsDecomposePostOrderLeftToRight) {
  const Program parsed = parse_program(
      "function (A[2, 3], S[]) -> (E) { E = exp(A - 1.0) * S + (A > 0 ? A : 0.5 * A); }");
  Program b;
  const TensorId a = b.add_input("A", DType::kFloat32, {2, 3});
  const TensorId s = b.add_input("S", DType::kFloat32, {});
  const TensorId t1 = b.add_elementwise("", EwOp::kSub, {a, b.add_literal(1.0, DType::kFloat32)});
  const TensorId t2 = b.add_elementwise("", EwOp::kExp, {t1});
  const TensorId t3 = b.add_elementwise("", EwOp::kMul, {t2, s});
  const TensorId t4 = b.add_elementwise("", EwOp::kGt, {a, b.add_literal(0, DType::kInt32)});
  const TensorId t5 = b.add_elementwise("", EwOp::kMul, {b.add_literal(0.5, DType::kFloat32), a});
  const TensorId t6 = b.add_elementwise("", EwOp::kSelect, {t4, a, t5});
  b.add_output(b.add_elementwise("E", EwOp::kAdd, {t3, t6}));
  expect_equal(parsed, b);
}

TEST(Sema, LiteralTypesAndDimensionValues) {
  const Program p = parse_program(
      "function (A: int32[N], H: float16[2]) -> (X, Y, Z, W) {"
      "  X = A * 2; Y = A * 2.0; Z = H * 2.0; W = A + N; }",
      inputs({{"A", {DType::kInt32, {4}}}}));
  EXPECT_EQ(p.tensor(p.outputs()[0]).dtype, DType::kInt32);
  EXPECT_EQ(p.tensor(p.outputs()[1]).dtype, DType::kFloat32);  // float literal, int tensor
  EXPECT_EQ(p.tensor(p.outputs()[2]).dtype, DType::kFloat16);  // weak literal keeps float16
  // A dimension name used as a value is its size, as an int32 literal.
  const auto& w = std::get<Elementwise>(*p.producer(p.outputs()[3]));
  const TensorInfo& n = p.tensor(w.inputs[1]);
  EXPECT_EQ(n.kind, TensorKind::kLiteral);
  EXPECT_EQ(n.dtype, DType::kInt32);
  EXPECT_EQ(n.data->at(0), 4.0);
}

TEST(Sema, CopiesCastsAndSpecialOps) {
  const Program p = parse_program(
      "function (A[2, 3], I: int32[4]) -> (P, F, R, G, X) {"
      "  P = A; F = as_float(A, 16); R = reshape(A, 3, 2); G = gather(A, I); X = index(A, 1); }");
  ASSERT_EQ(p.ops().size(), 5u);
  EXPECT_EQ(std::get<Elementwise>(p.ops()[0]).op, EwOp::kIdentity);
  EXPECT_EQ(std::get<Elementwise>(p.ops()[1]).op, EwOp::kCast);
  EXPECT_EQ(p.tensor(p.outputs()[1]).dtype, DType::kFloat16);
  EXPECT_EQ(p.tensor(p.outputs()[2]).shape, (Shape{3, 2}));
  EXPECT_EQ(p.tensor(p.outputs()[3]).shape, (Shape{4, 3}));
  EXPECT_EQ(std::get<IndexOf>(p.ops()[4]).axis, 1);
}

TEST(Sema, HeaderBindingFromParseOptions) {
  // A bare parameter takes shape and dtype from the options; a repeated dimension name binds
  // the next parameter without options of its own.
  const Program p =
      parse_program("function (A, B[N], C: float16[N, 2]) -> (A) {}",
                    inputs({{"A", {DType::kInt32, {5}}}, {"B", {DType::kBool, {3}}}}));
  EXPECT_EQ(p.tensor(p.inputs()[0]).dtype, DType::kInt32);
  EXPECT_EQ(p.tensor(p.inputs()[1]).dtype, DType::kBool);
  EXPECT_EQ(p.tensor(p.inputs()[2]).shape, (Shape{3, 2}));
  EXPECT_EQ(p.tensor(p.inputs()[2]).dtype, DType::kFloat16);
  // A declared type must agree with the options.
  EXPECT_THROW(
      parse_program("function (A: int32[N]) -> (A) {}", inputs({{"A", {DType::kFloat32, {2}}}})),
      Error);
}

TEST(Sema, ErrorsFromProgramGetTheStatementLocation) {
  try {
    parse_program("function (A[2], B[3]) -> (C) {\n  C = A + B;\n}");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.loc());
    EXPECT_EQ(e.loc()->line, 2);
    EXPECT_EQ(e.loc()->col, 9);
  }
}

}  // namespace
}  // namespace tartan
