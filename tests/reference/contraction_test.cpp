// The reference executor's contractions against independent hand-written loops.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "reference_test_util.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

using testing::expected;
using testing::ix;
using testing::k;
using testing::run1;
using testing::Seeded;

constexpr DType kF32 = DType::kFloat32;
constexpr DType kI32 = DType::kInt32;

TEST(ReferenceContraction, Matmul) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t M = 5, K = 7, N = 3;
  Program p;
  const TensorId a = p.add_input("A", kF32, {M, K});
  const TensorId b = p.add_input("B", kF32, {K, N});
  p.add_output(p.add_contraction(
      "O", {M, N},
      testing::contraction({"i", "j", "k"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
                           {{a, {ix(0), ix(2)}}, {b, {ix(2), ix(1)}}})));
  const HostTensor A = random_tensor(kF32, {M, K}, s.rng), B = random_tensor(kF32, {K, N}, s.rng);
  HostTensor want = expected(kF32, {M, N});
  for (std::int64_t i = 0; i < M; ++i) {
    for (std::int64_t j = 0; j < N; ++j) {
      double acc = 0;
      for (std::int64_t q = 0; q < K; ++q) acc += A.values[i * K + q] * B.values[q * N + j];
      want.values[i * N + j] = acc;
    }
  }
  EXPECT_LT(relative_error(run1(p, {A, B}), want), 1e-12);
}

struct ConvCase {
  std::int64_t n, h, w, c, m, kh, kw, stride, dilation, pad_top, pad_left, oh, ow;
};

// O[n, y, x, m] = +(I[n, s*y + d*i - pt, s*x + d*j - pl, c] * K[i, j, c, m]): zero padding
// comes from skipping out-of-bounds accesses.
void check_conv(const ConvCase& t, int threads) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId in = p.add_input("I", kF32, {t.n, t.h, t.w, t.c});
  const TensorId ker = p.add_input("K", kF32, {t.kh, t.kw, t.c, t.m});
  // n=0 y=1 x=2 m=3 i=4 j=5 c=6
  p.add_output(p.add_contraction(
      "O", {t.n, t.oh, t.ow, t.m},
      testing::contraction({"n", "y", "x", "m", "i", "j", "c"}, {ix(0), ix(1), ix(2), ix(3)},
                           AggOp::kSum, CombOp::kMul,
                           {{in,
                             {ix(0), ix(1, t.stride) + ix(4, t.dilation) - k(t.pad_top),
                              ix(2, t.stride) + ix(5, t.dilation) - k(t.pad_left), ix(6)}},
                            {ker, {ix(4), ix(5), ix(6), ix(3)}}})));
  const HostTensor I = random_tensor(kF32, {t.n, t.h, t.w, t.c}, s.rng);
  const HostTensor K = random_tensor(kF32, {t.kh, t.kw, t.c, t.m}, s.rng);
  HostTensor want = expected(kF32, {t.n, t.oh, t.ow, t.m});
  for (std::int64_t n = 0; n < t.n; ++n) {
    for (std::int64_t y = 0; y < t.oh; ++y) {
      for (std::int64_t x = 0; x < t.ow; ++x) {
        for (std::int64_t m = 0; m < t.m; ++m) {
          double acc = 0;
          for (std::int64_t i = 0; i < t.kh; ++i) {
            for (std::int64_t j = 0; j < t.kw; ++j) {
              const std::int64_t iy = t.stride * y + t.dilation * i - t.pad_top;
              const std::int64_t jx = t.stride * x + t.dilation * j - t.pad_left;
              if (iy < 0 || iy >= t.h || jx < 0 || jx >= t.w) continue;
              for (std::int64_t c = 0; c < t.c; ++c) {
                acc += I.values[((n * t.h + iy) * t.w + jx) * t.c + c] *
                       K.values[((i * t.kw + j) * t.c + c) * t.m + m];
              }
            }
          }
          want.values[((n * t.oh + y) * t.ow + x) * t.m + m] = acc;
        }
      }
    }
  }
  EXPECT_LT(relative_error(run1(p, {I, K}, threads), want), 1e-12);
}

TEST(ReferenceContraction, ConvStrideDilationPadding) {
  // 9x9, 3x3 kernel dilated by 2, stride 2, padding 2: (9 + 4 - 5) / 2 + 1 = 5.
  check_conv({2, 9, 9, 3, 4, 3, 3, 2, 2, 2, 2, 5, 5}, 1);
}

TEST(ReferenceContraction, ConvEvenKernelSamePadding) {
  // 4x2 kernel, "same" output: padding 1 on top (3 below), 0 on the left (1 right).
  check_conv({1, 6, 5, 2, 3, 4, 2, 1, 1, 1, 0, 6, 5}, 1);
}

