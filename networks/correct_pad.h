// Keras's imagenet_utils.correct_pad: the ZeroPadding2D amounts in front of a strided 'valid'
// convolution that reproduce TensorFlow's 'same' windows (one row/column less on the top/left
// when the input size is even).
#pragma once

#include <cstdint>

#include "keras_layers.h"

namespace tartan::networks {

inline Padding2D correct_pad(const Tensor& x, std::int64_t kernel) {
  const std::int64_t half = kernel / 2;
  const std::int64_t adjust_rows = 1 - x.shape()[1] % 2, adjust_cols = 1 - x.shape()[2] % 2;
  return {half - adjust_rows, half, half - adjust_cols, half};
}

}  // namespace tartan::networks
