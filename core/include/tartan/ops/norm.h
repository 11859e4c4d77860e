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

// ONNX LayerNormalization: normalises over the trailing axes from `axis` (negative counts from
// the end): y = (x - mean) / sqrt(var + eps) * scale + bias, the variance being the mean of
// (x - mean)^2 (the population variance). scale and bias broadcast to x's shape from axis on
// (their rank at most rank - axis). mean and inv_std_dev (1 / sqrt(var + eps)) have x's shape with
// the normalised axes kept as size 1, as ONNX's optional second and third outputs.
struct LayerNorm {
  Tensor y;
  Tensor mean;
  Tensor inv_std_dev;
};
LayerNorm layer_norm(const Tensor& x, int axis, const std::optional<Tensor>& scale,
                     const std::optional<Tensor>& bias, double eps = 1e-5);

// RMSNorm: y = x / sqrt(mean(x^2) + eps) * scale over the trailing axes from `axis`.
Tensor rms_norm(const Tensor& x, int axis, const std::optional<Tensor>& scale, double eps = 1e-6);

}  // namespace tartan::ops
