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

kir::Expr vector_elementwise(EwOp op, const std::vector<kir::Expr>& args,
                             const kir::Type& vec_type) {
  using kir::Fn;
  const EwOpInfo& info = ew_info(op);
  TARTAN_CHECK(static_cast<int>(args.size()) == info.arity, "operand count");
  // tt_fmin/tt_fmax per lane: a NaN operand gives a + b (NaN), else fmin/fmax. isnan of a
  // vector is -1 in its true lanes, which is what select tests (the sign bit).
  const auto nan_or = [&](Fn fn) {
    const kir::Expr& a = args[0];
    const kir::Expr& b = args[1];
    return kir::call(Fn::kSelect,
                     {kir::call(fn, {a, b}), kir::binary("+", a, b),
                      kir::binary("|", kir::call(Fn::kIsnan, {a}), kir::call(Fn::kIsnan, {b}))});
  };
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kSub:
    case EwOp::kMul:
    case EwOp::kDiv:
      return kir::paren(kir::binary(std::string(info.symbol), args[0], args[1]));
    case EwOp::kNeg:
      return kir::paren(kir::unary("-", args[0]));
    case EwOp::kMin:
      return nan_or(Fn::kFmin);
    case EwOp::kMax:
      return nan_or(Fn::kFmax);
    case EwOp::kRelu: {  // per lane: a < 0 ? 0 : a (NaN stays NaN)
      const kir::Expr zero = kir::make_vector(vec_type, {kir::literal(DType::kFloat32, 0)});
      return kir::call(Fn::kSelect, {args[0], zero, kir::binary("<", args[0], zero)});
    }
    case EwOp::kAbs:
      return kir::call(Fn::kFabs, {args[0]});
    case EwOp::kIdentity:
      return args[0];
    default:
      break;
  }
  throw InternalError("vector_elementwise: no vector form for " + std::string(info.name));
}

}  // namespace tartan
