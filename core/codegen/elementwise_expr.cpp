#include "codegen/elementwise_expr.h"

#include "codegen/kir/printer.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

using kir::Expr;
using kir::Fn;

const kir::Type kFloat = kir::compute_type(DType::kFloat32);
const kir::Type kInt = kir::compute_type(DType::kInt32);

// Operands of a float-only function, converted from int where needed.
Expr as_float(const Expr& e, DType t) { return is_float(t) ? e : kir::cast(kFloat, kir::paren(e)); }

Expr cast_expr(DType out, const Expr& a, DType in) {
  switch (out) {
    case DType::kBool:
      return kir::paren(kir::binary("!=", kir::paren(a), kir::imm(0)));
    case DType::kInt32:
      return is_float(in) ? kir::call(Fn::kConvertIntSatRtz, {a}) : kir::cast(kInt, kir::paren(a));
    case DType::kFloat32:
      return kir::cast(kFloat, kir::paren(a));
    case DType::kFloat16:
      return kir::call(Fn::kRoundHalf, {kir::cast(kFloat, kir::paren(a))});
  }
  return a;
}

// The math builtin of a one-operand float op.
Fn math_fn(EwOp op) {
  switch (op) {
    case EwOp::kExp:
      return Fn::kExp;
    case EwOp::kLog:
      return Fn::kLog;
    case EwOp::kSqrt:
      return Fn::kSqrt;
    case EwOp::kTanh:
      return Fn::kTanh;
    case EwOp::kFloor:
      return Fn::kFloor;
    case EwOp::kCeil:
      return Fn::kCeil;
    case EwOp::kRound:
      return Fn::kRound;
    case EwOp::kSin:
      return Fn::kSin;
    case EwOp::kCos:
      return Fn::kCos;
    case EwOp::kTan:
      return Fn::kTan;
    case EwOp::kErf:
      return Fn::kErf;
    default:
      throw InternalError("math_fn: " + std::string(ew_info(op).name) + " is no math builtin");
  }
}

}  // namespace

Expr elementwise(EwOp op, DType out, const std::vector<Expr>& args,
                 const std::vector<DType>& arg_types) {
  const EwOpInfo& info = ew_info(op);
  TARTAN_CHECK(static_cast<int>(args.size()) == info.arity, "operand count");
  const bool f = is_float(out);
  const auto a = [&](std::size_t i) { return kir::paren(args[i]); };
  const auto fa = [&](std::size_t i) { return as_float(args[i], arg_types[i]); };
  const auto is_true = [&](std::size_t i) { return kir::binary("!=", a(i), kir::imm(0)); };
  const std::string symbol(info.symbol);
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kSub:
    case EwOp::kMul:
      return kir::paren(kir::binary(symbol, a(0), a(1)));
    case EwOp::kDiv:
      return f ? kir::paren(kir::binary("/", a(0), a(1))) : kir::call(Fn::kIdiv, args);
    case EwOp::kMod:
      return f ? kir::call(Fn::kFmod, {fa(0), fa(1)}) : kir::call(Fn::kImod, args);
    case EwOp::kNeg:
      return kir::paren(kir::unary("-", a(0)));
    case EwOp::kMin:
      return f ? kir::call(Fn::kTtFmin, {fa(0), fa(1)}) : kir::call(Fn::kMin, args);
    case EwOp::kMax:
      return f ? kir::call(Fn::kTtFmax, {fa(0), fa(1)}) : kir::call(Fn::kMax, args);
    case EwOp::kPow:
      return kir::call(Fn::kPow, {fa(0), fa(1)});
    case EwOp::kEq:
    case EwOp::kNe:
    case EwOp::kLt:
    case EwOp::kGt:
    case EwOp::kLe:
    case EwOp::kGe:
      return kir::cast(kInt, kir::paren(kir::binary(symbol, a(0), a(1))));
    case EwOp::kAnd:
      return kir::cast(kInt, kir::paren(kir::binary("&&", is_true(0), is_true(1))));
    case EwOp::kOr:
      return kir::cast(kInt, kir::paren(kir::binary("||", is_true(0), is_true(1))));
    case EwOp::kNot:
      return kir::cast(kInt, kir::paren(kir::binary("==", a(0), kir::imm(0))));
    case EwOp::kSelect: {
      const kir::Type t = f ? kFloat : kInt;
      return kir::paren(kir::ternary(is_true(0), kir::cast(t, a(1)), kir::cast(t, a(2))));
    }
    case EwOp::kAbs:
      return f ? kir::call(Fn::kFabs, {fa(0)}) : kir::cast(kInt, kir::call(Fn::kAbs, {args[0]}));
    case EwOp::kSigmoid: {
      const Expr one = kir::literal(DType::kFloat32, 1);
      return kir::paren(kir::binary(
          "/", one,
          kir::paren(kir::binary("+", one, kir::call(Fn::kExp, {kir::unary("-", fa(0))})))));
    }
    case EwOp::kRelu: {
      if (!f) return kir::call(Fn::kMax, {args[0], kir::imm(0)});
      const Expr zero = kir::literal(DType::kFloat32, 0);
      return kir::paren(kir::ternary(kir::binary("<", a(0), zero), zero, a(0)));
    }
    case EwOp::kExp:
    case EwOp::kLog:
    case EwOp::kSqrt:
    case EwOp::kTanh:
    case EwOp::kFloor:
    case EwOp::kCeil:
    case EwOp::kRound:
    case EwOp::kSin:
    case EwOp::kCos:
    case EwOp::kTan:
    case EwOp::kErf:
      return kir::call(math_fn(op), {fa(0)});
    case EwOp::kCast:
      return cast_expr(out, args[0], arg_types[0]);
    case EwOp::kIdentity:
      return args[0];
  }
  throw InternalError("elementwise: unhandled op " + std::string(info.name));
}

std::string elementwise_expr(EwOp op, DType out, const std::vector<std::string>& args,
                             const std::vector<DType>& arg_types) {
  std::vector<Expr> operands;
  for (const std::string& a : args) operands.push_back(kir::verbatim(a));
  return kir::print(elementwise(op, out, operands, arg_types));
}

}  // namespace tartan
