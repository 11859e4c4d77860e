#include "codegen/aggregation.h"

#include "tartan/support/error.h"

namespace tartan {

kir::Stmt fold(AggOp agg, const kir::Expr& acc, const kir::Expr& val) {
  const auto pick = [&](const char* wins) {  // val wins where it compares so, or is NaN
    const kir::Expr test =
        kir::binary("||", kir::binary(wins, val, acc), kir::binary("!=", val, val));
    return kir::assign(acc, "=", kir::ternary(kir::paren(test), val, acc));
  };
  switch (agg) {
    case AggOp::kSum:
      return kir::assign(acc, "+=", val);
    case AggOp::kProd:
      return kir::assign(acc, "*=", val);
    case AggOp::kMax:
      return pick(">");
    case AggOp::kMin:
      return pick("<");
    case AggOp::kAssign:
      return kir::assign(acc, "=", val);
  }
  throw InternalError("fold: unknown aggregation");
}

}  // namespace tartan
