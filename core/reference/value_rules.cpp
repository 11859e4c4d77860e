#include "reference/value_rules.h"

#include <cmath>
#include <limits>

#include "tartan/support/half.h"

namespace tartan {

namespace {

constexpr double kTwoPow32 = 4294967296.0;
constexpr double kTwoPow128 = 3.4028236692093846346e38;  // float32 overflows to inf here

// static_cast<float> of a double beyond float's range is undefined behaviour; IEEE rounding
// makes it infinity.
float to_float(double v) {
  if (std::isfinite(v) && std::fabs(v) >= kTwoPow128) {
    return v > 0 ? std::numeric_limits<float>::infinity() : -std::numeric_limits<float>::infinity();
  }
  return static_cast<float>(v);
}

}  // namespace

double wrap_int32(std::int64_t v) {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v)));
}

double normalize_value(DType t, double v) {
  switch (t) {
    case DType::kBool:
      return v != 0.0 ? 1.0 : 0.0;
    case DType::kInt32:
      if (!std::isfinite(v)) return 0.0;
      // fmod is exact, so this wraps integers of any magnitude.
      return wrap_int32(static_cast<std::int64_t>(std::fmod(std::trunc(v), kTwoPow32)));
    case DType::kFloat16:
    case DType::kFloat32:
      return v;
  }
  return v;
}

double cast_value(DType t, double v) {
  switch (t) {
    case DType::kBool:
      return v != 0.0 ? 1.0 : 0.0;
    case DType::kInt32:
      return to_int32_saturated(v);
    case DType::kFloat16:
      return half_to_float(float_to_half(to_float(v)));
    case DType::kFloat32:
      return to_float(v);
  }
  return v;
}

}  // namespace tartan
