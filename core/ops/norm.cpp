#include "tartan/ops/norm.h"

#include "ops/op_util.h"

namespace tartan::ops {

Tensor batch_norm(const Tensor& x, const Tensor& mean, const Tensor& var,
                  const std::optional<Tensor>& gamma, const std::optional<Tensor>& beta,
                  double eps) {
  constexpr const char* kOp = "batch_norm";
  detail::require_min_rank(kOp, "the input [..., C]", x, 1);
  const Shape channels = {x.shape().back()};
  const auto check = [&](const char* what, const Tensor& p) {
    detail::require_same_builder(kOp, x, p);
    detail::require_shape(kOp, what, p, channels);
  };
  check("the moving mean [C]", mean);
  check("the moving variance [C]", var);
  if (gamma) check("gamma [C]", *gamma);
  if (beta) check("beta [C]", *beta);
  // The scale is computed on [C] first, so the per-element work is one subtract, one multiply
  // and one add (and a later pass can fold it into a preceding convolution).
  Tensor scale = 1.0 / sqrt(var + eps);
  if (gamma) scale = *gamma * scale;
  Tensor y = (x - mean) * scale;
  if (beta) y = y + *beta;
  return y;
}

}  // namespace tartan::ops
