// Activations (Keras semantics), elementwise except softmax.
#pragma once

#include "tartan/ir/builder.h"

namespace tartan::ops {

// The builder's own relu, sigmoid and tanh are the activations; re-exported so that
// ops::relu(x) and relu(x) are the same function.
using tartan::relu;
using tartan::sigmoid;
using tartan::tanh;

Tensor clip(const Tensor& x, double lo, double hi);      // min(max(x, lo), hi)
Tensor relu6(const Tensor& x);                           // clip(x, 0, 6)
Tensor leaky_relu(const Tensor& x, double alpha = 0.3);  // x if x >= 0 else alpha * x
Tensor elu(const Tensor& x, double alpha = 1.0);         // x if x > 0 else alpha * (exp(x) - 1)
Tensor hard_sigmoid(const Tensor& x);                    // clip(0.2 * x + 0.5, 0, 1)
Tensor swish(const Tensor& x);                           // x * sigmoid(x)
// exp(x - max) / sum(exp(x - max)) along `axis` (negative counts from the end).
Tensor softmax(const Tensor& x, int axis = -1);

// Elementwise binary ops with NumPy broadcasting (Keras Add, Subtract, Multiply, ...).
Tensor add(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);

}  // namespace tartan::ops