TEST(ReferenceContraction, ConvMultiThreaded) {
  check_conv({2, 12, 12, 4, 8, 3, 3, 1, 1, 1, 1, 12, 12}, 3);
}

// Max pooling, 3x3 windows, stride 2, padding 1 through offsets; windows are cut by the
// constraints i < 3, j < 3 and by the input's bounds.
TEST(ReferenceContraction, MaxPoolWithConstraints) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t N = 2, H = 7, W = 6, C = 3, OH = 4, OW = 3;
  Program p;
  const TensorId in = p.add_input("I", kF32, {N, H, W, C});
  // n=0 y=1 x=2 c=3 i=4 j=5
  p.add_output(p.add_contraction(
      "O", {N, OH, OW, C},
      testing::contraction({"n", "y", "x", "c", "i", "j"}, {ix(0), ix(1), ix(2), ix(3)},
                           AggOp::kMax, CombOp::kNone,
                           {{in, {ix(0), ix(1, 2) + ix(4) - k(1), ix(2, 2) + ix(5) - k(1), ix(3)}}},
                           {{ix(4), 3}, {ix(5), 3}})));
  const HostTensor I = random_tensor(kF32, {N, H, W, C}, s.rng);
  HostTensor want = expected(kF32, {N, OH, OW, C});
  for (std::int64_t n = 0; n < N; ++n) {
    for (std::int64_t y = 0; y < OH; ++y) {
      for (std::int64_t x = 0; x < OW; ++x) {
        for (std::int64_t c = 0; c < C; ++c) {
          double best = -std::numeric_limits<double>::infinity();
          for (std::int64_t iy = 2 * y - 1; iy <= 2 * y + 1; ++iy) {
            for (std::int64_t jx = 2 * x - 1; jx <= 2 * x + 1; ++jx) {
              if (iy < 0 || iy >= H || jx < 0 || jx >= W) continue;
              best = std::max(best, I.values[((n * H + iy) * W + jx) * C + c]);
            }
          }
          want.values[((n * OH + y) * OW + x) * C + c] = best;
        }
      }
    }
  }
  EXPECT_LT(relative_error(run1(p, {I}), want), 1e-12);
}

// O[i : M] = agg(A[i, j]) for a single-input aggregation.
Program row_reduction(AggOp agg, DType dtype, std::int64_t M, std::int64_t N) {
  Program p;
  const TensorId a = p.add_input("A", dtype, {M, N});
  p.add_output(p.add_contraction(
      "O", {M},
      testing::contraction({"i", "j"}, {ix(0)}, agg, CombOp::kNone, {{a, {ix(0), ix(1)}}})));
  return p;
}

TEST(ReferenceContraction, SumProductMinOverAxis) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t M = 4, N = 6;
  const HostTensor A = random_tensor(kF32, {M, N}, s.rng, 0.5, 1.5);
  for (AggOp agg : {AggOp::kSum, AggOp::kProd, AggOp::kMin, AggOp::kMax}) {
    SCOPED_TRACE("aggregation " + std::string(agg_symbol(agg)));
    HostTensor want = expected(kF32, {M});
    for (std::int64_t i = 0; i < M; ++i) {
      double acc = A.values[i * N];
      for (std::int64_t j = 1; j < N; ++j) {
        const double v = A.values[i * N + j];
        acc = agg == AggOp::kSum    ? acc + v
              : agg == AggOp::kProd ? acc * v
              : agg == AggOp::kMin  ? std::min(acc, v)
                                    : std::max(acc, v);
      }
      want.values[i] = acc;
    }
    EXPECT_LT(relative_error(run1(row_reduction(agg, kF32, M, N), {A}), want), 1e-12);
  }
}

TEST(ReferenceContraction, MaxAndMinPropagateNaN) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  HostTensor A = random_tensor(kF32, {3, 4}, s.rng);
  A.values[1 * 4 + 2] = std::numeric_limits<double>::quiet_NaN();
  for (AggOp agg : {AggOp::kMin, AggOp::kMax}) {
    const HostTensor got = run1(row_reduction(agg, kF32, 3, 4), {A});
    EXPECT_TRUE(std::isnan(got.values[1]));
    EXPECT_FALSE(std::isnan(got.values[0]));
    EXPECT_FALSE(std::isnan(got.values[2]));
  }
}

