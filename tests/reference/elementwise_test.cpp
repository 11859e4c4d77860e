// The reference executor's elementwise ops against std:: functions and hand-written
// broadcasting loops.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "reference_test_util.h"
#include "tartan/support/half.h"

namespace tartan {
namespace {

using testing::expect_same;
using testing::expected;
using testing::run1;
using testing::Seeded;

constexpr DType kF32 = DType::kFloat32;
constexpr DType kI32 = DType::kInt32;
constexpr DType kBool = DType::kBool;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

using Fn2 = std::function<double(double, double)>;

double nan_min(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : std::min(a, b);
}
double nan_max(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? kNaN : std::max(a, b);
}

// Y = op(A, B) with A: [3, 1, 4] and B: [2, 1], broadcast to [3, 2, 4].
HostTensor run_broadcast(EwOp op, const HostTensor& A, const HostTensor& B) {
  Program p;
  const TensorId a = p.add_input("A", A.dtype, A.shape);
  const TensorId b = p.add_input("B", B.dtype, B.shape);
  p.add_output(p.add_elementwise("Y", op, {a, b}));
  return run1(p, {A, B}, 2);
}

HostTensor want_broadcast(DType out, const HostTensor& A, const HostTensor& B, const Fn2& f) {
  HostTensor want = expected(out, {3, 2, 4});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 2; ++j) {
      for (int q = 0; q < 4; ++q)
        want.values[(i * 2 + j) * 4 + q] = f(A.values[i * 4 + q], B.values[j]);
    }
  }
  return want;
}

TEST(ReferenceElementwise, FloatBinaryOpsBroadcast) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::vector<std::pair<EwOp, Fn2>> ops = {
      {EwOp::kAdd, [](double a, double b) { return a + b; }},
      {EwOp::kSub, [](double a, double b) { return a - b; }},
      {EwOp::kMul, [](double a, double b) { return a * b; }},
      {EwOp::kDiv, [](double a, double b) { return a / b; }},
      {EwOp::kMod, [](double a, double b) { return std::fmod(a, b); }},
      {EwOp::kMin, nan_min},
      {EwOp::kMax, nan_max},
      {EwOp::kPow, [](double a, double b) { return std::pow(a, b); }},
  };
  for (const auto& [op, f] : ops) {
    SCOPED_TRACE(std::string(ew_info(op).name));
    // Positive bases keep pow real.
    const double lo = op == EwOp::kPow ? 0.1 : -2.0;
    const HostTensor A = random_tensor(kF32, {3, 1, 4}, s.rng, lo, 2.0);
    const HostTensor B = random_tensor(kF32, {2, 1}, s.rng, 0.25, 2.0);
    EXPECT_LT(relative_error(run_broadcast(op, A, B), want_broadcast(kF32, A, B, f)), 1e-15);
  }
}

TEST(ReferenceElementwise, ComparisonsAndLogicGiveBool) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::vector<std::pair<EwOp, std::function<bool(double, double)>>> ops = {
      {EwOp::kEq, [](double a, double b) { return a == b; }},
      {EwOp::kNe, [](double a, double b) { return a != b; }},
      {EwOp::kLt, [](double a, double b) { return a < b; }},
      {EwOp::kGt, [](double a, double b) { return a > b; }},
      {EwOp::kLe, [](double a, double b) { return a <= b; }},
      {EwOp::kGe, [](double a, double b) { return a >= b; }},
      {EwOp::kAnd, [](double a, double b) { return a != 0 && b != 0; }},
      {EwOp::kOr, [](double a, double b) { return a != 0 || b != 0; }},
  };
  for (DType t : {kI32, kBool}) {
    for (const auto& [op, f] : ops) {
      SCOPED_TRACE(std::string(ew_info(op).name) + " on " + std::string(dtype_name(t)));
      // Few distinct values, so equal pairs are common.
      const HostTensor A = random_tensor(t, {3, 1, 4}, s.rng, -1, 2);
      const HostTensor B = random_tensor(t, {2, 1}, s.rng, -1, 2);
      // (clang before 16 cannot capture a structured binding itself.)
      const Fn2 g = [&fn = f](double a, double b) { return fn(a, b) ? 1.0 : 0.0; };
      expect_same(run_broadcast(op, A, B), want_broadcast(kBool, A, B, g));
    }
  }
}

