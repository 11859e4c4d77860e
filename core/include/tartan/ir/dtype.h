// Element types and NumPy-like type promotion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tartan {

// Ordered by promotion rank: a binary op on two types yields the later one.
enum class DType : std::uint8_t { kBool, kInt32, kFloat16, kFloat32 };

std::string_view dtype_name(DType t);                     // "bool", "int32", "float16", "float32"
std::optional<DType> parse_dtype(std::string_view name);  // inverse of dtype_name
std::size_t dtype_size(DType t);                          // bytes per element on the device
inline bool is_float(DType t) { return t == DType::kFloat16 || t == DType::kFloat32; }
inline DType promote(DType a, DType b) { return a < b ? b : a; }

// The int32 a value becomes wherever tartan converts to int32 (an explicit cast, a host value
// stored in an int32 tensor): truncated toward zero and saturated, NaN to 0, as OpenCL's
// convert_int_sat_rtz. (C++'s own conversion is undefined outside the int32 range.)
std::int32_t to_int32_saturated(double v);

}  // namespace tartan
