// Conv and ConvTranspose (1-D and 2-D): NHWC convolutions from tartan/ops/conv.h on the
// physical channels-last tensor; the result stays channels-last (see src/layout.h).
#include "tartan/ops/conv.h"

#include <array>

#include "ops/families.h"
#include "ops/layout_util.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

// The attributes shared by Conv and ConvTranspose, for two spatial axes (1-D convolutions get
// a leading axis of size 1).
struct ConvGeometry {
  bool one_d = false;
  std::array<std::int64_t, 2> kernel{1, 1}, strides{1, 1}, dilations{1, 1};
  std::array<std::int64_t, 2> pad_begin{0, 0}, pad_end{0, 0};
  std::string auto_pad;
};

// Reads the per-axis attribute `name` (one value per spatial axis) into the last axes of `to`.
void spatial_attr(NodeContext& ctx, const std::string& name, int spatial,
                  std::array<std::int64_t, 2>& to) {
  const std::vector<std::int64_t> v = ctx.attr_ints(name);
  if (v.empty()) return;
  if (static_cast<int>(v.size()) != spatial) {
    ctx.invalid(name + " has " + std::to_string(v.size()) + " values for " +
                std::to_string(spatial) + " spatial axes");
  }
  for (int d = 0; d < spatial; ++d) to[static_cast<std::size_t>(2 - spatial + d)] = v[d];
}

ConvGeometry geometry(NodeContext& ctx, int rank, const Shape& weight_shape) {
  if (rank != 3 && rank != 4) {
    ctx.unsupported(std::to_string(rank - 2) + "-D " + ctx.op_type(),
                    "1-D and 2-D " + ctx.op_type() + " ([N, C, L] and [N, C, H, W] inputs)");
  }
  const int spatial = rank - 2;
  ConvGeometry g;
  g.one_d = spatial == 1;
  for (int d = 0; d < spatial; ++d) g.kernel[2 - spatial + d] = weight_shape[2 + d];
  std::array<std::int64_t, 2> declared = g.kernel;
  spatial_attr(ctx, "kernel_shape", spatial, declared);
  if (declared != g.kernel) ctx.invalid("kernel_shape does not match the weights");
  spatial_attr(ctx, "strides", spatial, g.strides);
  spatial_attr(ctx, "dilations", spatial, g.dilations);
  const std::vector<std::int64_t> pads = ctx.attr_ints("pads");
  if (!pads.empty()) {
    if (static_cast<int>(pads.size()) != 2 * spatial) ctx.invalid("pads needs 2 values per axis");
    for (int d = 0; d < spatial; ++d) {
      g.pad_begin[2 - spatial + d] = pads[d];
      g.pad_end[2 - spatial + d] = pads[spatial + d];
    }
  }
  g.auto_pad = ctx.attr_string("auto_pad", "NOTSET");
  if (g.auto_pad != "NOTSET" && g.auto_pad != "VALID" && g.auto_pad != "SAME_UPPER" &&
      g.auto_pad != "SAME_LOWER") {
    ctx.invalid("auto_pad '" + g.auto_pad + "'");
  }
  if (g.auto_pad == "VALID") g.pad_begin = g.pad_end = {0, 0};
  return g;
}

// The physical input as [N, H, W, C] (1-D: [N, 1, L, C]).
Tensor nhwc_input(NodeContext& ctx, const ConvGeometry& g) {
  const int rank = ctx.value(0).rank();
  Tensor x = ctx.tensor_in_layout(0, channels_last_perm(rank));
  if (g.one_d) x = ctx.builder().reshape(x, {x.shape()[0], 1, x.shape()[1], x.shape()[2]});
  return x;
}

Value nchw_result(const Tensor& y, const ConvGeometry& g, int elem_type) {
  if (!g.one_d) return Value::device(y, channels_last_perm(4), elem_type);
  const Tensor r = y.builder().reshape(y, {y.shape()[0], y.shape()[2], y.shape()[3]});
  return Value::device(r, channels_last_perm(3), elem_type);
}

// Weights [A, B, (kh,) kw] as [kh, kw, ...] ordered by `order` over (A, B, kh, kw): constants
// are rearranged on the host.
Tensor weights(NodeContext& ctx, int i, const std::vector<int>& order, const Shape& as_4d) {
  const Value& w = ctx.value(i);
  if (w.is_host()) {
    HostConstant c = w.constant();
    c.dims = as_4d;
    const HostConstant t = transpose_host(c, order);
    return ctx.builder().constant("", t.dims, to_constant_data(t, ctx.where() + " weights"));
  }
  return permute(ctx.builder().reshape(ctx.tensor(i), as_4d), order);
}

Shape weights_4d(const Shape& w) { return w.size() == 3 ? Shape{w[0], w[1], 1, w[2]} : w; }

std::optional<Tensor> bias(NodeContext& ctx, int i) {
  if (!ctx.has_input(i)) return std::nullopt;
  return ctx.tensor(i);
}

