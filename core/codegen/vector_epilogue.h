// Elementwise ops on whole OpenCL vectors, for the fused epilogue of vector accumulators
// (KernelPlan::vector_epilogue): the same results as elementwise()'s per-lane form.
#pragma once

#include <vector>

#include "codegen/kir/expr.h"
#include "tartan/ir/dtype.h"
#include "tartan/ir/ops.h"

namespace tartan {

// Whether `op` (result `out`, operands `arg_types`) has a vector form with exactly the scalar
// form's results: float arithmetic, NaN-propagating min/max, relu, abs. Integer and bool
// operands, casts and the rest stay per lane.
bool has_vector_form(EwOp op, DType out, const std::vector<DType>& arg_types);

// `op` over operands that are vectors of `vec_type` (float16); each operand must be a name
// (one may appear more than once in the expression).
kir::Expr vector_elementwise(EwOp op, const std::vector<kir::Expr>& args,
                             const kir::Type& vec_type);

}  // namespace tartan
