// Scan in the reference executor against hand-written loops on fresh random inputs: the final
// value of each carried state, stacked values, a literal operand, and a scan nested in a body.
#include <gtest/gtest.h>

#include <cmath>

#include "reference_test_util.h"
#include "tartan/lang/parse.h"

namespace tartan {
namespace {

using testing::expected;
using testing::Seeded;

constexpr DType kF32 = DType::kFloat32;

// A' = tanh(A W + X[t]) * B;  B' = B * 0.5 + sum_i A'[i, :]   (A [2, 3], B [3], W [3, 3])
std::string recurrence(std::int64_t trips, const std::string& mode) {
  const std::string t = std::to_string(trips);
  return "function (A0[2, 3], B0[3], X[" + t +
         ", 2, 3], W[3, 3]) -> (Y) {\n"
         "  Y = scan " +
         t + " (A0, B0; X; W) " + mode +
         " function (A[2, 3], B[3], Xt[2, 3], Wk[3, 3]) -> (A2, B2) {\n"
         "    AW[i, j : 2, 3] = +(A[i, m] * Wk[m, j]);\n"
         "    A2 = tanh(AW + Xt) * B;\n"
         "    S[j : 3] = +(A2[i, j]);\n"
         "    B2 = B * 0.5 + S;\n"
         "  };\n"
         "}\n";
}

// The same recurrence as loops; returns A and B after every step.
struct Trace {
  std::vector<std::vector<double>> a, b;
};
Trace run_loops(const std::vector<HostTensor>& in, std::int64_t trips) {
  std::vector<double> a = in[0].values, b = in[1].values;
  Trace trace;
  for (std::int64_t t = 0; t < trips; ++t) {
    std::vector<double> a2(6), b2(3);
    for (int i = 0; i < 2; ++i) {
      for (int j = 0; j < 3; ++j) {
        double aw = 0;
        for (int m = 0; m < 3; ++m) aw += a[i * 3 + m] * in[3].values[m * 3 + j];
        a2[i * 3 + j] = std::tanh(aw + in[2].values[t * 6 + i * 3 + j]) * b[j];
      }
    }
    for (int j = 0; j < 3; ++j) b2[j] = b[j] * 0.5 + a2[j] + a2[3 + j];
    a = a2;
    b = b2;
    trace.a.push_back(a);
    trace.b.push_back(b);
  }
  return trace;
}

void expect_near(const HostTensor& got, const HostTensor& want) {
  ASSERT_EQ(got.shape, want.shape);
  for (std::size_t i = 0; i < want.values.size(); ++i) {
    ASSERT_NEAR(got.values[i], want.values[i], 1e-12) << "at flat index " << i;
  }
}

TEST(ReferenceScan, FinalAndStackedValuesMatchLoops) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  for (std::int64_t trips : {1, 2, 5}) {
    const std::vector<HostTensor> in = {
        random_tensor(kF32, {2, 3}, s.rng), random_tensor(kF32, {3}, s.rng),
        random_tensor(kF32, {trips, 2, 3}, s.rng), random_tensor(kF32, {3, 3}, s.rng)};
    const Trace want = run_loops(in, trips);
    for (int result : {0, 1}) {
      const Shape shape = result == 0 ? Shape{2, 3} : Shape{3};
      const auto& steps = result == 0 ? want.a : want.b;
      const std::string r = std::to_string(result);
      HostTensor last = expected(kF32, shape);
      last.values = steps.back();
      expect_near(testing::run1(parse_program(recurrence(trips, "last " + r)), in), last);
      Shape stacked_shape = shape;
      stacked_shape.insert(stacked_shape.begin(), trips);
      HostTensor stacked = expected(kF32, stacked_shape);
      stacked.values.clear();
      for (const auto& v : steps) stacked.values.insert(stacked.values.end(), v.begin(), v.end());
      expect_near(testing::run1(parse_program(recurrence(trips, "stack " + r)), in), stacked);
    }
  }
}

// A literal carried state and a scan inside a scan's body.
TEST(ReferenceScan, LiteralOperandAndNestedScan) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const Program p = parse_program(
      "function (A[3], S[2, 3]) -> (Z, N) {\n"
      "  Z = scan 3 (A, 2.0; ; ) last 0 function (P[3], F[]) -> (P2, F2) {\n"
      "    P2 = P * F;\n"
      "    F2 = F + 1.0;\n"
      "  };\n"
      "  N = scan 4 (A; ; S) last 0 function (P[3], T[2, 3]) -> (P3) {\n"
      "    P3 = scan 2 (P; T; ) last 0 function (Q[3], Tt[3]) -> (Q2) {\n"
      "      Q2 = Q - Tt;\n"
      "    };\n"
      "  };\n"
      "}\n");
  const std::vector<HostTensor> in = {random_tensor(kF32, {3}, s.rng),
                                      random_tensor(kF32, {2, 3}, s.rng)};
  const std::vector<HostTensor> got = reference_run(p, in);
  ASSERT_EQ(got.size(), 2u);
  for (int j = 0; j < 3; ++j) {
    const double a = in[0].values[static_cast<std::size_t>(j)];
    EXPECT_NEAR(got[0].values[static_cast<std::size_t>(j)], a * 2 * 3 * 4, 1e-12);
    const double rows =
        in[1].values[static_cast<std::size_t>(j)] + in[1].values[static_cast<std::size_t>(3 + j)];
    EXPECT_NEAR(got[1].values[static_cast<std::size_t>(j)], a - 4 * rows, 1e-12);
  }
}

}  // namespace
}  // namespace tartan
