#include "tartan/ir/dtype.h"

#include <cmath>
#include <limits>

namespace tartan {

std::string_view dtype_name(DType t) {
  switch (t) {
    case DType::kBool:
      return "bool";
    case DType::kInt32:
      return "int32";
    case DType::kFloat16:
      return "float16";
    case DType::kFloat32:
      return "float32";
  }
  return "?";
}

std::optional<DType> parse_dtype(std::string_view name) {
  for (DType t : {DType::kBool, DType::kInt32, DType::kFloat16, DType::kFloat32}) {
    if (dtype_name(t) == name) return t;
  }
  return std::nullopt;
}

std::size_t dtype_size(DType t) {
  switch (t) {
    case DType::kBool:
      return 1;
    case DType::kFloat16:
      return 2;
    case DType::kInt32:
    case DType::kFloat32:
      return 4;
  }
  return 4;
}

std::int32_t to_int32_saturated(double v) {
  if (std::isnan(v)) return 0;
  constexpr double lo = std::numeric_limits<std::int32_t>::min();
  constexpr double hi = std::numeric_limits<std::int32_t>::max();
  return static_cast<std::int32_t>(std::trunc(std::fmin(std::fmax(v, lo), hi)));
}

}  // namespace tartan
