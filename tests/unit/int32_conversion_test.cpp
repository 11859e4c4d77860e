// Host values stored in int32 tensors (issue 17): one defined rule everywhere
// (to_int32_saturated: truncate, saturate, NaN 0, as OpenCL's convert_int_sat_rtz), so the bytes
// a device is given and the values the reference computes with agree. 3e9 used to go through
// C++'s undefined double -> int conversion (INT_MIN on x86) on its way to the device.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "tartan/ir/program.h"
#include "tartan/lang/parse.h"
#include "tartan/reference/executor.h"

namespace tartan {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::int32_t kMax = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();

const std::vector<double> kOdd = {3e9, -3e9, kInf, -kInf, std::nan(""), 2.7, -2.7, 7};
const std::vector<std::int32_t> kStored = {kMax, kMin, kMax, kMin, 0, 2, -2, 7};

TEST(Int32Conversion, SaturatesTruncatesAndZeroesNaN) {
  for (std::size_t i = 0; i < kOdd.size(); ++i) {
    EXPECT_EQ(to_int32_saturated(kOdd[i]), kStored[i]) << kOdd[i];
  }
}

TEST(Int32Conversion, DeviceBytesFollowTheRule) {
  const auto data = ConstantData::from_doubles(DType::kInt32, kOdd);
  ASSERT_EQ(data->bytes().size(), kOdd.size() * 4);
  for (std::size_t i = 0; i < kOdd.size(); ++i) {
    std::int32_t v;
    std::memcpy(&v, data->bytes().data() + 4 * i, 4);
    EXPECT_EQ(v, kStored[i]) << kOdd[i];
  }
}

TEST(Int32Conversion, TheReferenceComputesWithTheStoredValues) {
  // gather clamps the stored row (INT_MAX -> 4, INT_MIN -> 0); the sum sees 2, not 2.7.
  const Program p = parse_program(
      "function (D[5], I: int32[8]) -> (G, S) {\n"
      "  G = gather(D, I);\n"
      "  S = I + 0;\n"
      "}\n");
  HostTensor d(DType::kFloat32, {5});
  d.values = {10, 11, 12, 13, 14};
  HostTensor idx(DType::kInt32, {8});
  idx.values = kOdd;
  const std::vector<HostTensor> out = reference_run(p, {d, idx});
  const std::vector<double> rows = {14, 10, 14, 10, 10, 12, 10, 14};
  EXPECT_EQ(out[0].values, rows);
  for (std::size_t i = 0; i < kOdd.size(); ++i) EXPECT_EQ(out[1].values[i], kStored[i]) << i;
}

}  // namespace
}  // namespace tartan