std::vector<Value> convert_conv(NodeContext& ctx) {
  const Value& xv = ctx.value(0);
  const Shape& ws = ctx.value(1).shape();
  const int rank = xv.rank();
  if (static_cast<int>(ws.size()) != rank) ctx.invalid("weights and input differ in rank");
  ConvGeometry g = geometry(ctx, rank, ws);
  const Shape& xs = xv.shape();
  if (g.auto_pad == "SAME_UPPER" || g.auto_pad == "SAME_LOWER") {
    for (int d = 0; d < rank - 2; ++d) {
      const std::size_t a = static_cast<std::size_t>(2 - (rank - 2) + d);
      const std::int64_t in = xs[2 + d], s = g.strides[a];
      const std::int64_t out = (in + s - 1) / s;
      const std::int64_t total =
          std::max<std::int64_t>((out - 1) * s + (g.kernel[a] - 1) * g.dilations[a] + 1 - in, 0);
      g.pad_begin[a] = g.auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
      g.pad_end[a] = total - g.pad_begin[a];
    }
  }
  const std::int64_t groups = ctx.attr_int("group", 1);
  const std::int64_t channels = xs[1], filters = ws[0];
  if (groups < 1 || channels % groups != 0 || filters % groups != 0 || ws[1] * groups != channels) {
    ctx.invalid("group " + std::to_string(groups) + " does not fit " + std::to_string(channels) +
                " input channels and weights " + shape_str(ws));
  }
  ops::Conv2DOptions o;
  o.strides = g.strides;
  o.dilation = g.dilations;
  o.padding =
      ops::Padding::explicit_amounts(g.pad_begin[0], g.pad_end[0], g.pad_begin[1], g.pad_end[1]);
  const Tensor x = nhwc_input(ctx, g);
  const Shape w4 = weights_4d(ws);
  Tensor y = x;
  if (groups > 1 && groups == channels) {
    // Depthwise: output channel c * M + m reads channel c, as Keras's depth multiplier M.
    const std::int64_t mult = filters / channels;
    const Tensor k = weights(ctx, 1, {2, 3, 0, 1}, {channels, mult, w4[2], w4[3]});
    y = ops::depthwise_conv2d(x, k, bias(ctx, 2), o);
  } else {
    o.groups = groups;
    y = ops::conv2d(x, weights(ctx, 1, {2, 3, 1, 0}, w4), bias(ctx, 2), o);
  }
  return {nchw_result(y, g, xv.elem_type())};
}

// out[n, y, m] = sum over c, i of x[n, (y + pad_begin - dilation * i) / stride, c] * W[c, m, i]
// where the division is exact (a fractional index skips the term).
std::vector<Value> convert_conv_transpose(NodeContext& ctx) {
  const Value& xv = ctx.value(0);
  const Shape& ws = ctx.value(1).shape();
  const int rank = xv.rank();
  if (static_cast<int>(ws.size()) != rank) ctx.invalid("weights and input differ in rank");
  ConvGeometry g = geometry(ctx, rank, ws);
  if (ctx.attr_int("group", 1) != 1) {
    ctx.unsupported("group " + std::to_string(ctx.attr_int("group", 1)),
                    "ConvTranspose with group 1");
  }
  std::array<std::int64_t, 2> output_padding{0, 0}, output_shape{0, 0};
  spatial_attr(ctx, "output_padding", rank - 2, output_padding);
  const bool has_output_shape = ctx.has_attr("output_shape");
  spatial_attr(ctx, "output_shape", rank - 2, output_shape);
  const Shape& xs = xv.shape();
  std::array<std::int64_t, 2> in{1, 1}, out{};
  for (int d = 0; d < rank - 2; ++d) in[static_cast<std::size_t>(2 - (rank - 2) + d)] = xs[2 + d];
  if (g.one_d) output_shape[0] = 1;
  for (std::size_t a = 0; a < 2; ++a) {
    const std::int64_t full =
        g.strides[a] * (in[a] - 1) + output_padding[a] + (g.kernel[a] - 1) * g.dilations[a] + 1;
    const bool same = g.auto_pad == "SAME_UPPER" || g.auto_pad == "SAME_LOWER";
    if (has_output_shape || same) {
      const std::int64_t target = has_output_shape ? output_shape[a] : in[a] * g.strides[a];
      const std::int64_t total = full - target;
      // An output_shape beyond the full output adds zero rows at the end (as output_padding
      // would); a smaller one trims, split as auto_pad says.
      g.pad_begin[a] = total < 0 ? 0 : g.auto_pad == "SAME_LOWER" ? total - total / 2 : total / 2;
      g.pad_end[a] = total - g.pad_begin[a];
    }
    out[a] = full - g.pad_begin[a] - g.pad_end[a];
    if (out[a] < 1) ctx.invalid("the output would be empty");
  }
  const Tensor x = nhwc_input(ctx, g);
  const Shape w4 = weights_4d(ws);                     // [C, M, kh, kw]
  const Tensor k = weights(ctx, 1, {2, 3, 0, 1}, w4);  // [kh, kw, C, M]
  Index n("n"), y("y"), xc("x"), i("i"), j("j"), c("c"), m("m");
  TensorDecl o = ctx.builder().declare("", {x.shape()[0], out[0], out[1], w4[1]});
  const IndexExpr in_y = (y + g.pad_begin[0] - g.dilations[0] * i) / g.strides[0];
  const IndexExpr in_x = (xc + g.pad_begin[1] - g.dilations[1] * j) / g.strides[1];
  o(n, y, xc, m) = sum(x(n, in_y, in_x, c) * k(i, j, c, m));
  Tensor result = o;
  if (const auto b = bias(ctx, 2)) result = result + *b;
  return {nchw_result(result, g, xv.elem_type())};
}

}  // namespace

void register_conv_ops(Registry& r) {
  r.add("Conv", 1, kMaxOpset, convert_conv);
  r.add("ConvTranspose", 1, kMaxOpset, convert_conv_transpose);
}

}  // namespace tartan::onnx
