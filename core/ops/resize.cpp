#include "tartan/ops/resize.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

using Opt = ResizeOptions;

// One axis of the resize: the input coordinate of each output position and how it is read.
struct AxisPlan {
  std::int64_t in = 0, out = 0;
  double scale = 1, roi_start = 0, roi_end = 1;
};

// ONNX's coordinate transformation (onnx/backend/test/case/node/resize.py, which produced
// the conformance data: pytorch_half_pixel maps a length-1 output to -0.5 there).
double source_coordinate(const Opt& o, const AxisPlan& a, std::int64_t pos) {
  const double x = static_cast<double>(pos), in = static_cast<double>(a.in);
  const double out = a.scale * in;
  switch (o.coordinates) {
    case Opt::Coordinates::kHalfPixel:
      return (x + 0.5) / a.scale - 0.5;
    case Opt::Coordinates::kPytorchHalfPixel:
      return out == 1 ? -0.5 : (x + 0.5) / a.scale - 0.5;
    case Opt::Coordinates::kAlignCorners:
      return out == 1 ? 0.0 : x * (in - 1) / (out - 1);
    case Opt::Coordinates::kAsymmetric:
      return x / a.scale;
    case Opt::Coordinates::kTfHalfPixelForNn:
      return (x + 0.5) / a.scale;
    case Opt::Coordinates::kTfCropAndResize: {
      const double span = (a.roi_end - a.roi_start) * (in - 1);
      return a.roi_start * (in - 1) + (out == 1 ? span / 2 : x * span / (out - 1));
    }
  }
  return x;
}

std::vector<double> tap_weights(const Opt& o, double ratio) {
  switch (o.mode) {
    case Opt::Mode::kNearest: {
      if (ratio == 1.0) return {0, 1};
      bool upper = false;
      switch (o.rounding) {
        case Opt::Rounding::kRoundPreferFloor:
          upper = ratio > 0.5;
          break;
        case Opt::Rounding::kRoundPreferCeil:
          upper = ratio >= 0.5;
          break;
        case Opt::Rounding::kFloor:
          upper = false;
          break;
        case Opt::Rounding::kCeil:
          upper = true;
          break;
      }
      return {upper ? 0.0 : 1.0, upper ? 1.0 : 0.0};
    }
    case Opt::Mode::kLinear:
      return {1 - ratio, ratio};
    case Opt::Mode::kCubic: {
      const double a = o.cubic_coeff_a, r = ratio, s = 1 - ratio;
      return {((a * (r + 1) - 5 * a) * (r + 1) + 8 * a) * (r + 1) - 4 * a,
              ((a + 2) * r - (a + 3)) * r * r + 1, ((a + 2) * s - (a + 3)) * s * s + 1,
              ((a * (s + 1) - 5 * a) * (s + 1) + 8 * a) * (s + 1) - 4 * a};
    }
  }
  return {};
}

// W [out, in]: row o holds the weights of the input positions output o reads. The taps are
// the nearest positions at or below the coordinate and above it (a whole coordinate counts as
// the upper tap, ratio 1, as in ONNX's reference); reads outside the input take the edge.
// `outside` marks outputs that tf_crop_and_resize extrapolates.
std::vector<double> interpolation_matrix(const Opt& o, const AxisPlan& a,
                                         std::vector<bool>* outside) {
  std::vector<double> w(static_cast<std::size_t>(a.out * a.in), 0.0);
  outside->assign(static_cast<std::size_t>(a.out), false);
  for (std::int64_t pos = 0; pos < a.out; ++pos) {
    const double x = source_coordinate(o, a, pos);
    if (o.coordinates == Opt::Coordinates::kTfCropAndResize &&
        (x < 0 || x > static_cast<double>(a.in - 1))) {
      (*outside)[static_cast<std::size_t>(pos)] = true;
      continue;
    }
    const double base = x == std::floor(x) ? x - 1 : std::floor(x);
    std::vector<double> taps = tap_weights(o, x - base);
    const auto first =
        static_cast<std::int64_t>(base) - static_cast<std::int64_t>(taps.size()) / 2 + 1;
    if (o.exclude_outside) {
      double total = 0;
      for (std::size_t t = 0; t < taps.size(); ++t) {
        const std::int64_t i = first + static_cast<std::int64_t>(t);
        if (i < 0 || i >= a.in) taps[t] = 0;
        total += taps[t];
      }
      for (double& t : taps) t /= total;
    }
    for (std::size_t t = 0; t < taps.size(); ++t) {
      const std::int64_t i =
          std::clamp<std::int64_t>(first + static_cast<std::int64_t>(t), 0, a.in - 1);
      w[static_cast<std::size_t>(pos * a.in + i)] += taps[t];
    }
  }
  return w;
}

