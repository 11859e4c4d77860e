// Index variables are numbered by their first use in the canonical text, so printing and
// reading back gives the same program even when a variable cancels where it is first written
// (issue 17, item 7: the parse fuzzer's round-trip check stopped on it).
#include <gtest/gtest.h>

#include <random>

#include "tartan/lang/parse.h"
#include "tartan/reference/executor.h"

namespace tartan {
namespace {

const Contraction& only_contraction(const Program& p) { return std::get<Contraction>(p.ops()[0]); }

TEST(IndexNumbering, CancelledFirstUseIsNumberedWhereItIsPrinted) {
  const Program p = parse_program("function (A[10]) -> (O) { O[] = +(A[b + a - b]), b < 3; }");
  const Contraction& c = only_contraction(p);
  EXPECT_EQ(c.index_names, (std::vector<std::string>{"a", "b"}));
  const std::string printed = print_program(p);
  EXPECT_EQ(printed, "function (A[10]) -> (O) {\n  O[] = +(A[a]), b < 3;\n}\n");
  const Program again = parse_program(printed);
  std::string why;
  EXPECT_TRUE(programs_equal(again, p, &why)) << why;
  EXPECT_EQ(only_contraction(again), c);
  EXPECT_EQ(print_program(again), printed);
}

// The numbering changes no result: `b` still runs over [0, 3), so O is 3 * sum(A); a
// variable that cancels everywhere takes no part (O2 is sum(A)).
TEST(IndexNumbering, ResultsAreThoseOfTheWrittenProgram) {
  const Program p = parse_program(
      "function (A[10]) -> (O, O2) {\n"
      "  O[] = +(A[b + a - b]), b < 3;\n"
      "  O2[] = +(A[c - c + a]);\n"
      "}\n");
  std::mt19937_64 rng(std::random_device{}());
  const HostTensor a = random_tensor(DType::kFloat32, {10}, rng);
  double sum = 0;
  for (double v : a.values) sum += v;
  const std::vector<HostTensor> out = reference_run(p, {a});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NEAR(out[0].values.at(0), 3 * sum, 1e-12);
  EXPECT_NEAR(out[1].values.at(0), sum, 1e-12);
  EXPECT_EQ(only_contraction(p).index_names.size(), 2u);
  EXPECT_EQ(std::get<Contraction>(p.ops()[1]).index_names, (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace tartan