TEST(ReferenceElementwise, FloatUnaryOps) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::vector<std::pair<EwOp, std::function<double(double)>>> ops = {
      {EwOp::kNeg, [](double x) { return -x; }},
      {EwOp::kAbs, [](double x) { return std::fabs(x); }},
      {EwOp::kExp, [](double x) { return std::exp(x); }},
      {EwOp::kLog, [](double x) { return std::log(x); }},
      {EwOp::kSqrt, [](double x) { return std::sqrt(x); }},
      {EwOp::kTanh, [](double x) { return std::tanh(x); }},
      {EwOp::kSigmoid, [](double x) { return 1.0 / (1.0 + std::exp(-x)); }},
      {EwOp::kRelu, [](double x) { return x > 0 ? x : 0.0; }},
      {EwOp::kFloor, [](double x) { return std::floor(x); }},
      {EwOp::kCeil, [](double x) { return std::ceil(x); }},
      {EwOp::kRound, [](double x) { return std::round(x); }},
      {EwOp::kSin, [](double x) { return std::sin(x); }},
      {EwOp::kCos, [](double x) { return std::cos(x); }},
      {EwOp::kTan, [](double x) { return std::tan(x); }},
      {EwOp::kIdentity, [](double x) { return x; }},
      {EwOp::kNot, [](double x) { return x == 0 ? 1.0 : 0.0; }},
  };
  for (const auto& [op, f] : ops) {
    SCOPED_TRACE(std::string(ew_info(op).name));
    const bool positive = op == EwOp::kLog || op == EwOp::kSqrt;
    HostTensor X = random_tensor(kF32, {2, 3}, s.rng, positive ? 0.01 : -3.0, 3.0);
    if (op == EwOp::kNot) X.values[0] = 0.0;
    Program p;
    p.add_output(p.add_elementwise("Y", op, {p.add_input("X", kF32, {2, 3})}));
    HostTensor want = expected(op == EwOp::kNot ? kBool : kF32, {2, 3});
    for (std::size_t i = 0; i < want.values.size(); ++i) want.values[i] = f(X.values[i]);
    EXPECT_LT(relative_error(run1(p, {X}), want), 1e-15);
  }
}

// Y = op(X) on fixed values, for the cases random inputs rarely hit.
HostTensor run_unary(EwOp op, DType in, std::vector<double> x, std::optional<DType> cast = {}) {
  Program p;
  const auto n = static_cast<std::int64_t>(x.size());
  p.add_output(p.add_elementwise("Y", op, {p.add_input("X", in, {n})}, cast));
  return run1(p, {HostTensor(in, {n}, std::move(x))});
}

TEST(ReferenceElementwise, RoundHalfAwayFromZeroAndNaNPropagation) {
  expect_same(run_unary(EwOp::kRound, kF32, {0.5, 1.5, 2.5, -0.5, -2.5, 2.4999}),
              HostTensor(kF32, {6}, {1, 2, 3, -1, -3, 2}));
  const HostTensor relu = run_unary(EwOp::kRelu, kF32, {kNaN, -1.0, 2.0});
  EXPECT_TRUE(std::isnan(relu.values[0]));
  EXPECT_EQ(relu.values[1], 0.0);
  EXPECT_EQ(relu.values[2], 2.0);
  for (EwOp op : {EwOp::kMin, EwOp::kMax}) {
    const HostTensor A(kF32, {3, 1, 4}, {kNaN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    const HostTensor B(kF32, {2, 1}, {0.5, kNaN});
    const HostTensor got = run_broadcast(op, A, B);
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 2; ++j) {
        for (int q = 0; q < 4; ++q) {
          const bool nan = (i == 0 && q == 0) || j == 1;
          EXPECT_EQ(std::isnan(got.values[(i * 2 + j) * 4 + q]), nan) << i << j << q;
        }
      }
    }
  }
}

