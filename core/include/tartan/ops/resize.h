// ONNX Resize (opsets 11-18 without antialias): nearest, linear and cubic interpolation along
// every axis, with ONNX's coordinate transformations and nearest-rounding modes.
//
// Each resized axis is one contraction with a constant interpolation matrix W [out, in]
// (y[.., o, ..] = sum_i W[o, i] x[.., i, ..]), W's rows holding ONNX's interpolation weights
// (one 1 for nearest, two for linear, four for cubic). That makes every mode one matmul-shaped
// kernel per axis; it is exact for finite inputs (the other terms add 0 * x), while an infinite
// or NaN input spreads NaN along its row.
#pragma once

#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::ops {

struct ResizeOptions {
  enum class Mode { kNearest, kLinear, kCubic };
  // How an output coordinate maps to an input coordinate (ONNX coordinate_transformation_mode).
  enum class Coordinates {
    kHalfPixel,
    kPytorchHalfPixel,
    kAlignCorners,
    kAsymmetric,
    kTfHalfPixelForNn,
    kTfCropAndResize,
  };
  // How nearest mode rounds a fractional input coordinate (ONNX nearest_mode).
  enum class Rounding { kRoundPreferFloor, kRoundPreferCeil, kFloor, kCeil };

  // The output shape; or empty, and `scales` (one per axis, > 0): floor(input * scale).
  Shape sizes;
  std::vector<double> scales;
  Mode mode = Mode::kNearest;
  Coordinates coordinates = Coordinates::kHalfPixel;
  Rounding rounding = Rounding::kRoundPreferFloor;
  double cubic_coeff_a = -0.75;
  bool exclude_outside = false;  // taps outside the input get weight 0, the rest renormalised
  // tf_crop_and_resize only: the crop, rank starts then rank ends as fractions of (size - 1),
  // and the value of outputs that fall outside the input.
  std::vector<double> roi;
  double extrapolation_value = 0.0;
};

Tensor resize(const Tensor& x, const ResizeOptions& options);

}  // namespace tartan::ops
