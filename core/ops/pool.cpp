#include "tartan/ops/pool.h"

#include <string>

#include "ops/op_util.h"
#include "tartan/ops/reduce.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

struct PoolWindow {
  AxisWindow rows, cols;
  IndexExpr in_y, in_x;  // the input position each (output, window) pair reads
  std::vector<IndexConstraint> in_window;
};

PoolWindow pool_window(const char* op, const Tensor& x, const Pool2DOptions& o, const Index& y,
                       const Index& xc, const Index& i, const Index& j) {
  detail::require_rank(op, "the input [N, H, W, C]", x, 4);
  const AxisWindow rows = axis_window(op, "rows", x.shape()[1], o.pool_size[0], o.strides[0],
                                      o.dilation[0], o.padding, true);
  const AxisWindow cols = axis_window(op, "columns", x.shape()[2], o.pool_size[1], o.strides[1],
                                      o.dilation[1], o.padding, false);
  return {rows,
          cols,
          o.strides[0] * y + o.dilation[0] * i - rows.before,
          o.strides[1] * xc + o.dilation[1] * j - cols.before,
          {i < o.pool_size[0], j < o.pool_size[1]}};
}

}  // namespace

Tensor max_pool2d(const Tensor& x, const Pool2DOptions& options) {
  Index n("n"), y("y"), xc("x"), c("c"), i("i"), j("j");
  const PoolWindow w = pool_window("max_pool2d", x, options, y, xc, i, j);
  TensorDecl out = x.builder().declare("", {x.shape()[0], w.rows.out, w.cols.out, x.shape()[3]});
  out(n, y, xc, c) = max(x(n, w.in_y, w.in_x, c)).where(w.in_window);
  return out;
}

Tensor avg_pool2d(const Tensor& x, const Pool2DOptions& options) {
  Index n("n"), y("y"), xc("x"), c("c"), i("i"), j("j");
  const PoolWindow w = pool_window("avg_pool2d", x, options, y, xc, i, j);
  Builder& b = x.builder();
  TensorDecl total = b.declare("", {x.shape()[0], w.rows.out, w.cols.out, x.shape()[3]});
  total(n, y, xc, c) = sum(x(n, w.in_y, w.in_x, c)).where(w.in_window);
  if (options.padding.kind == Padding::Kind::kValid) {
    return total / static_cast<double>(options.pool_size[0] * options.pool_size[1]);
  }
  // Padding is excluded from the count: count the window's elements inside the input by
  // summing a tensor of ones read through the same window.
  const Shape plane = {x.shape()[1], x.shape()[2]};
  const Tensor ones = b.constant(
      "", plane,
      ConstantData::from_doubles(
          x.dtype(), std::vector<double>(static_cast<std::size_t>(num_elements(plane)), 1.0)));
  TensorDecl count = b.declare("", {w.rows.out, w.cols.out, 1});
  count(y, xc, 0) = sum(ones(w.in_y, w.in_x)).where(w.in_window);
  return total / count;
}

Tensor global_avg_pool2d(const Tensor& x, bool keepdims) {
  detail::require_rank("global_avg_pool2d", "the input [N, H, W, C]", x, 4);
  return reduce_mean(x, {1, 2}, keepdims);
}

Tensor global_max_pool2d(const Tensor& x, bool keepdims) {
  detail::require_rank("global_max_pool2d", "the input [N, H, W, C]", x, 4);
  return reduce_max(x, {1, 2}, keepdims);
}

}  // namespace tartan::ops
