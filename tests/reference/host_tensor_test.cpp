// random_tensor and relative_error: the helpers every numeric test leans on.
#include "tartan/reference/host_tensor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "reference_test_util.h"
#include "tartan/support/half.h"

namespace tartan {
namespace {

using testing::Seeded;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(HostTensor, RandomValuesFitTheirTypeAndRange) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const HostTensor h = random_tensor(DType::kFloat16, {50, 20}, s.rng, -3.0, 2.0);
  ASSERT_EQ(h.values.size(), 1000u);
  for (double v : h.values) {
    EXPECT_EQ(v, half_to_float(float_to_half(static_cast<float>(v))));  // exactly a half
    EXPECT_GE(v, -3.0);
    EXPECT_LE(v, 2.0);  // rounding to half may reach hi itself
  }
  const HostTensor f = random_tensor(DType::kFloat32, {1000}, s.rng, 5.0, 6.0);
  for (double v : f.values) {
    EXPECT_EQ(v, static_cast<float>(v));
    EXPECT_GE(v, 5.0);
    EXPECT_LE(v, 6.0);
  }
  const HostTensor i = random_tensor(DType::kInt32, {1000}, s.rng, -2, 3);
  int seen[5] = {};
  for (double v : i.values) {
    ASSERT_EQ(v, std::trunc(v));
    ASSERT_GE(v, -2);
    ASSERT_LT(v, 3);
    ++seen[static_cast<int>(v) + 2];
  }
  for (int n : seen) EXPECT_GT(n, 0);  // every integer in [lo, hi) turns up
  const HostTensor b = random_tensor(DType::kBool, {1000}, s.rng);
  int ones = 0;
  for (double v : b.values) {
    ASSERT_TRUE(v == 0.0 || v == 1.0);
    ones += v == 1.0;
  }
  EXPECT_GT(ones, 350);
  EXPECT_LT(ones, 650);
}

TEST(HostTensor, RelativeErrorIsNormWise) {
  const HostTensor want(DType::kFloat32, {2, 2}, {3, 0, 0, 4});  // norm 5
  EXPECT_EQ(relative_error(want, want), 0.0);
  const HostTensor got(DType::kFloat32, {2, 2}, {3, 0, 0.5, 4});
  EXPECT_DOUBLE_EQ(relative_error(got, want), 0.1);
  // An all-zero expectation still measures the difference.
  const HostTensor zero(DType::kFloat32, {2}, {0, 0});
  EXPECT_GT(relative_error(HostTensor(DType::kFloat32, {2}, {0, 1e-20}), zero), 1e9);
}

TEST(HostTensor, RelativeErrorNeverPassesNaNOrMismatch) {
  const HostTensor want(DType::kFloat32, {3}, {1, 2, 3});
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {3}, {1, kNaN, 3}), want), kInf);
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {3}, {1, kInf, 3}), want), kInf);
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {1, 3}, {1, 2, 3}), want), kInf);
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {3}, {1, 2}), want), kInf);
  // An expected NaN or Inf must be matched exactly.
  const HostTensor special(DType::kFloat32, {3}, {kNaN, -kInf, 1});
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {3}, {kNaN, -kInf, 1}), special), 0.0);
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {3}, {0, -kInf, 1}), special), kInf);
  EXPECT_EQ(relative_error(HostTensor(DType::kFloat32, {3}, {kNaN, kInf, 1}), special), kInf);
}

}  // namespace
}  // namespace tartan
