// Reductions over axes (negative axes count from the end); keepdims keeps them as size 1.
#pragma once

#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::ops {

Tensor reduce_sum(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
Tensor reduce_max(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
Tensor reduce_min(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
// Sum divided by the number of reduced elements (a float32 literal: int inputs give float32).
Tensor reduce_mean(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);

}  // namespace tartan::ops
