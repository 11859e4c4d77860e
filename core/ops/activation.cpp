#include "tartan/ops/activation.h"

#include "ops/op_util.h"
#include "tartan/ops/reduce.h"
#include "tartan/support/error.h"

namespace tartan::ops {

Tensor clip(const Tensor& x, double lo, double hi) {
  if (!(lo <= hi)) {
    throw Error("clip: the lower bound " + std::to_string(lo) + " is above the upper bound " +
                    std::to_string(hi),
                "pass lo <= hi");
  }
  return tartan::min(tartan::max(x, lo), hi);
}

Tensor relu6(const Tensor& x) { return clip(x, 0.0, 6.0); }

// Operands are built in separate statements: C++ leaves the order of function arguments
// unspecified, and the op order should not depend on the compiler.
Tensor leaky_relu(const Tensor& x, double alpha) {
  const Tensor positive = x > 0.0;
  return select(positive, x, x * alpha);
}

Tensor elu(const Tensor& x, double alpha) {
  const Tensor positive = x > 0.0;
  return select(positive, x, (exp(x) - 1.0) * alpha);
}

Tensor hard_sigmoid(const Tensor& x) { return clip(x * 0.2 + 0.5, 0.0, 1.0); }

Tensor swish(const Tensor& x) { return x * sigmoid(x); }

Tensor softmax(const Tensor& x, int axis) {
  const int a = detail::normalize_axis("softmax", axis, x.rank());
  // Subtracting the maximum keeps exp() from overflowing; it cancels in the quotient.
  const Tensor shifted = exp(x - reduce_max(x, {a}, true));
  return shifted / reduce_sum(shifted, {a}, true);
}

Tensor add(const Tensor& a, const Tensor& b) { return a + b; }
Tensor sub(const Tensor& a, const Tensor& b) { return a - b; }
Tensor mul(const Tensor& a, const Tensor& b) { return a * b; }
Tensor div(const Tensor& a, const Tensor& b) { return a / b; }
Tensor maximum(const Tensor& a, const Tensor& b) { return tartan::max(a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return tartan::min(a, b); }

}  // namespace tartan::ops
