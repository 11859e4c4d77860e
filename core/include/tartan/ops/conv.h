// Convolutions (Keras Conv2D, DepthwiseConv2D, SeparableConv2D), NHWC, built from contractions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "tartan/ir/builder.h"
#include "tartan/ops/window.h"

namespace tartan::ops {

struct Conv2DOptions {
  std::array<std::int64_t, 2> strides = {1, 1};   // (rows, columns)
  std::array<std::int64_t, 2> dilation = {1, 1};  // (rows, columns)
  Padding padding = Padding::valid();
  std::int64_t groups = 1;
};

// x [N, H, W, Cin], kernel [KH, KW, Cin / groups, Cout] (HWIO), bias [Cout] -> [N, OH, OW, Cout].
// Output channel co belongs to group co / (Cout / groups), which reads that group's inputs.
Tensor conv2d(const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias = {},
              const Conv2DOptions& options = {});

// x [N, H, W, C], kernel [KH, KW, C, M], bias [C * M]; output channel c * M + m uses input
// channel c (Keras depth_multiplier M). `groups` must be 1.
Tensor depthwise_conv2d(const Tensor& x, const Tensor& kernel,
                        const std::optional<Tensor>& bias = {}, const Conv2DOptions& options = {});

// Keras SeparableConv2D: depthwise (strides, padding, dilation apply here) then a 1x1
// pointwise convolution; pointwise kernel [1, 1, C * M, Cout], bias [Cout] after pointwise.
Tensor separable_conv2d(const Tensor& x, const Tensor& depthwise_kernel,
                        const Tensor& pointwise_kernel, const std::optional<Tensor>& bias = {},
                        const Conv2DOptions& options = {});

}  // namespace tartan::ops
