#include "tartan/ops/reduce.h"

#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

struct Reduction {
  std::vector<IndexExpr> in, out;
  Shape shape;
  std::int64_t count = 1;  // reduced elements per output element
};

Reduction plan(const char* op, const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  std::vector<bool> reduced(static_cast<std::size_t>(x.rank()), false);
  for (int axis : axes) {
    const int a = detail::normalize_axis(op, axis, x.rank());
    if (reduced[static_cast<std::size_t>(a)]) {
      throw Error(std::string(op) + ": axis " + std::to_string(axis) + " is listed twice",
                  "list each axis once");
    }
    reduced[static_cast<std::size_t>(a)] = true;
  }
  Reduction r;
  r.in = detail::index_vars("d", x.rank());
  for (int d = 0; d < x.rank(); ++d) {
    const std::int64_t size = x.shape()[static_cast<std::size_t>(d)];
    if (!reduced[static_cast<std::size_t>(d)]) {
      r.out.push_back(r.in[static_cast<std::size_t>(d)]);
      r.shape.push_back(size);
    } else {
      r.count *= size;
      if (keepdims) {
        r.out.emplace_back(0);
        r.shape.push_back(1);
      }
    }
  }
  return r;
}

Tensor reduce(const char* op, AggOp agg, const Tensor& x, const std::vector<int>& axes,
              bool keepdims) {
  const Reduction r = plan(op, x, axes, keepdims);
  TensorDecl out = x.builder().declare("", r.shape);
  out(r.out) = ContractionExpr(agg, x(r.in));
  return out;
}

}  // namespace

Tensor reduce_sum(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return reduce("reduce_sum", AggOp::kSum, x, axes, keepdims);
}

Tensor reduce_max(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return reduce("reduce_max", AggOp::kMax, x, axes, keepdims);
}

Tensor reduce_min(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return reduce("reduce_min", AggOp::kMin, x, axes, keepdims);
}

Tensor reduce_mean(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  const std::int64_t count = plan("reduce_mean", x, axes, keepdims).count;
  return reduce("reduce_mean", AggOp::kSum, x, axes, keepdims) / static_cast<double>(count);
}

Tensor reduce_prod(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return reduce("reduce_prod", AggOp::kProd, x, axes, keepdims);
}

Tensor reduce_l1(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return reduce("reduce_l1", AggOp::kSum, abs(x), axes, keepdims);
}

Tensor reduce_sum_square(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return reduce("reduce_sum_square", AggOp::kSum, x * x, axes, keepdims);
}

Tensor reduce_l2(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return sqrt(reduce_sum_square(x, axes, keepdims));
}

Tensor reduce_log_sum(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  return log(reduce_sum(x, axes, keepdims));
}

Tensor reduce_log_sum_exp(const Tensor& x, const std::vector<int>& axes, bool keepdims) {
  const Tensor peak = reduce_max(x, axes, true);
  const Tensor total = reduce_sum(exp(x - peak), axes, keepdims);
  const Tensor shift = keepdims ? peak : tartan::reshape(peak, total.shape());
  return log(total) + shift;
}

namespace {

// Among the positions along `axis` where x equals its extreme, the first (min of the indices) or
// the last (max of the indices); the other positions carry an index that never wins.
Tensor arg_extreme(const char* op, AggOp extreme, const Tensor& x, int axis, bool keepdims,
                   bool select_last_index) {
  const int a = detail::normalize_axis(op, axis, x.rank());
  const Tensor peak = reduce(op, extreme, x, {a}, true);
  const Tensor at_peak = x == peak;
  const Tensor position = index_of(x, a);
  const std::int64_t size = x.shape()[static_cast<std::size_t>(a)];
  const Tensor candidates =
      select(at_peak, position, static_cast<int>(select_last_index ? -1 : size));
  return reduce(op, select_last_index ? AggOp::kMax : AggOp::kMin, candidates, {a}, keepdims);
}

}  // namespace

Tensor argmax(const Tensor& x, int axis, bool keepdims, bool select_last_index) {
  return arg_extreme("argmax", AggOp::kMax, x, axis, keepdims, select_last_index);
}

Tensor argmin(const Tensor& x, int axis, bool keepdims, bool select_last_index) {
  return arg_extreme("argmin", AggOp::kMin, x, axis, keepdims, select_last_index);
}

}  // namespace tartan::ops
