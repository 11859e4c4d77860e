#include "tartan/ops/logic.h"

#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

void require_bool(const char* op, const Tensor& x) {
  if (x.dtype() != DType::kBool) {
    throw Error(std::string(op) + ": " + x.name() + " is " + std::string(dtype_name(x.dtype())) +
                    ", not bool",
                "cast it to bool first (a comparison gives bool)");
  }
}

// Checks the builders and the broadcast before the elementwise op, so the message names the op.
void require_broadcast(const char* op, const std::vector<Tensor>& xs) {
  Shape shape;
  for (const Tensor& x : xs) {
    detail::require_same_builder(op, xs.front(), x);
    Shape next;
    if (!broadcast_shapes(shape, x.shape(), &next)) {
      std::string shapes;
      for (const Tensor& y : xs) shapes += (shapes.empty() ? "" : " and ") + shape_str(y.shape());
      throw Error(std::string(op) + ": the shapes " + shapes + " do not broadcast",
                  "each dimension must match or be 1 (aligned from the last)");
    }
    shape = next;
  }
}

Tensor compare(const char* op, EwOp ew, const Tensor& a, const Tensor& b) {
  require_broadcast(op, {a, b});
  return a.builder().elementwise(ew, {a, b});
}

Tensor logic(const char* op, EwOp ew, const Tensor& a, const Tensor& b) {
  require_bool(op, a);
  require_bool(op, b);
  return compare(op, ew, a, b);
}

}  // namespace

Tensor equal(const Tensor& a, const Tensor& b) { return compare("equal", EwOp::kEq, a, b); }
Tensor less(const Tensor& a, const Tensor& b) { return compare("less", EwOp::kLt, a, b); }
Tensor greater(const Tensor& a, const Tensor& b) { return compare("greater", EwOp::kGt, a, b); }
Tensor less_equal(const Tensor& a, const Tensor& b) {
  return compare("less_equal", EwOp::kLe, a, b);
}
Tensor greater_equal(const Tensor& a, const Tensor& b) {
  return compare("greater_equal", EwOp::kGe, a, b);
}

Tensor logical_not(const Tensor& a) {
  require_bool("logical_not", a);
  return !a;
}
Tensor logical_and(const Tensor& a, const Tensor& b) {
  return logic("logical_and", EwOp::kAnd, a, b);
}
Tensor logical_or(const Tensor& a, const Tensor& b) { return logic("logical_or", EwOp::kOr, a, b); }
// On bools, exclusive or is inequality.
Tensor logical_xor(const Tensor& a, const Tensor& b) {
  return logic("logical_xor", EwOp::kNe, a, b);
}

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  require_bool("where", cond);
  require_broadcast("where", {cond, a, b});
  return select(cond, a, b);
}

}  // namespace tartan::ops
