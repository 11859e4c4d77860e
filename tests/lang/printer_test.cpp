// The printer on programs the parser cannot produce by itself (builder-made ones).
#include <gtest/gtest.h>

#include "tartan/lang/parse.h"

namespace tartan {
namespace {

TEST(Printer, WeightConstantsBecomeMarkedParameters) {
  Program p;
  const TensorId a = p.add_input("A", DType::kFloat32, {2});
  const TensorId w = p.add_constant("W", {2}, ConstantData::from_floats({1.0f, 2.0f}));
  p.add_output(p.add_elementwise("C", EwOp::kAdd, {a, w}));
  EXPECT_EQ(print_program(p),
            "function (\n"
            "  A[2],\n"
            "  W[2]  // constant\n"
            ") -> (C) {\n"
            "  C = A + W;\n"
            "}\n");
}

TEST(Printer, LiteralsUseTheShortestRoundTrippingText) {
  const std::vector<std::pair<double, std::string>> floats = {
      {0.1, "0.1"},    {1.0, "1.0"},           {-2.5, "-2.5"},           {1e-8, "1e-08"},
      {3e38, "3e+38"}, {123456.0, "123456.0"}, {1.0 / 3.0, "0.33333334"}};
  for (const auto& [value, text] : floats) {
    Program p;
    const TensorId a = p.add_input("A", DType::kFloat32, {2});
    p.add_output(p.add_elementwise("B", EwOp::kMul, {a, p.add_literal(value, DType::kFloat32)}));
    const std::string printed = print_program(p);
    EXPECT_NE(printed.find("  B = A * " + text + ";\n"), std::string::npos) << printed;
    std::string why;
    EXPECT_TRUE(programs_equal(parse_program(printed), p, &why)) << why << printed;
  }
}

TEST(Printer, NegatedLiteralKeepsItsParentheses) {
  Program p;
  const TensorId lit = p.add_literal(2.0, DType::kFloat32);
  p.add_output(p.add_elementwise("B", EwOp::kNeg, {lit}));
  const std::string printed = print_program(p);
  EXPECT_NE(printed.find("B = -(2.0);"), std::string::npos) << printed;
  std::string why;
  EXPECT_TRUE(programs_equal(parse_program(printed), p, &why)) << why;
}

TEST(Printer, UnusableIndexNamesAreReplaced) {
  Program p;
  const TensorId a = p.add_input("A", DType::kFloat32, {3, 4});
  Contraction c;
  c.index_names = {"Row", "Row"};  // uppercase and duplicated: not readable as index variables
  c.output_indices = {Affine::index(0)};
  c.inputs = {{a, {Affine::index(0), Affine::index(1)}}};
  p.add_output(p.add_contraction("S", {3}, c));
  const std::string printed = print_program(p);
  EXPECT_NE(printed.find("S[x0 : 3] = +(A[x0, x1]);"), std::string::npos) << printed;
  std::string why;
  EXPECT_TRUE(programs_equal(parse_program(printed), p, &why)) << why;
}

}  // namespace
}  // namespace tartan
