// Shape ops: concatenation, padding, cropping, slicing, reshaping, transposition.
#pragma once

#include <cstdint>
#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::ops {

// Joins tensors of equal dtype and rank along `axis` (negative counts from the end); all
// other dimensions must match.
Tensor concatenate(const std::vector<Tensor>& xs, int axis);
// [N, H, W, C] -> [N, top + H + bottom, left + W + right, C] with zeros around.
Tensor zero_padding2d(const Tensor& x, std::int64_t top, std::int64_t bottom, std::int64_t left,
                      std::int64_t right);
inline Tensor zero_padding2d(const Tensor& x, std::int64_t rows, std::int64_t cols) {
  return zero_padding2d(x, rows, rows, cols, cols);
}
// [N, H, W, C] -> [N, H - top - bottom, W - left - right, C].
Tensor cropping2d(const Tensor& x, std::int64_t top, std::int64_t bottom, std::int64_t left,
                  std::int64_t right);
// x[..., start : start + size, ...] along `axis`.
Tensor slice(const Tensor& x, int axis, std::int64_t start, std::int64_t size);
// Same element count, row-major; one dimension may be -1 (inferred).
Tensor reshape(const Tensor& x, std::vector<std::int64_t> shape);
// [N, ...] -> [N, product of the rest] (Keras Flatten).
Tensor flatten(const Tensor& x);
// Output dimension d is input dimension perm[d].
Tensor transpose(const Tensor& x, const std::vector<int>& perm);

}  // namespace tartan::ops
