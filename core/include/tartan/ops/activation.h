// Activations (Keras semantics), elementwise except softmax.
#pragma once

#include "tartan/ir/builder.h"

namespace tartan::ops {

// The builder's own relu, sigmoid and tanh are the activations; re-exported so that
// ops::relu(x) and relu(x) are the same function.
using tartan::erf;
using tartan::relu;
using tartan::sigmoid;
using tartan::tanh;

Tensor clip(const Tensor& x, double lo, double hi);      // min(max(x, lo), hi)
Tensor relu6(const Tensor& x);                           // clip(x, 0, 6)
Tensor leaky_relu(const Tensor& x, double alpha = 0.3);  // x if x >= 0 else alpha * x
Tensor elu(const Tensor& x, double alpha = 1.0);         // x if x > 0 else alpha * (exp(x) - 1)
Tensor hard_sigmoid(const Tensor& x);                    // clip(0.2 * x + 0.5, 0, 1)
Tensor swish(const Tensor& x);                           // x * sigmoid(x)
// clip(alpha * x + beta, 0, 1): ONNX's HardSigmoid (hard_sigmoid is alpha 0.2, beta 0.5).
Tensor hard_sigmoid_scaled(const Tensor& x, double alpha, double beta);
// exp(x - max) / sum(exp(x - max)) along `axis` (negative counts from the end).
Tensor softmax(const Tensor& x, int axis = -1);
// log(softmax(x)) as (x - max) - log(sum(exp(x - max))): finite wherever x is, unlike the log
// of a softmax that underflowed to 0.
Tensor log_softmax(const Tensor& x, int axis = -1);

// The activations ONNX adds.
Tensor gelu(const Tensor& x);        // x/2 (1 + erf(x / sqrt 2)), the exact form
Tensor gelu_tanh(const Tensor& x);   // x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
Tensor hard_swish(const Tensor& x);  // x * clip(x / 6 + 1/2, 0, 1)
// x where x >= 0, slope * x elsewhere; `slope` broadcasts to x's shape (one way: the result
// has x's shape).
Tensor prelu(const Tensor& x, const Tensor& slope);
// gamma * (x if x > 0 else alpha * (exp(x) - 1)); the defaults are ONNX's (float32 values).
Tensor selu(const Tensor& x, double alpha = 1.67326319217681884765625,
            double gamma = 1.05070102214813232421875);
// max(0, x) + min(0, alpha * (exp(x / alpha) - 1)); alpha must not be 0.
Tensor celu(const Tensor& x, double alpha = 1.0);
Tensor thresholded_relu(const Tensor& x, double alpha = 1.0);  // x if x > alpha else 0
// log(1 + exp(x)), computed as max(x, 0) + log(1 + exp(-|x|)) so that it never overflows.
Tensor softplus(const Tensor& x);
Tensor softsign(const Tensor& x);  // x / (1 + |x|)
Tensor mish(const Tensor& x);      // x * tanh(softplus(x))

// Elementwise binary ops with NumPy broadcasting (Keras Add, Subtract, Multiply, ...).
Tensor add(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);

}  // namespace tartan::ops
