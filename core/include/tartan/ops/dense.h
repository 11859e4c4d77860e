// Dense layers and matrix products.
#pragma once

#include <optional>

#include "tartan/ir/builder.h"

namespace tartan::ops {

// x [..., K], kernel [K, N], bias [N] -> [..., N] (Keras Dense without activation).
Tensor dense(const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias = {});

// a [..., M, K], b [..., K, N] with equal batch dimensions, or b [K, N] shared by every batch
// -> [..., M, N].
Tensor matmul(const Tensor& a, const Tensor& b);

}  // namespace tartan::ops
