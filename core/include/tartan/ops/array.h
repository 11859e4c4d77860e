// Building and repeating arrays (ONNX Expand, Tile, Range, ConstantOfShape, DepthToSpace,
// SpaceToDepth): broadcast copies as contractions, constant sequences as constants.
#pragma once

#include <cstdint>
#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::ops {

// x broadcast with `shape` (both ways, as NumPy: the result is their broadcast shape).
Tensor expand(const Tensor& x, const Shape& shape);
// x repeated repeats[d] times along each axis d (one count per axis, each at least 1).
Tensor tile(const Tensor& x, const std::vector<std::int64_t>& repeats);

// start, start + delta, ... while below `limit` (above, for a negative delta): a constant of
// max(ceil((limit - start) / delta), 0) elements, which must be at least 1. int32 values are
// computed exactly in integers; float32 values as start + i * delta.
Tensor range(Builder& b, double start, double limit, double delta, DType dtype);
// A constant tensor of `shape` filled with `value`.
Tensor constant_of_shape(Builder& b, const Shape& shape, double value, DType dtype);

// Rearranges blocks of channels into space on x [N, C, H, W] (ONNX's layout):
// -> [N, C / (bs * bs), H * bs, W * bs]. `column_row_depth` is ONNX's CRD mode (the channel is
// c * bs * bs + i * bs + j); otherwise DCR (the channel is (i * bs + j) * C' + c).
Tensor depth_to_space(const Tensor& x, std::int64_t block_size, bool column_row_depth = false);
// The inverse of DCR depth_to_space: [N, C, H, W] -> [N, C * bs * bs, H / bs, W / bs].
Tensor space_to_depth(const Tensor& x, std::int64_t block_size);

}  // namespace tartan::ops
