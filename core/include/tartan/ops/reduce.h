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
Tensor reduce_prod(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
Tensor reduce_l1(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);  // sum |x|
// sqrt(sum x^2)
Tensor reduce_l2(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
Tensor reduce_sum_square(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
Tensor reduce_log_sum(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);
// log(sum(exp(x))) as max + log(sum(exp(x - max))), which never overflows.
Tensor reduce_log_sum_exp(const Tensor& x, const std::vector<int>& axes, bool keepdims = false);

// The int32 index along `axis` of the largest (smallest) element: the first one among equals,
// or the last with `select_last_index` (ONNX ArgMax/ArgMin).
Tensor argmax(const Tensor& x, int axis, bool keepdims = true, bool select_last_index = false);
Tensor argmin(const Tensor& x, int axis, bool keepdims = true, bool select_last_index = false);

}  // namespace tartan::ops