TEST(ReferenceContraction, Int32SumAndProductWrap) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t M = 3, N = 5;
  const HostTensor A = random_tensor(kI32, {M, N}, s.rng, -2e9, 2e9);
  for (AggOp agg : {AggOp::kSum, AggOp::kProd}) {
    HostTensor want = expected(kI32, {M});
    for (std::int64_t i = 0; i < M; ++i) {
      std::uint32_t acc = agg == AggOp::kSum ? 0u : 1u;
      for (std::int64_t j = 0; j < N; ++j) {
        const auto v = static_cast<std::uint32_t>(static_cast<std::int32_t>(A.values[i * N + j]));
        acc = agg == AggOp::kSum ? acc + v : acc * v;
      }
      want.values[i] = static_cast<std::int32_t>(acc);
    }
    testing::expect_same(run1(row_reduction(agg, kI32, M, N), {A}), want);
  }
}

// O[i, j] = agg(A[i, k] comb B[k, j]) on small integers, so equal pairs are common.
Program pair_contraction(AggOp agg, CombOp comb, std::optional<TensorId>* c_id = nullptr) {
  Program p;
  const TensorId a = p.add_input("A", kI32, {3, 4});
  const TensorId b = p.add_input("B", kI32, {4, 5});
  Contraction c = testing::contraction({"i", "j", "k"}, {ix(0), ix(1)}, agg, comb,
                                       {{a, {ix(0), ix(2)}}, {b, {ix(2), ix(1)}}});
  if (comb == CombOp::kCond) {
    const TensorId cv = p.add_input("C", kF32, {3, 4});
    c.inputs.push_back({cv, {ix(0), ix(2)}});
    if (c_id) *c_id = cv;
  }
  p.add_output(p.add_contraction("O", {3, 5}, std::move(c)));
  return p;
}

TEST(ReferenceContraction, EqualityCombination) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const HostTensor A = random_tensor(kI32, {3, 4}, s.rng, 0, 3);
  const HostTensor B = random_tensor(kI32, {4, 5}, s.rng, 0, 3);
  HostTensor any = expected(DType::kBool, {3, 5}), count = expected(kI32, {3, 5});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 5; ++j) {
      int n = 0;
      for (int q = 0; q < 4; ++q) n += A.values[i * 4 + q] == B.values[q * 5 + j];
      any.values[i * 5 + j] = n > 0;
      count.values[i * 5 + j] = n;
    }
  }
  testing::expect_same(run1(pair_contraction(AggOp::kMax, CombOp::kEq), {A, B}), any);
  testing::expect_same(run1(pair_contraction(AggOp::kSum, CombOp::kEq), {A, B}), count);
}

TEST(ReferenceContraction, ConditionalCombination) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const HostTensor A = random_tensor(kI32, {3, 4}, s.rng, 0, 3);
  const HostTensor B = random_tensor(kI32, {4, 5}, s.rng, 0, 3);
  const HostTensor C = random_tensor(kF32, {3, 4}, s.rng);
  HostTensor want = expected(kF32, {3, 5});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 5; ++j) {
      double acc = 0;
      for (int q = 0; q < 4; ++q) {
        if (A.values[i * 4 + q] == B.values[q * 5 + j]) acc += C.values[i * 4 + q];
      }
      want.values[i * 5 + j] = acc;
    }
  }
  EXPECT_LT(relative_error(run1(pair_contraction(AggOp::kSum, CombOp::kCond), {A, B, C}), want),
            1e-12);
}

// O[i : 5] = agg(A[i, j]), i < 3, default D: rows 3 and 4 are unreached and keep D.
TEST(ReferenceContraction, DefaultTensorWithSumAndAssign) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  for (AggOp agg : {AggOp::kSum, AggOp::kAssign}) {
    SCOPED_TRACE("aggregation " + std::string(agg_symbol(agg)));
    const std::int64_t N = agg == AggOp::kSum ? 4 : 1;
    Program p;
    const TensorId a = p.add_input("A", kF32, {5, N});
    const TensorId d = p.add_input("D", kF32, {5});
    p.add_output(p.add_contraction("O", {5},
                                   testing::contraction({"i", "j"}, {ix(0)}, agg, CombOp::kNone,
                                                        {{a, {ix(0), ix(1)}}}, {{ix(0), 3}}, d)));
    const HostTensor A = random_tensor(kF32, {5, N}, s.rng);
    const HostTensor D = random_tensor(kF32, {5}, s.rng);
    HostTensor want = expected(kF32, {5});
    for (std::int64_t i = 0; i < 5; ++i) {
      double acc = agg == AggOp::kSum ? D.values[i] : 0.0;
      for (std::int64_t j = 0; j < N; ++j) acc += A.values[i * N + j];
      want.values[i] = i < 3 ? acc : D.values[i];
    }
    EXPECT_LT(relative_error(run1(p, {A, D}), want), 1e-12);
  }
}