// erf against published values (Abramowitz and Stegun, table 7.1), not against std::erf.
TEST(ReferenceElementwise, ErfKnownValues) {
  const HostTensor got = run_unary(EwOp::kErf, kF32, {0.0, 0.5, 1.0, -1.0, 2.0, -3.0, 0.1});
  const std::vector<double> want = {0.0,          0.5204998778,  0.8427007929, -0.8427007929,
                                    0.9953222650, -0.9999779095, 0.1124629160};
  ASSERT_EQ(got.values.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got.values[i], want[i], 1e-7) << i;
  // Integer inputs are promoted to float32, like the other transcendental functions.
  const HostTensor from_int = run_unary(EwOp::kErf, kI32, {1, -2});
  EXPECT_EQ(from_int.dtype, kF32);
  EXPECT_NEAR(from_int.values[1], -0.9953222650, 1e-7);
}

TEST(ReferenceElementwise, Int32ArithmeticWraps) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::vector<std::pair<EwOp, std::function<std::uint32_t(std::uint32_t, std::uint32_t)>>>
      ops = {
          {EwOp::kAdd, [](std::uint32_t a, std::uint32_t b) { return a + b; }},
          {EwOp::kSub, [](std::uint32_t a, std::uint32_t b) { return a - b; }},
          {EwOp::kMul, [](std::uint32_t a, std::uint32_t b) { return a * b; }},
      };
  for (const auto& [op, f] : ops) {
    SCOPED_TRACE(std::string(ew_info(op).name));
    const HostTensor A = random_tensor(kI32, {3, 1, 4}, s.rng, -2147483648.0, 2147483648.0);
    const HostTensor B = random_tensor(kI32, {2, 1}, s.rng, -2147483648.0, 2147483648.0);
    const Fn2 g = [&fn = f](double a, double b) {
      return static_cast<double>(
          static_cast<std::int32_t>(fn(static_cast<std::uint32_t>(static_cast<std::int32_t>(a)),
                                       static_cast<std::uint32_t>(static_cast<std::int32_t>(b)))));
    };
    expect_same(run_broadcast(op, A, B), want_broadcast(kI32, A, B, g));
  }
  constexpr double kMin = std::numeric_limits<std::int32_t>::min();
  expect_same(run_unary(EwOp::kNeg, kI32, {kMin, 5}), HostTensor(kI32, {2}, {kMin, -5}));
  expect_same(run_unary(EwOp::kAbs, kI32, {kMin, -5}), HostTensor(kI32, {2}, {kMin, 5}));
  expect_same(run_unary(EwOp::kRelu, kI32, {-3, 4}), HostTensor(kI32, {2}, {0, 4}));
}

