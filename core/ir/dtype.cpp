#include "tartan/ir/dtype.h"

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

}  // namespace tartan