TEST(ReferenceContraction, DefaultTensorWithMaxAndProduct) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  for (AggOp agg : {AggOp::kMax, AggOp::kProd}) {
    Program p;
    const TensorId a = p.add_input("A", kF32, {4, 3});
    const TensorId d = p.add_input("D", kF32, {4});
    p.add_output(p.add_contraction("O", {4},
                                   testing::contraction({"i", "j"}, {ix(0)}, agg, CombOp::kNone,
                                                        {{a, {ix(0), ix(1)}}}, {}, d)));
    const HostTensor A = random_tensor(kF32, {4, 3}, s.rng);
    const HostTensor D = random_tensor(kF32, {4}, s.rng);
    HostTensor want = expected(kF32, {4});
    for (int i = 0; i < 4; ++i) {
      double acc = D.values[i];
      for (int j = 0; j < 3; ++j) {
        acc = agg == AggOp::kMax ? std::max(acc, A.values[i * 3 + j]) : acc * A.values[i * 3 + j];
      }
      want.values[i] = acc;
    }
    EXPECT_LT(relative_error(run1(p, {A, D}), want), 1e-12);
  }
}

// O[i, j : 2, 3] = =(A[i, j, k]), 0 <= i + j - 3k < 10: only O[1, 2] takes both k = 0 and 1.
TEST(ReferenceContraction, AssignWritingTwiceIsAnError) {
  Program p;
  const TensorId a = p.add_input("A", kF32, {2, 3, 2});
  p.add_output(p.add_contraction(
      "O", {2, 3},
      testing::contraction({"i", "j", "k"}, {ix(0), ix(1)}, AggOp::kAssign, CombOp::kNone,
                           {{a, {ix(0), ix(1), ix(2)}}}, {{ix(0) + ix(1) - ix(2, 3), 10}})));
  const HostTensor A(kF32, {2, 3, 2}, std::vector<double>(12, 1.0));
  for (int threads : {1, 2}) {
    try {
      reference_run(p, {A}, {threads});
      ADD_FAILURE() << "expected an Error";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("O[1, 2]"), std::string::npos) << e.what();
    }
  }
}

TEST(ReferenceContraction, FractionalIndicesAreSkipped) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t N = 5;
  const HostTensor A = random_tensor(kF32, {N}, s.rng);
  HostTensor want = expected(kF32, {2 * N});
  for (std::int64_t i = 0; i < 2 * N; ++i) want.values[i] = i % 2 == 0 ? A.values[i / 2] : 0.0;
  // O[i : 2N] = =(A[i / 2]) and O[2i : 2N] = =(A[i]) both write the even elements.
  for (bool divide : {true, false}) {
    SCOPED_TRACE(divide ? "A[i / 2]" : "O[2 * i]");
    Program p;
    const TensorId a = p.add_input("A", kF32, {N});
    p.add_output(p.add_contraction(
        "O", {2 * N},
        testing::contraction({"i"}, {divide ? ix(0) : ix(0, 2)}, AggOp::kAssign, CombOp::kNone,
                             {{a, {divide ? ix(0) / 2 : ix(0)}}})));
    testing::expect_same(run1(p, {A}), want);
  }
}

// O[i, j : 3, 4] = +(A[(i + j) / 2, j]): a fraction mixing the inner and outer variables.
TEST(ReferenceContraction, FractionOfTwoVariables) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId a = p.add_input("A", kF32, {3, 4});
  p.add_output(
      p.add_contraction("O", {3, 4},
                        testing::contraction({"i", "j"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kNone,
                                             {{a, {(ix(0) + ix(1)) / 2, ix(1)}}})));
  const HostTensor A = random_tensor(kF32, {3, 4}, s.rng);
  HostTensor want = expected(kF32, {3, 4});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 4; ++j) {
      const int r = (i + j) / 2;
      want.values[i * 4 + j] = (i + j) % 2 == 0 && r < 3 ? A.values[r * 4 + j] : 0.0;
    }
  }
  testing::expect_same(run1(p, {A}, 2), want);
}

TEST(ReferenceContraction, NegativeCoefficientFlips) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t N = 7;
  Program p;
  const TensorId a = p.add_input("A", kF32, {N});
  p.add_output(p.add_contraction("O", {N},
                                 testing::contraction({"i"}, {ix(0)}, AggOp::kAssign, CombOp::kNone,
                                                      {{a, {k(N - 1) - ix(0)}}})));
  const HostTensor A = random_tensor(kF32, {N}, s.rng);
  HostTensor want = expected(kF32, {N});
  for (std::int64_t i = 0; i < N; ++i) want.values[i] = A.values[N - 1 - i];
  testing::expect_same(run1(p, {A}), want);
}

