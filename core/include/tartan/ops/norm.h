// Normalization layers.
#pragma once

#include <optional>

#include "tartan/ir/builder.h"

namespace tartan::ops {

// Keras BatchNormalization at inference over the last axis:
// y = gamma * (x - mean) / sqrt(var + eps) + beta. gamma / beta may be absent (scale=False /
// center=False); every parameter has shape [C] where C is x's last dimension.
Tensor batch_norm(const Tensor& x, const Tensor& mean, const Tensor& var,
                  const std::optional<Tensor>& gamma, const std::optional<Tensor>& beta,
                  double eps = 1e-3);

}  // namespace tartan::ops
