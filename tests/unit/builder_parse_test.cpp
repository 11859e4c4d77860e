// Builder code and op-library code produce the same Program as the same tile text.
#include <gtest/gtest.h>

#include "tartan/ir/builder.h"
#include "tartan/lang/parse.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/pool.h"

namespace tartan {
namespace {

void expect_equal(const Program& built, std::string_view text) {
  const Program parsed = parse_program(text);
  std::string why;
  EXPECT_TRUE(programs_equal(built, parsed, &why)) << why << "\nparsed:\n"
                                                   << print_program(parsed) << "built:\n"
                                                   << print_program(built);
}

TEST(BuilderParse, Matmul) {
  Builder b;
  Tensor A = b.input("A", DType::kFloat32, {4, 5});
  Tensor B = b.input("B", DType::kFloat32, {5, 6});
  Index i("i"), j("j"), k("k");
  TensorDecl C = b.declare("C", {4, 6});
  C(i, j) = sum(A(i, k) * B(k, j));
  b.output(C);
  expect_equal(b.build(), R"(function (A[4, 5], B[5, 6]) -> (C) {
  C[i, j : 4, 6] = +(A[i, k] * B[k, j]);
})");
}

TEST(BuilderParse, ConvWithSamePaddingOffsets) {
  Builder b;
  Tensor I = b.input("I", DType::kFloat32, {1, 5, 5, 2});
  Tensor K = b.input("K", DType::kFloat32, {3, 3, 2, 4});
  ops::Conv2DOptions o;
  o.padding = ops::Padding::same();
  b.output(ops::conv2d(I, K, {}, o));
  expect_equal(b.build(), R"(function (I[1, 5, 5, 2], K[3, 3, 2, 4]) -> (O) {
  O[n, y, x, m : 1, 5, 5, 4] = +(I[n, y + i - 1, x + j - 1, c] * K[i, j, c, m]);
})");
}

TEST(BuilderParse, MaxPoolWithConstraints) {
  Builder b;
  Tensor I = b.input("I", DType::kFloat32, {1, 5, 4, 3});
  b.output(ops::max_pool2d(I));  // 2x2 window, stride 2, valid: the last row is dropped
  expect_equal(b.build(), R"(function (I[1, 5, 4, 3]) -> (O) {
  O[n, y, x, c : 1, 2, 2, 3] = >(I[n, 2*y + i, 2*x + j, c]), i < 2, j < 2;
})");
}

TEST(BuilderParse, ElementwiseChainWithLiteralsAndBroadcasting) {
  Builder b;
  Tensor A = b.input("A", DType::kFloat32, {2, 3});
  Tensor B = b.input("B", DType::kFloat32, {3});
  Tensor N = b.input("N", DType::kInt32, {2, 1});
  // One new operand per statement: C++ does not fix the evaluation order of operands.
  Tensor E = exp(A - 1.0) * 2.0;
  Tensor F = E + B;
  Tensor G = F / (N % 3);
  b.output(select(G > 0.5, G, 0));
  expect_equal(b.build(), R"(function (A[2, 3], B[3], N: int32[2, 1]) -> (O) {
  E = exp(A - 1.0) * 2.0;
  G = (E + B) / (N % 3);
  O = select(G > 0.5, G, 0);
})");
}

}  // namespace
}  // namespace tartan
