#include "tartan/ops/activation.h"

#include <cmath>
#include <numbers>

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

Tensor hard_sigmoid(const Tensor& x) { return hard_sigmoid_scaled(x, 0.2, 0.5); }

Tensor hard_sigmoid_scaled(const Tensor& x, double alpha, double beta) {
  return clip(x * alpha + beta, 0.0, 1.0);
}

Tensor swish(const Tensor& x) { return x * sigmoid(x); }

Tensor softmax(const Tensor& x, int axis) {
  const int a = detail::normalize_axis("softmax", axis, x.rank());
  // Subtracting the maximum keeps exp() from overflowing; it cancels in the quotient.
  const Tensor shifted = exp(x - reduce_max(x, {a}, true));
  return shifted / reduce_sum(shifted, {a}, true);
}

Tensor log_softmax(const Tensor& x, int axis) {
  const int a = detail::normalize_axis("log_softmax", axis, x.rank());
  const Tensor shifted = x - reduce_max(x, {a}, true);
  return shifted - log(reduce_sum(exp(shifted), {a}, true));
}

Tensor gelu(const Tensor& x) {
  const Tensor cdf = erf(x * std::numbers::sqrt2_v<double> / 2.0) + 1.0;
  return x * 0.5 * cdf;
}

Tensor gelu_tanh(const Tensor& x) {
  const double c = std::sqrt(2.0 / std::numbers::pi);
  const Tensor inner = (x + x * x * x * 0.044715) * c;
  return x * 0.5 * (tanh(inner) + 1.0);
}

Tensor hard_swish(const Tensor& x) { return x * hard_sigmoid_scaled(x, 1.0 / 6.0, 0.5); }

Tensor prelu(const Tensor& x, const Tensor& slope) {
  detail::require_same_builder("prelu", x, slope);
  Shape shape;
  if (!broadcast_shapes(x.shape(), slope.shape(), &shape) || shape != x.shape()) {
    throw Error("prelu: the slope " + shape_str(slope.shape()) +
                    " does not broadcast to the input " + shape_str(x.shape()),
                "give the slope the input's trailing dimensions or size 1 in their place");
  }
  const Tensor negative = x < 0.0;
  return select(negative, x * slope, x);
}

Tensor selu(const Tensor& x, double alpha, double gamma) { return elu(x, alpha) * gamma; }

Tensor celu(const Tensor& x, double alpha) {
  if (alpha == 0.0) throw Error("celu: alpha is 0", "pass a non-zero alpha (ONNX's default is 1)");
  const Tensor negative_part = (exp(x / alpha) - 1.0) * alpha;
  return tartan::max(x, 0.0) + tartan::min(negative_part, 0.0);
}

Tensor thresholded_relu(const Tensor& x, double alpha) {
  const Tensor above = x > alpha;
  return select(above, x, 0.0);
}

Tensor softplus(const Tensor& x) {
  const Tensor tail = log(exp(-abs(x)) + 1.0);
  return tartan::max(x, 0.0) + tail;
}

Tensor softsign(const Tensor& x) { return x / (abs(x) + 1.0); }

Tensor mish(const Tensor& x) { return x * tanh(softplus(x)); }

Tensor add(const Tensor& a, const Tensor& b) { return a + b; }
Tensor sub(const Tensor& a, const Tensor& b) { return a - b; }
Tensor mul(const Tensor& a, const Tensor& b) { return a * b; }
Tensor div(const Tensor& a, const Tensor& b) { return a / b; }
Tensor maximum(const Tensor& a, const Tensor& b) { return tartan::max(a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return tartan::min(a, b); }

}  // namespace tartan::ops
