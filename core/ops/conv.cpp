#include "tartan/ops/conv.h"

#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

struct Windows {
  AxisWindow rows, cols;
};

Windows conv_windows(const char* op, const Tensor& x, const Tensor& kernel,
                     const Conv2DOptions& o) {
  return {axis_window(op, "rows", x.shape()[1], kernel.shape()[0], o.strides[0], o.dilation[0],
                      o.padding, true),
          axis_window(op, "columns", x.shape()[2], kernel.shape()[1], o.strides[1], o.dilation[1],
                      o.padding, false)};
}

Tensor add_bias(const char* op, Tensor y, const std::optional<Tensor>& bias) {
  if (!bias) return y;
  detail::require_same_builder(op, y, *bias);
  detail::require_shape(op, "the bias", *bias, {y.shape().back()});
  return y + *bias;
}

}  // namespace

Tensor conv2d(const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias,
              const Conv2DOptions& options) {
  constexpr const char* kOp = "conv2d";
  detail::require_rank(kOp, "the input [N, H, W, C]", x, 4);
  detail::require_rank(kOp, "the kernel [KH, KW, C / groups, Cout]", kernel, 4);
  detail::require_same_builder(kOp, x, kernel);
  const std::int64_t groups = options.groups;
  detail::require_positive(kOp, "groups", groups);
  const std::int64_t channels = x.shape()[3];
  const std::int64_t group_in = kernel.shape()[2];
  const std::int64_t filters = kernel.shape()[3];
  if (channels % groups != 0 || filters % groups != 0) {
    throw Error(std::string(kOp) + ": " + std::to_string(groups) + " groups do not divide the " +
                    std::to_string(channels) + " input channels and " + std::to_string(filters) +
                    " output channels",
                "choose groups dividing both channel counts");
  }
  if (group_in * groups != channels) {
    throw Error(std::string(kOp) + ": the kernel " + shape_str(kernel.shape()) + " takes " +
                    std::to_string(group_in) + " input channels per group, but the input has " +
                    std::to_string(channels) + " channels in " + std::to_string(groups) +
                    " group(s)",
                "the kernel's third dimension must be input channels / groups = " +
                    std::to_string(channels / groups));
  }
  const Windows w = conv_windows(kOp, x, kernel, options);
  Index n("n"), y("y"), xc("x"), i("i"), j("j"), c("c"), k("k");
  const IndexExpr in_y = options.strides[0] * y + options.dilation[0] * i - w.rows.before;
  const IndexExpr in_x = options.strides[1] * xc + options.dilation[1] * j - w.cols.before;
  TensorDecl out = x.builder().declare("", {x.shape()[0], w.rows.out, w.cols.out, filters});
  if (groups == 1) {
    out(n, y, xc, k) = sum(x(n, in_y, in_x, c) * kernel(i, j, c, k));
  } else {
    // Output channel group_out * g + m reads input channels group_in * g + c.
    Index g("g"), m("m");
    const std::int64_t group_out = filters / groups;
    const IndexExpr co = group_out * g + m;
    out(n, y, xc, co) =
        sum(x(n, in_y, in_x, group_in * g + c) * kernel(i, j, c, co)).where(m < group_out);
  }
  return add_bias(kOp, out, bias);
}

Tensor depthwise_conv2d(const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias,
                        const Conv2DOptions& options) {
  constexpr const char* kOp = "depthwise_conv2d";
  detail::require_rank(kOp, "the input [N, H, W, C]", x, 4);
  detail::require_rank(kOp, "the kernel [KH, KW, C, M]", kernel, 4);
  detail::require_same_builder(kOp, x, kernel);
  if (options.groups != 1) {
    throw Error(std::string(kOp) + ": groups is " + std::to_string(options.groups),
                "a depthwise convolution has one group per channel; leave groups at 1");
  }
  const std::int64_t channels = x.shape()[3];
  if (kernel.shape()[2] != channels) {
    throw Error(std::string(kOp) + ": the kernel " + shape_str(kernel.shape()) + " is for " +
                    std::to_string(kernel.shape()[2]) + " channels but the input has " +
                    std::to_string(channels),
                "the kernel's third dimension must equal the input channels");
  }
  const std::int64_t multiplier = kernel.shape()[3];
  const Windows w = conv_windows(kOp, x, kernel, options);
  Index n("n"), y("y"), xc("x"), i("i"), j("j"), c("c"), m("m");
  const IndexExpr in_y = options.strides[0] * y + options.dilation[0] * i - w.rows.before;
  const IndexExpr in_x = options.strides[1] * xc + options.dilation[1] * j - w.cols.before;
  TensorDecl out =
      x.builder().declare("", {x.shape()[0], w.rows.out, w.cols.out, channels * multiplier});
  if (multiplier == 1) {
    // Output channel c is the index itself, so fold_batch_norm (which runs before
    // fold_unit_indices would reduce `c + m` to it) scales the kernel's channel c.
    out(n, y, xc, c) = sum(x(n, in_y, in_x, c) * kernel(i, j, c, 0));
  } else {
    out(n, y, xc, multiplier * c + m) = sum(x(n, in_y, in_x, c) * kernel(i, j, c, m));
  }
  return add_bias(kOp, out, bias);
}

Tensor separable_conv2d(const Tensor& x, const Tensor& depthwise_kernel,
                        const Tensor& pointwise_kernel, const std::optional<Tensor>& bias,
                        const Conv2DOptions& options) {
  detail::require_rank("separable_conv2d", "the pointwise kernel [1, 1, C * M, Cout]",
                       pointwise_kernel, 4);
  if (pointwise_kernel.shape()[0] != 1 || pointwise_kernel.shape()[1] != 1) {
    throw Error("separable_conv2d: the pointwise kernel " + shape_str(pointwise_kernel.shape()) +
                    " is not 1x1",
                "pass a pointwise kernel of shape [1, 1, C * M, Cout]");
  }
  const Tensor depthwise = depthwise_conv2d(x, depthwise_kernel, {}, options);
  return conv2d(depthwise, pointwise_kernel, bias);
}

}  // namespace tartan::ops
