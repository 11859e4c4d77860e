#include "codegen/vector_epilogue.h"

#include "tartan/support/error.h"

namespace tartan {

bool has_vector_form(EwOp op, DType out, const std::vector<DType>& arg_types) {
  if (!is_float(out)) return false;
  for (DType t : arg_types) {
    if (!is_float(t)) return false;
  }
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kSub:
    case EwOp::kMul:
    case EwOp::kDiv:
    case EwOp::kNeg:
    case EwOp::kMin:
    case EwOp::kMax:
    case EwOp::kRelu:
    case EwOp::kAbs:
    case EwOp::kIdentity:
      return true;
    default:
      return false;
  }
}

std::string vector_elementwise_expr(EwOp op, const std::vector<std::string>& args,
                                    const std::string& vec_type) {
  const EwOpInfo& info = ew_info(op);
  TARTAN_CHECK(static_cast<int>(args.size()) == info.arity, "operand count");
  // tt_fmin/tt_fmax per lane: a NaN operand gives a + b (NaN), else fmin/fmax. isnan of a
  // vector is -1 in its true lanes, which is what select tests (the sign bit).
  const auto nan_or = [&](const std::string& fn) {
    const std::string& a = args[0];
    const std::string& b = args[1];
    return "select(" + fn + "(" + a + ", " + b + "), " + a + " + " + b + ", isnan(" + a +
           ") | isnan(" + b + "))";
  };
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kSub:
    case EwOp::kMul:
    case EwOp::kDiv:
      return "(" + args[0] + " " + std::string(info.symbol) + " " + args[1] + ")";
    case EwOp::kNeg:
      return "(-" + args[0] + ")";
    case EwOp::kMin:
      return nan_or("fmin");
    case EwOp::kMax:
      return nan_or("fmax");
    case EwOp::kRelu:  // per lane: a < 0 ? 0 : a (NaN stays NaN)
      return "select(" + args[0] + ", (" + vec_type + ")(0.0f), " + args[0] + " < (" + vec_type +
             ")(0.0f))";
    case EwOp::kAbs:
      return "fabs(" + args[0] + ")";
    case EwOp::kIdentity:
      return args[0];
    default:
      break;
  }
  throw InternalError("vector_elementwise_expr: no vector form for " + std::string(info.name));
}

}  // namespace tartan