bool is_identity(const std::vector<double>& w, std::int64_t n, std::int64_t m) {
  if (n != m) return false;
  for (std::int64_t r = 0; r < n; ++r)
    for (std::int64_t c = 0; c < m; ++c) {
      if (w[static_cast<std::size_t>(r * m + c)] != (r == c ? 1.0 : 0.0)) return false;
    }
  return true;
}

std::vector<AxisPlan> plan_axes(const Tensor& x, const Opt& o) {
  constexpr const char* kOp = "resize";
  const std::size_t rank = x.shape().size();
  const bool by_sizes = !o.sizes.empty();
  if (by_sizes == !o.scales.empty()) {
    throw Error("resize: give either the output sizes or the scales, not " +
                    std::string(by_sizes ? "both" : "neither"),
                "pass one value per axis in one of them");
  }
  if ((by_sizes ? o.sizes.size() : o.scales.size()) != rank) {
    throw Error("resize: " + std::to_string(by_sizes ? o.sizes.size() : o.scales.size()) +
                    (by_sizes ? " sizes" : " scales") + " for " + x.name() + " " +
                    shape_str(x.shape()),
                "give one value per axis");
  }
  const bool crop = o.coordinates == Opt::Coordinates::kTfCropAndResize;
  if (crop && o.roi.size() != 2 * rank) {
    throw Error("resize: tf_crop_and_resize needs a region of interest of " +
                    std::to_string(2 * rank) + " values, got " + std::to_string(o.roi.size()),
                "give the starts of every axis, then the ends");
  }
  std::vector<AxisPlan> axes(rank);
  for (std::size_t d = 0; d < rank; ++d) {
    AxisPlan& a = axes[d];
    a.in = x.shape()[d];
    if (by_sizes) {
      detail::require_positive(kOp, "an output size", o.sizes[d]);
      a.out = o.sizes[d];
      a.scale = static_cast<double>(a.out) / static_cast<double>(a.in);
    } else {
      a.scale = o.scales[d];
      if (!(a.scale > 0) || !std::isfinite(a.scale)) {
        throw Error("resize: scale " + std::to_string(a.scale) + " for axis " + std::to_string(d),
                    "scales must be positive and finite");
      }
      a.out = static_cast<std::int64_t>(std::floor(static_cast<double>(a.in) * a.scale));
      if (a.out < 1) {
        throw Error("resize: scale " + std::to_string(a.scale) + " leaves axis " +
                        std::to_string(d) + " of size " + std::to_string(a.in) + " empty",
                    "use a scale of at least 1 / " + std::to_string(a.in));
      }
    }
    if (crop) {
      a.roi_start = o.roi[d];
      a.roi_end = o.roi[rank + d];
    }
  }
  return axes;
}

}  // namespace

Tensor resize(const Tensor& x, const ResizeOptions& options) {
  if (!is_float(x.dtype())) {
    throw Error("resize: " + x.name() + " is " + std::string(dtype_name(x.dtype())),
                "resize interpolates float tensors; cast the input to float32 first");
  }
  const std::vector<AxisPlan> axes = plan_axes(x, options);
  Builder& b = x.builder();
  Tensor y = x;
  Shape mask_shape(axes.size(), 1);
  std::vector<std::vector<bool>> outside(axes.size());
  bool any_outside = false;
  // Innermost axis first, as ONNX's reference interpolates.
  for (std::size_t d = axes.size(); d-- > 0;) {
    const AxisPlan& a = axes[d];
    const std::vector<double> w = interpolation_matrix(options, a, &outside[d]);
    for (const bool o : outside[d]) any_outside = any_outside || o;
    if (is_identity(w, a.out, a.in)) continue;
    const Tensor weights =
        b.constant("", {a.out, a.in}, ConstantData::from_doubles(DType::kFloat32, w));
    const std::vector<IndexExpr> in = detail::index_vars("d", static_cast<int>(axes.size()));
    std::vector<IndexExpr> out = in;
    Index o("o");
    out[d] = o;
    Shape shape = y.shape();
    shape[d] = a.out;
    TensorDecl next = b.declare("", shape);
    next(out) = sum(y(in) * weights(o, in[d]));
    y = next;
  }
  if (!any_outside) return y;
  // tf_crop_and_resize: an output outside the input along any axis is the extrapolation value.
  Tensor mask = b.literal(0.0, DType::kBool);
  for (std::size_t d = 0; d < axes.size(); ++d) {
    Shape s(axes.size(), 1);
    s[d] = axes[d].out;
    std::vector<double> v(outside[d].begin(), outside[d].end());
    mask = mask || b.constant("", s, ConstantData::from_doubles(DType::kBool, v));
  }
  return select(mask, options.extrapolation_value, y);
}

}  // namespace tartan::ops
