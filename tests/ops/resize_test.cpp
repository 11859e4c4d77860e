// Resize against a loop written after ONNX's reference implementation
// (onnx/backend/test/case/node/resize.py: neighbours by sorting on distance, edge padding, one
// axis at a time from the innermost) and against the values in ONNX's operator documentation.
#include "tartan/ops/resize.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "op_test_util.h"
#include "tartan/support/error.h"

namespace tartan::optest {
namespace {

using Opt = ops::ResizeOptions;

std::vector<double> coefficients(const Opt& o, double ratio) {
  if (o.mode == Opt::Mode::kLinear) return {1 - ratio, ratio};
  if (o.mode == Opt::Mode::kCubic) {
    const double a = o.cubic_coeff_a;
    const auto k = [a](double t) {  // Keys' cubic kernel
      t = std::fabs(t);
      if (t <= 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
      if (t < 2) return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
      return 0.0;
    };
    return {k(ratio + 1), k(ratio), k(1 - ratio), k(2 - ratio)};
  }
  if (ratio == 1) return {0, 1};
  bool upper = false;
  if (o.rounding == Opt::Rounding::kRoundPreferFloor) upper = ratio > 0.5;
  if (o.rounding == Opt::Rounding::kRoundPreferCeil) upper = ratio >= 0.5;
  if (o.rounding == Opt::Rounding::kCeil) upper = true;
  return {upper ? 0.0 : 1.0, upper ? 1.0 : 0.0};
}

// interpolate_1d_with_x of ONNX's reference.
double interpolate_1d(const std::vector<double>& data, double scale, double x, const Opt& o,
                      double roi_start, double roi_end) {
  const double in = static_cast<double>(data.size()), out = scale * in;
  double xo = 0;
  switch (o.coordinates) {
    case Opt::Coordinates::kAlignCorners:
      xo = out == 1 ? 0 : x * (in - 1) / (out - 1);
      break;
    case Opt::Coordinates::kAsymmetric:
      xo = x / scale;
      break;
    case Opt::Coordinates::kTfCropAndResize:
      xo = (out == 1 ? (roi_end - roi_start) * (in - 1) / 2
                     : x * (roi_end - roi_start) * (in - 1) / (out - 1)) +
           roi_start * (in - 1);
      if (xo < 0 || xo > in - 1) return o.extrapolation_value;
      break;
    case Opt::Coordinates::kPytorchHalfPixel:
      xo = out == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
      break;
    case Opt::Coordinates::kHalfPixel:
      xo = (x + 0.5) / scale - 0.5;
      break;
    case Opt::Coordinates::kTfHalfPixelForNn:
      xo = (x + 0.5) / scale;
      break;
  }
  const double ratio = xo == std::floor(xo) ? 1 : xo - std::floor(xo);
  std::vector<double> c = coefficients(o, ratio);
  const std::size_t n = c.size();
  // Edge padding by ceil(n / 2), then the n indices nearest to x (the smaller one on ties).
  const std::int64_t pad = static_cast<std::int64_t>((n + 1) / 2);
  const double xp = xo + static_cast<double>(pad);
  std::vector<std::int64_t> idx(data.size() + 2 * static_cast<std::size_t>(pad));
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](std::int64_t a, std::int64_t b) {
    return std::fabs(xp - static_cast<double>(a)) < std::fabs(xp - static_cast<double>(b));
  });
  idx.resize(n);
  std::sort(idx.begin(), idx.end());
  const auto len = static_cast<std::int64_t>(data.size());
  if (o.exclude_outside) {
    double total = 0;
    for (std::size_t t = 0; t < n; ++t) {
      const std::int64_t i = idx[t] - pad;
      if (i < 0 || i >= len) c[t] = 0;
      total += c[t];
    }
    for (double& v : c) v /= total;
  }
  double r = 0;
  for (std::size_t t = 0; t < n; ++t) {
    r += c[t] * data[static_cast<std::size_t>(std::clamp<std::int64_t>(idx[t] - pad, 0, len - 1))];
  }
  return r;
}

// x [N, C, H, W] resized to `out` with `scales`, one axis at a time from the innermost, as
// ONNX's reference recursion does: every axis goes through the coordinate transformation, those
// of scale 1 too (tf_half_pixel_for_nn shifts them).
HostTensor resize_loop(const HostTensor& x, const std::vector<double>& scales, const Shape& out,
                       const Opt& o) {
  HostTensor y = x;
  for (std::size_t d = 4; d-- > 0;) {
    Shape s = y.shape;
    s[d] = out[d];
    HostTensor next = poisoned(s);
    const double r0 = o.roi.empty() ? 0 : o.roi[d], r1 = o.roi.empty() ? 1 : o.roi[4 + d];
    for (std::size_t e = 0; e < next.values.size(); ++e) {
      std::vector<std::int64_t> idx(4);
      std::size_t rest = e;
      for (std::size_t k = 4; k-- > 0;) {
        idx[k] = static_cast<std::int64_t>(rest % static_cast<std::size_t>(s[k]));
        rest /= static_cast<std::size_t>(s[k]);
      }
      std::vector<double> line;
      std::vector<std::int64_t> src = idx;
      for (src[d] = 0; src[d] < y.shape[d]; ++src[d]) line.push_back(at(y, src));
      next.values[e] = interpolate_1d(line, scales[d], static_cast<double>(idx[d]), o, r0, r1);
    }
    y = next;
  }
  return y;
}

class Resize : public OpTest {};

TEST_F(Resize, EveryModeAndCoordinateTransform) {
  const std::vector<Opt::Coordinates> coordinates = {
      Opt::Coordinates::kHalfPixel,        Opt::Coordinates::kPytorchHalfPixel,
      Opt::Coordinates::kAlignCorners,     Opt::Coordinates::kAsymmetric,
      Opt::Coordinates::kTfHalfPixelForNn, Opt::Coordinates::kTfCropAndResize};
  const std::vector<Opt::Rounding> roundings = {Opt::Rounding::kRoundPreferFloor,
                                                Opt::Rounding::kRoundPreferCeil,
                                                Opt::Rounding::kFloor, Opt::Rounding::kCeil};
  const Shape s = {1, uniform(1, 2), uniform(2, 5), uniform(2, 5)};
  const std::vector<HostTensor> in = {random(s)};
  // Upsampling by scales, downsampling by sizes (and a length-1 output).
  const std::vector<std::pair<double, double>> scales = {{2.0, 1.5}, {0.6, 0.5}};
  for (const Opt::Mode mode : {Opt::Mode::kNearest, Opt::Mode::kLinear, Opt::Mode::kCubic}) {
    for (const Opt::Coordinates coords : coordinates) {
      if (coords == Opt::Coordinates::kTfHalfPixelForNn && mode != Opt::Mode::kNearest) continue;
      for (std::size_t r = 0; r < (mode == Opt::Mode::kNearest ? roundings.size() : 1); ++r) {
        for (const bool by_sizes : {false, true}) {
          for (const bool exclude : {false, true}) {
            if (exclude && mode != Opt::Mode::kCubic) continue;
            Opt o;
            o.mode = mode;
            o.coordinates = coords;
            o.rounding = roundings[r];
            o.exclude_outside = exclude;
            o.cubic_coeff_a = exclude ? -0.5 : -0.75;
            if (coords == Opt::Coordinates::kTfCropAndResize) {
              o.roi = {0, 0, 0.2, 0.1, 1, 1, 0.9, 1.2};  // the width crop runs past the edge
              o.extrapolation_value = 7.5;
            }
            std::int64_t oh = 0, ow = 0;
            double sh = 0, sw = 0;
            if (by_sizes) {
              oh = uniform(1, 7);
              ow = uniform(1, 7);
              o.sizes = {s[0], s[1], oh, ow};
              sh = static_cast<double>(oh) / static_cast<double>(s[2]);
              sw = static_cast<double>(ow) / static_cast<double>(s[3]);
            } else {
              std::tie(sh, sw) = scales[static_cast<std::size_t>(uniform(0, 1))];
              o.scales = {1, 1, sh, sw};
              oh = static_cast<std::int64_t>(std::floor(static_cast<double>(s[2]) * sh));
              ow = static_cast<std::int64_t>(std::floor(static_cast<double>(s[3]) * sw));
              if (oh < 1 || ow < 1) continue;
            }
            SCOPED_TRACE(::testing::Message()
                         << "mode " << static_cast<int>(mode) << " coordinates "
                         << static_cast<int>(coords) << " rounding " << r << " exclude " << exclude
                         << " out " << oh << "x" << ow << " scales " << sh << ", " << sw);
            const HostTensor got = run(
                in, [&](Builder&, const std::vector<Tensor>& t) { return ops::resize(t[0], o); });
            // The interpolation weights are float32 constants: 1e-7 relative, not 1e-9.
            const HostTensor want = resize_loop(in[0], {1, 1, sh, sw}, {s[0], s[1], oh, ow}, o);
            EXPECT_EQ(got.shape, want.shape);
            EXPECT_LT(relative_error(got, want), 1e-6);
          }
        }
      }
    }
  }
}

// The examples in ONNX's Resize documentation (test_resize_upsample_scales_nearest/_linear).
TEST_F(Resize, OnnxDocumentationExamples) {
  const std::vector<HostTensor> in = {HostTensor(DType::kFloat32, {1, 1, 2, 2}, {1, 2, 3, 4})};
  Opt nearest;
  nearest.scales = {1, 1, 2, 3};
  const HostTensor got =
      run(in, [&](Builder&, const std::vector<Tensor>& t) { return ops::resize(t[0], nearest); });
  EXPECT_EQ(got.values, (std::vector<double>{1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2,
                                             3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4}));
  Opt linear;
  linear.mode = Opt::Mode::kLinear;
  linear.scales = {1, 1, 2, 2};
  const HostTensor lin =
      run(in, [&](Builder&, const std::vector<Tensor>& t) { return ops::resize(t[0], linear); });
  EXPECT_EQ(lin.values, (std::vector<double>{1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75,
                                             3.25, 3.5, 3, 3.25, 3.75, 4}));
}

TEST_F(Resize, BadArgumentsAreErrors) {
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {1, 1, 4, 4});
  Opt none;
  EXPECT_THROW(ops::resize(x, none), Error);
  Opt short_scales;
  short_scales.scales = {2, 2};
  EXPECT_THROW(ops::resize(x, short_scales), Error);
  Opt empty;
  empty.scales = {1, 1, 0.1, 1};
  EXPECT_THROW(ops::resize(x, empty), Error);
  Opt crop;
  crop.sizes = {1, 1, 2, 2};
  crop.coordinates = Opt::Coordinates::kTfCropAndResize;
  EXPECT_THROW(ops::resize(x, crop), Error);  // no region of interest
  Opt ok;
  ok.scales = {1, 1, 2, 2};
  EXPECT_THROW(ops::resize(b.input("i", DType::kInt32, {1, 1, 2, 2}), ok), Error);
}

}  // namespace
}  // namespace tartan::optest
