#include "codegen/elementwise_expr.h"

#include "tartan/support/error.h"

namespace tartan {

namespace {

std::string call(const std::string& fn, const std::vector<std::string>& args) {
  std::string s = fn + "(";
  for (std::size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + args[i];
  return s + ")";
}

// Operands of a float-only function, converted from int where needed.
std::string as_float(const std::string& e, DType t) {
  return is_float(t) ? e : "(float)(" + e + ")";
}

std::string cast_expr(DType out, const std::string& a, DType in) {
  switch (out) {
    case DType::kBool:
      return "((" + a + ") != 0)";
    case DType::kInt32:
      return is_float(in) ? "convert_int_sat_rtz(" + a + ")" : "(int)(" + a + ")";
    case DType::kFloat32:
      return "(float)(" + a + ")";
    case DType::kFloat16:
      return "tt_round_half((float)(" + a + "))";
  }
  return a;
}

}  // namespace

std::string elementwise_expr(EwOp op, DType out, const std::vector<std::string>& args,
                             const std::vector<DType>& arg_types) {
  const EwOpInfo& info = ew_info(op);
  TARTAN_CHECK(static_cast<int>(args.size()) == info.arity, "operand count");
  const bool f = is_float(out);
  const auto a = [&](std::size_t i) { return "(" + args[i] + ")"; };
  const auto fa = [&](std::size_t i) { return as_float(args[i], arg_types[i]); };
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kSub:
    case EwOp::kMul:
      return "(" + a(0) + " " + std::string(info.symbol) + " " + a(1) + ")";
    case EwOp::kDiv:
      return f ? "(" + a(0) + " / " + a(1) + ")" : call("tt_idiv", args);
    case EwOp::kMod:
      return f ? call("fmod", {fa(0), fa(1)}) : call("tt_imod", args);
    case EwOp::kNeg:
      return "(-" + a(0) + ")";
    case EwOp::kMin:
      return f ? call("tt_fmin", {fa(0), fa(1)}) : call("min", args);
    case EwOp::kMax:
      return f ? call("tt_fmax", {fa(0), fa(1)}) : call("max", args);
    case EwOp::kPow:
      return call("pow", {fa(0), fa(1)});
    case EwOp::kEq:
    case EwOp::kNe:
    case EwOp::kLt:
    case EwOp::kGt:
    case EwOp::kLe:
    case EwOp::kGe:
      return "(int)(" + a(0) + " " + std::string(info.symbol) + " " + a(1) + ")";
    case EwOp::kAnd:
      return "(int)(" + a(0) + " != 0 && " + a(1) + " != 0)";
    case EwOp::kOr:
      return "(int)(" + a(0) + " != 0 || " + a(1) + " != 0)";
    case EwOp::kNot:
      return "(int)(" + a(0) + " == 0)";
    case EwOp::kSelect: {
      const std::string t = std::string(f ? "(float)" : "(int)");
      return "(" + a(0) + " != 0 ? " + t + a(1) + " : " + t + a(2) + ")";
    }
    case EwOp::kAbs:
      return f ? call("fabs", {fa(0)}) : "(int)abs(" + args[0] + ")";
    case EwOp::kSigmoid:
      return "(1.0f / (1.0f + exp(-" + fa(0) + ")))";
    case EwOp::kRelu:
      return f ? "(" + a(0) + " < 0.0f ? 0.0f : " + a(0) + ")" : call("max", {args[0], "0"});
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
      return call(std::string(info.name), {fa(0)});
    case EwOp::kCast:
      return cast_expr(out, args[0], arg_types[0]);
    case EwOp::kIdentity:
      return args[0];
  }
  throw InternalError("elementwise_expr: unhandled op " + std::string(info.name));
}

}  // namespace tartan
