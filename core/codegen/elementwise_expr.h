// One elementwise op as a kernel IR expression over already-computed operand expressions.
#pragma once

#include <string>
#include <vector>

#include "codegen/kir/expr.h"
#include "tartan/ir/dtype.h"
#include "tartan/ir/ops.h"

namespace tartan {

// `args` are expressions in the compute types of `arg_types`; the result is an expression in
// the compute type of `out`, with the language's semantics (see reference/executor.h).
kir::Expr elementwise(EwOp op, DType out, const std::vector<kir::Expr>& args,
                      const std::vector<DType>& arg_types);

// The same over operands given as C text, printed (for the register-tile writer, which builds
// strings until it is lowered to the IR).
std::string elementwise_expr(EwOp op, DType out, const std::vector<std::string>& args,
                             const std::vector<DType>& arg_types);

}  // namespace tartan
