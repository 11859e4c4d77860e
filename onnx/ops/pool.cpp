// MaxPool, AveragePool (1-D and 2-D) and the global pools, channels-last like convolutions.
#include "tartan/ops/pool.h"

#include <cmath>

#include "ops/families.h"
#include "src/registry.h"
#include "tartan/ops/reduce.h"

namespace tartan::onnx {

namespace {

struct PoolAxis {
  std::int64_t in = 1, kernel = 1, stride = 1, dilation = 1, begin = 0, end = 0, out = 1;
};

// Window geometry per spatial axis (a 1-D pool gets a leading axis of size 1), with auto_pad
// and ceil_mode turned into explicit padding at the end of each axis.
std::array<PoolAxis, 2> pool_axes(NodeContext& ctx, const Shape& xs) {
  const int spatial = static_cast<int>(xs.size()) - 2;
  const auto per_axis = [&](const std::string& name, std::int64_t fallback) {
    std::vector<std::int64_t> v = ctx.attr_ints(name);
    if (v.empty()) v.assign(static_cast<std::size_t>(spatial), fallback);
    if (static_cast<int>(v.size()) != spatial)
      ctx.invalid(name + " needs one value per spatial axis");
    return v;
  };
  const auto kernel = ctx.attr_ints("kernel_shape");
  if (static_cast<int>(kernel.size()) != spatial)
    ctx.invalid("kernel_shape needs one value per spatial axis");
  const auto strides = per_axis("strides", 1), dilations = per_axis("dilations", 1);
  std::vector<std::int64_t> pads = ctx.attr_ints("pads");
  if (pads.empty()) pads.assign(static_cast<std::size_t>(2 * spatial), 0);
  if (static_cast<int>(pads.size()) != 2 * spatial) ctx.invalid("pads needs 2 values per axis");
  const std::string auto_pad = ctx.attr_string("auto_pad", "NOTSET");
  const bool ceil_mode = ctx.attr_int("ceil_mode", 0) != 0;
  std::array<PoolAxis, 2> axes;
  for (int d = 0; d < spatial; ++d) {
    PoolAxis& a = axes[static_cast<std::size_t>(2 - spatial + d)];
    a = {xs[2 + d], kernel[d], strides[d], dilations[d], pads[d], pads[spatial + d], 0};
    if (a.kernel < 1 || a.stride < 1 || a.dilation < 1)
      ctx.invalid("non-positive window parameter");
    const std::int64_t extent = (a.kernel - 1) * a.dilation + 1;
    if (auto_pad == "VALID") a.begin = a.end = 0;
    if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
      const std::int64_t out = (a.in + a.stride - 1) / a.stride;
      const std::int64_t total = std::max<std::int64_t>((out - 1) * a.stride + extent - a.in, 0);
      a.begin = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
      a.end = total - a.begin;
    }
    const std::int64_t span = a.in + a.begin + a.end - extent;
    if (span < 0) ctx.invalid("the window is larger than the padded input");
    a.out = (ceil_mode ? (span + a.stride - 1) / a.stride : span / a.stride) + 1;
    // ceil_mode: the last window may start past the input's end; it is dropped (PyTorch, ONNX).
    if (ceil_mode && (a.out - 1) * a.stride >= a.in + a.begin) --a.out;
  }
  return axes;
}

Tensor nhwc(NodeContext& ctx) {
  const Value& v = ctx.value(0);
  if (v.rank() != 3 && v.rank() != 4) {
    ctx.unsupported(std::to_string(v.rank() - 2) + "-D " + ctx.op_type(),
                    "1-D and 2-D pooling ([N, C, L] and [N, C, H, W] inputs)");
  }
  Tensor x = ctx.tensor_in_layout(0, channels_last_perm(v.rank()));
  if (v.rank() == 3) x = ctx.builder().reshape(x, {x.shape()[0], 1, x.shape()[1], x.shape()[2]});
  return x;
}

Value from_nhwc(NodeContext& ctx, const Tensor& y) {
  const int rank = ctx.value(0).rank();
  const Tensor r =
      rank == 4 ? y : ctx.builder().reshape(y, {y.shape()[0], y.shape()[2], y.shape()[3]});
  return Value::device(r, channels_last_perm(rank), ctx.value(0).elem_type());
}

ops::Pool2DOptions options(const std::array<PoolAxis, 2>& axes) {
  ops::Pool2DOptions o;
  o.pool_size = {axes[0].kernel, axes[1].kernel};
  o.strides = {axes[0].stride, axes[1].stride};
  o.dilation = {axes[0].dilation, axes[1].dilation};
  // Explicit padding whose end reaches exactly the last window's end.
  std::array<std::int64_t, 2> end{};
  for (std::size_t a = 0; a < 2; ++a) {
    end[a] = (axes[a].out - 1) * axes[a].stride + (axes[a].kernel - 1) * axes[a].dilation + 1 -
             axes[a].in - axes[a].begin;
  }
  o.padding = ops::Padding::explicit_amounts(axes[0].begin, std::max<std::int64_t>(end[0], 0),
                                             axes[1].begin, std::max<std::int64_t>(end[1], 0));
  return o;
}

std::vector<Value> convert_max_pool(NodeContext& ctx) {
  if (ctx.output_wanted(1)) {
    ctx.unsupported("the Indices output", "MaxPool's values output only");
  }
  const auto axes = pool_axes(ctx, ctx.value(0).shape());
  return {from_nhwc(ctx, ops::max_pool2d(nhwc(ctx), options(axes)))};
}

// Elements of a window that lie in [lo, hi) along one axis, for output position o.
std::int64_t window_count(const PoolAxis& a, std::int64_t o, std::int64_t lo, std::int64_t hi) {
  std::int64_t n = 0;
  for (std::int64_t k = 0; k < a.kernel; ++k) {
    const std::int64_t p = o * a.stride + k * a.dilation - a.begin;
    n += p >= lo && p < hi ? 1 : 0;
  }
  return n;
}

// tartan's average excludes padding; count_include_pad rescales by (elements inside the input)
// / (elements inside the declared padding), a constant known at import.
std::vector<Value> convert_average_pool(NodeContext& ctx) {
  const auto axes = pool_axes(ctx, ctx.value(0).shape());
  Tensor y = ops::avg_pool2d(nhwc(ctx), options(axes));
  if (ctx.attr_int("count_include_pad", 0) != 0) {
    std::vector<double> ratio;
    for (std::int64_t oy = 0; oy < axes[0].out; ++oy) {
      for (std::int64_t ox = 0; ox < axes[1].out; ++ox) {
        const auto inside = [&](const PoolAxis& a, std::int64_t o) {
          return window_count(a, o, 0, a.in);
        };
        const auto padded = [&](const PoolAxis& a, std::int64_t o) {
          return window_count(a, o, -a.begin, a.in + a.end);
        };
        ratio.push_back(static_cast<double>(inside(axes[0], oy) * inside(axes[1], ox)) /
                        static_cast<double>(padded(axes[0], oy) * padded(axes[1], ox)));
      }
    }
    const Tensor r = ctx.builder().constant("", {axes[0].out, axes[1].out, 1},
                                            ConstantData::from_doubles(y.dtype(), ratio));
    y = y * r;
  }
  return {from_nhwc(ctx, y)};
}

// Over every spatial axis, keeping them as size 1: [N, C, H, W] -> [N, C, 1, 1].
template <bool kMax>
std::vector<Value> convert_global_pool(NodeContext& ctx) {
  const int rank = ctx.value(0).rank();
  if (rank < 3) ctx.invalid("the input needs spatial axes");
  const Perm perm = channels_last_perm(rank);
  const Tensor x = ctx.tensor_in_layout(0, perm);
  std::vector<int> spatial;
  for (int d = 1; d < rank - 1; ++d) spatial.push_back(d);
  const Tensor y = kMax ? ops::reduce_max(x, spatial, true) : ops::reduce_mean(x, spatial, true);
  return {Value::device(y, perm, ctx.value(0).elem_type())};
}

}  // namespace

void register_pool_ops(Registry& r) {
  r.add("MaxPool", 1, kMaxOpset, convert_max_pool);
  r.add("AveragePool", 1, kMaxOpset, convert_average_pool);
  r.add("GlobalAveragePool", 1, kMaxOpset, convert_global_pool<false>);
  r.add("GlobalMaxPool", 1, kMaxOpset, convert_global_pool<true>);
}

}  // namespace tartan::onnx