TEST(ReferenceElementwise, Int32DivisionAndModulo) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  // C semantics: truncation toward zero, the remainder takes the dividend's sign; x / 0 and
  // x % 0 are 0; INT32_MIN / -1 wraps.
  constexpr double kMin = std::numeric_limits<std::int32_t>::min();
  const HostTensor A(kI32, {3, 1, 4}, {7, -7, 7, -7, 0, 1, -1, 100, kMin, kMin, 13, -13});
  const HostTensor B(kI32, {2, 1}, {-2, 0});
  const HostTensor div = run_broadcast(EwOp::kDiv, A, B);
  const HostTensor mod = run_broadcast(EwOp::kMod, A, B);
  const std::vector<double> div_by_minus_2 = {-3, 3,   -3,         3,          0,  0,
                                              0,  -50, 1073741824, 1073741824, -6, 6};
  const std::vector<double> mod_by_minus_2 = {1, -1, 1, -1, 0, 1, -1, 0, 0, 0, 1, -1};
  for (int i = 0; i < 3; ++i) {
    for (int q = 0; q < 4; ++q) {
      EXPECT_EQ(div.values[(i * 2) * 4 + q], div_by_minus_2[i * 4 + q]);
      EXPECT_EQ(mod.values[(i * 2) * 4 + q], mod_by_minus_2[i * 4 + q]);
      EXPECT_EQ(div.values[(i * 2 + 1) * 4 + q], 0.0);
      EXPECT_EQ(mod.values[(i * 2 + 1) * 4 + q], 0.0);
    }
  }
  const HostTensor m1(kI32, {2, 1}, {-1, 1});
  EXPECT_EQ(run_broadcast(EwOp::kDiv, A, m1).values[(2 * 2) * 4], kMin);  // wraps
  // Random operands against the C++ operators.
  const HostTensor R = random_tensor(kI32, {3, 1, 4}, s.rng, -1000, 1000);
  const HostTensor D = random_tensor(kI32, {2, 1}, s.rng, 1, 50);
  expect_same(run_broadcast(EwOp::kDiv, R, D), want_broadcast(kI32, R, D, [](double a, double b) {
                return static_cast<double>(static_cast<int>(a) / static_cast<int>(b));
              }));
  expect_same(run_broadcast(EwOp::kMod, R, D), want_broadcast(kI32, R, D, [](double a, double b) {
                return static_cast<double>(static_cast<int>(a) % static_cast<int>(b));
              }));
}

TEST(ReferenceElementwise, IntTensorWithFloatLiteralIsFloat) {
  Program p;
  const TensorId x = p.add_input("X", kI32, {3});
  p.add_output(p.add_elementwise("Y", EwOp::kDiv, {x, p.add_literal(2.0, kF32)}));
  expect_same(run1(p, {HostTensor(kI32, {3}, {7, -3, 4})}), HostTensor(kF32, {3}, {3.5, -1.5, 2}));
}

TEST(ReferenceElementwise, SelectBroadcastsThreeOperands) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId c = p.add_input("C", kBool, {3, 1, 4});
  const TensorId a = p.add_input("A", kF32, {2, 1});
  const TensorId b = p.add_input("B", kF32, {4});
  p.add_output(p.add_elementwise("Y", EwOp::kSelect, {c, a, b}));
  const HostTensor C = random_tensor(kBool, {3, 1, 4}, s.rng);
  const HostTensor A = random_tensor(kF32, {2, 1}, s.rng), B = random_tensor(kF32, {4}, s.rng);
  HostTensor want = expected(kF32, {3, 2, 4});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 2; ++j) {
      for (int q = 0; q < 4; ++q) {
        want.values[(i * 2 + j) * 4 + q] = C.values[i * 4 + q] != 0 ? A.values[j] : B.values[q];
      }
    }
  }
  expect_same(run1(p, {C, A, B}), want);
}

TEST(ReferenceElementwise, ScalarBroadcastsAgainstTensor) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId sc = p.add_input("S", kF32, {});
  const TensorId x = p.add_input("X", kF32, {2, 3});
  p.add_output(p.add_elementwise("Y", EwOp::kSub, {sc, x}));
  p.add_output(p.add_elementwise("Z", EwOp::kExp, {sc}));
  const HostTensor S = random_tensor(kF32, {}, s.rng), X = random_tensor(kF32, {2, 3}, s.rng);
  const std::vector<HostTensor> got = reference_run(p, {S, X});
  HostTensor want = expected(kF32, {2, 3});
  for (std::size_t i = 0; i < 6; ++i) want.values[i] = S.values[0] - X.values[i];
  expect_same(got[0], want);
  expect_same(got[1], HostTensor(kF32, {}, {std::exp(S.values[0])}));
}

