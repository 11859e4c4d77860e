#include "tartan/ops/norm.h"

#include <numeric>
#include <string>

#include "ops/op_util.h"
#include "tartan/ops/reduce.h"
#include "tartan/support/error.h"

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

namespace {

// The axes from `axis` to the last, after checking that each parameter broadcasts onto them.
std::vector<int> trailing_axes(
    const char* op, const Tensor& x, int axis,
    const std::vector<std::pair<const char*, std::optional<Tensor>>>& params) {
  detail::require_min_rank(op, "the input", x, 1);
  const int a = detail::normalize_axis(op, axis, x.rank());
  const Shape normalised(x.shape().begin() + a, x.shape().end());
  for (const auto& [what, p] : params) {
    if (!p) continue;
    detail::require_same_builder(op, x, *p);
    Shape out;
    if (p->rank() > static_cast<int>(normalised.size()) ||
        !broadcast_shapes(normalised, p->shape(), &out) || out != normalised) {
      throw Error(
          std::string(op) + ": " + what + " " + shape_str(p->shape()) +
              " does not broadcast to the normalised dimensions " + shape_str(normalised) + " of " +
              shape_str(x.shape()),
          "give it the shape of the input's dimensions from axis " + std::to_string(a) + " on");
    }
  }
  std::vector<int> axes(static_cast<std::size_t>(x.rank() - a));
  std::iota(axes.begin(), axes.end(), a);
  return axes;
}

}  // namespace

LayerNorm layer_norm(const Tensor& x, int axis, const std::optional<Tensor>& scale,
                     const std::optional<Tensor>& bias, double eps) {
  const std::vector<int> axes =
      trailing_axes("layer_norm", x, axis, {{"the scale", scale}, {"the bias", bias}});
  const Tensor mean = reduce_mean(x, axes, true);
  const Tensor centred = x - mean;
  const Tensor var = reduce_mean(centred * centred, axes, true);
  const Tensor inv_std_dev = 1.0 / sqrt(var + eps);
  Tensor y = centred * inv_std_dev;
  if (scale) y = y * *scale;
  if (bias) y = y + *bias;
  return {y, mean, inv_std_dev};
}

Tensor rms_norm(const Tensor& x, int axis, const std::optional<Tensor>& scale, double eps) {
  const std::vector<int> axes = trailing_axes("rms_norm", x, axis, {{"the scale", scale}});
  const Tensor inv_rms = 1.0 / sqrt(reduce_mean(x * x, axes, true) + eps);
  const Tensor y = x * inv_rms;
  return scale ? y * *scale : y;
}

}  // namespace tartan::ops
