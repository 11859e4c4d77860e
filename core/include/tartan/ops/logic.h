// Comparisons, logic, selection and casts with NumPy broadcasting (ONNX Equal, Less, Greater,
// LessOrEqual, GreaterOrEqual, Not, And, Or, Xor, Where, Cast).
#pragma once

#include "tartan/ir/builder.h"

namespace tartan::ops {

// Results are bool.
Tensor equal(const Tensor& a, const Tensor& b);
Tensor less(const Tensor& a, const Tensor& b);
Tensor greater(const Tensor& a, const Tensor& b);
Tensor less_equal(const Tensor& a, const Tensor& b);
Tensor greater_equal(const Tensor& a, const Tensor& b);

// Bool operands only (a user error otherwise, as ONNX defines them on bool).
Tensor logical_not(const Tensor& a);
Tensor logical_and(const Tensor& a, const Tensor& b);
Tensor logical_or(const Tensor& a, const Tensor& b);
Tensor logical_xor(const Tensor& a, const Tensor& b);

// cond ? a : b per element; cond is bool; all three broadcast.
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);

// Conversion between bool, int32 and float types: floats to int32 truncate toward zero
// (saturating, NaN -> 0), anything non-zero is true.
using tartan::cast;

}  // namespace tartan::ops
