// Dense layers and matrix products.
#pragma once

#include <optional>

#include "tartan/ir/builder.h"

namespace tartan::ops {

// x [..., K], kernel [K, N], bias [N] -> [..., N] (Keras Dense without activation).
Tensor dense(const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias = {});

// NumPy/ONNX MatMul: a [..., M, K], b [..., K, N] -> [..., M, N], the batch dimensions
// broadcast (a size 1, or a missing leading dimension, repeats). A 1-D a is [K] as one row and a
// 1-D b is [K] as one column, the added dimension dropped from the result ([K] x [K] -> []).
Tensor matmul(const Tensor& a, const Tensor& b);

}  // namespace tartan::ops
