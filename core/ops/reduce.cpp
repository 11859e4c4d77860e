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

}  // namespace tartan::ops
