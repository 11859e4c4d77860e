// Pooling (Keras MaxPooling2D, AveragePooling2D, GlobalAverage/MaxPooling2D), NHWC.
#pragma once

#include <array>
#include <cstdint>

#include "tartan/ir/builder.h"
#include "tartan/ops/window.h"

namespace tartan::ops {

struct Pool2DOptions {
  std::array<std::int64_t, 2> pool_size = {2, 2};
  std::array<std::int64_t, 2> strides = {2, 2};   // Keras defaults strides to pool_size
  Padding padding = Padding::valid();             // valid, same or explicit amounts
  std::array<std::int64_t, 2> dilation = {1, 1};  // window elements dilation apart (ONNX MaxPool)
};

// Maximum over each window; padding never wins (it is skipped, not -inf or 0).
Tensor max_pool2d(const Tensor& x, const Pool2DOptions& options = {});
// Mean over each window, counting only the elements inside the input (Keras/TF semantics).
Tensor avg_pool2d(const Tensor& x, const Pool2DOptions& options = {});

// [N, H, W, C] -> [N, C], or [N, 1, 1, C] with keepdims.
Tensor global_avg_pool2d(const Tensor& x, bool keepdims = false);
Tensor global_max_pool2d(const Tensor& x, bool keepdims = false);

}  // namespace tartan::ops
