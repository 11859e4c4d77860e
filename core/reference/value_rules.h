// How the values of each dtype behave in the float64 reference executor.
//
// Every value is a double. int32 results wrap as two's complement int32 does; bool results are
// 0 or 1; float16 and float32 results are kept unrounded (the oracle is more precise than any
// device), except where a program casts explicitly.
#pragma once

#include <cstdint>

#include "tartan/ir/dtype.h"

namespace tartan {

// The int32 that two's complement arithmetic leaves from the integer v.
double wrap_int32(std::int64_t v);

// A computed result stored as `t`: int32 wraps (v is integral), bool becomes v != 0, floats
// are unchanged.
double normalize_value(DType t, double v);

// An explicit cast to `t`: int32 truncates toward zero and saturates (NaN -> 0), bool is
// v != 0, float16 and float32 round to nearest even.
double cast_value(DType t, double v);

}  // namespace tartan
