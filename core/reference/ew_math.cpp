#include "reference/ew_math.h"

#include <cmath>
#include <cstdint>

#include "reference/value_rules.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

double nan_aware(double a, double b, bool take_max) {
  if (std::isnan(a) || std::isnan(b)) return a + b;
  return (take_max ? a < b : b < a) ? b : a;
}

bool truth(double v) { return v != 0.0; }
double boolean(bool b) { return b ? 1.0 : 0.0; }

// Integer arithmetic for int32 results: int64 holds every intermediate exactly (the product
// of two int32 values, INT32_MIN / -1), then the result wraps.
bool int_arith(EwOp op, std::int64_t a, std::int64_t b, std::int64_t* r) {
  switch (op) {
    case EwOp::kAdd:
      *r = a + b;
      return true;
    case EwOp::kSub:
      *r = a - b;
      return true;
    case EwOp::kMul:
      *r = a * b;
      return true;
    case EwOp::kDiv:
      *r = b == 0 ? 0 : a / b;
      return true;
    case EwOp::kMod:
      *r = b == 0 ? 0 : a % b;
      return true;
    case EwOp::kNeg:
      *r = -a;
      return true;
    case EwOp::kMin:
      *r = a < b ? a : b;
      return true;
    case EwOp::kMax:
      *r = a < b ? b : a;
      return true;
    case EwOp::kAbs:
      *r = a < 0 ? -a : a;
      return true;
    case EwOp::kRelu:
      *r = a < 0 ? 0 : a;
      return true;
    default:
      return false;
  }
}

double float_math(EwOp op, double a, double b, double c) {
  switch (op) {
    case EwOp::kAdd:
      return a + b;
    case EwOp::kSub:
      return a - b;
    case EwOp::kMul:
      return a * b;
    case EwOp::kDiv:
      return a / b;
    case EwOp::kMod:
      return std::fmod(a, b);
    case EwOp::kNeg:
      return -a;
    case EwOp::kMin:
      return nan_aware(a, b, false);
    case EwOp::kMax:
      return nan_aware(a, b, true);
    case EwOp::kPow:
      return std::pow(a, b);
    case EwOp::kEq:
      return boolean(a == b);
    case EwOp::kNe:
      return boolean(a != b);
    case EwOp::kLt:
      return boolean(a < b);
    case EwOp::kGt:
      return boolean(a > b);
    case EwOp::kLe:
      return boolean(a <= b);
    case EwOp::kGe:
      return boolean(a >= b);
    case EwOp::kAnd:
      return boolean(truth(a) && truth(b));
    case EwOp::kOr:
      return boolean(truth(a) || truth(b));
    case EwOp::kNot:
      return boolean(!truth(a));
    case EwOp::kSelect:
      return truth(a) ? b : c;
    case EwOp::kAbs:
      return std::fabs(a);
    case EwOp::kExp:
      return std::exp(a);
    case EwOp::kLog:
      return std::log(a);
    case EwOp::kSqrt:
      return std::sqrt(a);
    case EwOp::kTanh:
      return std::tanh(a);
    case EwOp::kSigmoid:
      return 1.0 / (1.0 + std::exp(-a));
    case EwOp::kRelu:
      return nan_aware(a, 0.0, true);
    case EwOp::kFloor:
      return std::floor(a);
    case EwOp::kCeil:
      return std::ceil(a);
    case EwOp::kRound:
      return std::round(a);  // half away from zero
    case EwOp::kSin:
      return std::sin(a);
    case EwOp::kCos:
      return std::cos(a);
    case EwOp::kTan:
      return std::tan(a);
    case EwOp::kErf:
      return std::erf(a);
    case EwOp::kCast:
    case EwOp::kIdentity:
      return a;
  }
  TARTAN_CHECK(false, "unknown elementwise op");
}

}  // namespace

double ew_apply(EwOp op, DType out, double a, double b, double c) {
  if (op == EwOp::kCast) return cast_value(out, a);
  std::int64_t r = 0;
  if (out == DType::kInt32 &&
      int_arith(op, static_cast<std::int64_t>(a), static_cast<std::int64_t>(b), &r)) {
    return wrap_int32(r);
  }
  return normalize_value(out, float_math(op, a, b, c));
}

}  // namespace tartan