TEST(ReferenceElementwise, BoolArithmeticStaysBool) {
  Program p;
  const TensorId a = p.add_input("A", kBool, {4});
  const TensorId b = p.add_input("B", kBool, {4});
  p.add_output(p.add_elementwise("Y", EwOp::kAdd, {a, b}));
  expect_same(run1(p, {HostTensor(kBool, {4}, {0, 1, 0, 1}), HostTensor(kBool, {4}, {0, 0, 1, 1})}),
              HostTensor(kBool, {4}, {0, 1, 1, 1}));
}

TEST(ReferenceElementwise, CastsTruncateSaturateAndRound) {
  constexpr double kMax = std::numeric_limits<std::int32_t>::max();
  constexpr double kMin = std::numeric_limits<std::int32_t>::min();
  expect_same(run_unary(EwOp::kCast, kF32, {2.9, -2.9, 3e10, -3e10, kNaN, kInf, -0.5}, kI32),
              HostTensor(kI32, {7}, {2, -2, kMax, kMin, 0, kMax, 0}));
  expect_same(run_unary(EwOp::kCast, kF32, {0.0, -0.0, 0.25, kNaN, -3}, kBool),
              HostTensor(kBool, {5}, {0, 0, 1, 1, 1}));
  // float16: ties go to even, 65520 overflows, 0.1 is inexact.
  const double one_eps = 1.0 + std::ldexp(1.0, -11), one_3eps = 1.0 + 3 * std::ldexp(1.0, -11);
  expect_same(run_unary(EwOp::kCast, kF32, {one_eps, one_3eps, 65520.0, 0.1, 3.0}, DType::kFloat16),
              HostTensor(DType::kFloat16, {5},
                         {1.0, 1.0 + std::ldexp(1.0, -9), kInf, 0.0999755859375, 3.0}));
  expect_same(run_unary(EwOp::kCast, kF32, {0.1, 1e39}, kF32),
              HostTensor(kF32, {2}, {0.100000001490116119384765625, kInf}));
  expect_same(run_unary(EwOp::kCast, kI32, {-7, 2147483647}, kF32),
              HostTensor(kF32, {2}, {-7, 2147483648.0}));
}

TEST(ReferenceElementwise, HalfArithmeticIsNotRounded) {
  // Only explicit casts round: 1 + 2^-11 is kept although float16 cannot hold it.
  Program p;
  const TensorId a = p.add_input("A", DType::kFloat16, {1});
  const TensorId b = p.add_input("B", DType::kFloat16, {1});
  p.add_output(p.add_elementwise("Y", EwOp::kAdd, {a, b}));
  const double tiny = std::ldexp(1.0, -11);
  expect_same(
      run1(p, {HostTensor(DType::kFloat16, {1}, {1.0}), HostTensor(DType::kFloat16, {1}, {tiny})}),
      HostTensor(DType::kFloat16, {1}, {1.0 + tiny}));
}

TEST(ReferenceElementwise, LargeTensorMultiThreadedMatchesSingle) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId a = p.add_input("A", kF32, {70, 1, 1000});
  const TensorId b = p.add_input("B", kF32, {3, 1});
  p.add_output(p.add_elementwise("Y", EwOp::kMul, {a, b}));
  const HostTensor A = random_tensor(kF32, {70, 1, 1000}, s.rng),
                   B = random_tensor(kF32, {3, 1}, s.rng);
  HostTensor want = expected(kF32, {70, 3, 1000});
  for (int i = 0; i < 70; ++i) {
    for (int j = 0; j < 3; ++j) {
      for (int q = 0; q < 1000; ++q)
        want.values[(i * 3 + j) * 1000 + q] = A.values[i * 1000 + q] * B.values[j];
    }
  }
  expect_same(run1(p, {A, B}, 3), want);
}

}  // namespace
}  // namespace tartan
