// One elementwise op as an OpenCL C expression over already-computed operand expressions.
#pragma once

#include <string>
#include <vector>

#include "tartan/ir/dtype.h"
#include "tartan/ir/ops.h"

namespace tartan {

// `args` are expressions in the compute types of `arg_types`; the result is an expression in
// the compute type of `out`, with the language's semantics (see reference/executor.h).
std::string elementwise_expr(EwOp op, DType out, const std::vector<std::string>& args,
                             const std::vector<DType>& arg_types);

}  // namespace tartan
