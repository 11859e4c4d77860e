// The value of one elementwise operation on float64 operands.
#pragma once

#include "tartan/ir/dtype.h"
#include "tartan/ir/ops.h"

namespace tartan {

// `out` is the result's dtype: int32 arithmetic is exact and wraps, integer `/` truncates
// toward zero and `%` follows C (x / 0 and x % 0 give 0); bool results are 0 or 1; floats
// follow IEEE float64 (`%` is fmod, min/max propagate NaN). Unused operands are ignored.
double ew_apply(EwOp op, DType out, double a, double b, double c);

}  // namespace tartan