TEST(ReferenceContraction, ConstraintCouplingTwoIndices) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t N = 5;
  Program p;
  const TensorId a = p.add_input("A", kF32, {N, N});
  p.add_output(
      p.add_contraction("O", {N, N},
                        testing::contraction({"i", "j"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kNone,
                                             {{a, {ix(0), ix(1)}}}, {{ix(0) + ix(1), N}})));
  const HostTensor A = random_tensor(kF32, {N, N}, s.rng);
  HostTensor want = expected(kF32, {N, N});
  for (std::int64_t i = 0; i < N; ++i) {
    for (std::int64_t j = 0; j < N; ++j)
      want.values[i * N + j] = i + j < N ? A.values[i * N + j] : 0.0;
  }
  testing::expect_same(run1(p, {A}), want);
}

// O[i + j : N + M - 1] = +(A[i] * B[j]): polynomial product; no output dimension is a single
// variable, so this runs single-threaded whatever the thread count.
TEST(ReferenceContraction, OutputIndexOfTwoVariables) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t N = 6, M = 4;
  Program p;
  const TensorId a = p.add_input("A", kF32, {N});
  const TensorId b = p.add_input("B", kF32, {M});
  p.add_output(p.add_contraction("O", {N + M - 1},
                                 testing::contraction({"i", "j"}, {ix(0) + ix(1)}, AggOp::kSum,
                                                      CombOp::kMul, {{a, {ix(0)}}, {b, {ix(1)}}})));
  const HostTensor A = random_tensor(kF32, {N}, s.rng), B = random_tensor(kF32, {M}, s.rng);
  HostTensor want(kF32, {N + M - 1});  // zeros: accumulated into below
  for (std::int64_t i = 0; i < N; ++i) {
    for (std::int64_t j = 0; j < M; ++j) want.values[i + j] += A.values[i] * B.values[j];
  }
  EXPECT_LT(relative_error(run1(p, {A, B}, 4), want), 1e-12);
}

TEST(ReferenceContraction, MultiThreadedEqualsSingleThreadedExactly) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const std::int64_t M = 48, K = 40, N = 44;  // 84480 points: above the parallel threshold
  Program p;
  const TensorId a = p.add_input("A", kF32, {M, K});
  const TensorId b = p.add_input("B", kF32, {K, N});
  p.add_output(p.add_contraction(
      "O", {M, N},
      testing::contraction({"i", "j", "k"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
                           {{a, {ix(0), ix(2)}}, {b, {ix(2), ix(1)}}})));
  const HostTensor A = random_tensor(kF32, {M, K}, s.rng), B = random_tensor(kF32, {K, N}, s.rng);
  const HostTensor one = run1(p, {A, B}, 1);
  for (int threads : {2, 3, 8}) {
    SCOPED_TRACE(std::to_string(threads) + " threads");
    testing::expect_same(run1(p, {A, B}, threads), one);
  }
}

TEST(ReferenceContraction, ScalarTensors) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId a = p.add_input("A", kF32, {6});
  const TensorId sc = p.add_input("S", kF32, {});
  // O[] = +(A[i]); B[i : 4] = =(S[]); C[] = +(S[]) (no index variables at all).
  p.add_output(p.add_contraction(
      "O", {}, testing::contraction({"i"}, {}, AggOp::kSum, CombOp::kNone, {{a, {ix(0)}}})));
  p.add_output(p.add_contraction(
      "B", {4}, testing::contraction({"i"}, {ix(0)}, AggOp::kAssign, CombOp::kNone, {{sc, {}}})));
  p.add_output(p.add_contraction(
      "C", {}, testing::contraction({}, {}, AggOp::kSum, CombOp::kNone, {{sc, {}}})));
  const HostTensor A = random_tensor(kF32, {6}, s.rng), S = random_tensor(kF32, {}, s.rng);
  const std::vector<HostTensor> got = reference_run(p, {A, S});
  ASSERT_EQ(got.size(), 3u);
  double sum = 0;
  for (double v : A.values) sum += v;
  EXPECT_LT(relative_error(got[0], HostTensor(kF32, {}, {sum})), 1e-12);
  testing::expect_same(got[1], HostTensor(kF32, {4}, std::vector<double>(4, S.values[0])));
  testing::expect_same(got[2], S);
}

}  // namespace
}  // namespace tartan
