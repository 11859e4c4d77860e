// How a contraction's aggregation folds one value into its accumulator, as a kernel IR
// statement: += for sums, *= for products, a NaN-propagating compare-and-select for max and
// min (a NaN value always wins, as in the reference executor), plain assignment for `=`.
#pragma once

#include "codegen/kir/expr.h"
#include "codegen/kir/stmt.h"
#include "tartan/ir/ops.h"

namespace tartan {

kir::Stmt fold(AggOp agg, const kir::Expr& acc, const kir::Expr& val);

}  // namespace tartan
