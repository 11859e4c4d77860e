// Activations beyond onnx-core's elementwise family (Erf, Elu, Selu, Celu, HardSigmoid,
// HardSwish, PRelu, ThresholdedRelu, Softplus, Softsign) and Softmax/LogSoftmax, through
// tartan/ops/activation.h. Elementwise ones keep their input's layout.
#include "tartan/ops/activation.h"

#include "ops/families.h"
#include "ops/layout_util.h"
#include "src/registry.h"
#include "tartan/ops/shape.h"

namespace tartan::onnx {

namespace {

void require_float_input(NodeContext& ctx) {
  if (!is_float(physical_of(ctx, 0).first.dtype())) {
    ctx.unsupported(elem_type_name(ctx.value(0).elem_type()) + " input",
                    ctx.op_type() + " is mapped for float and float16 tensors");
  }
}

// f applied to the input as it is held; the result keeps its layout and element type.
template <typename F>
std::vector<Value> keep_layout(NodeContext& ctx, F&& f) {
  require_float_input(ctx);
  auto [x, perm] = physical_of(ctx, 0);
  return {Value::device(f(x), perm, ctx.value(0).elem_type())};
}

template <Tensor (*kOp)(const Tensor&)>
std::vector<Value> plain(NodeContext& ctx) {
  return keep_layout(ctx, kOp);
}

std::vector<Value> convert_elu(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 1.0f);
  return keep_layout(ctx, [&](const Tensor& x) { return ops::elu(x, alpha); });
}

std::vector<Value> convert_selu(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 1.67326319217681884765625f);
  const double gamma = ctx.attr_float("gamma", 1.05070102214813232421875f);
  return keep_layout(ctx, [&](const Tensor& x) { return ops::selu(x, alpha, gamma); });
}

std::vector<Value> convert_celu(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 1.0f);
  if (alpha == 0) ctx.invalid("alpha is 0");
  return keep_layout(ctx, [&](const Tensor& x) { return ops::celu(x, alpha); });
}

std::vector<Value> convert_hard_sigmoid(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 0.2f), beta = ctx.attr_float("beta", 0.5f);
  return keep_layout(ctx,
                     [&](const Tensor& x) { return ops::hard_sigmoid_scaled(x, alpha, beta); });
}

std::vector<Value> convert_thresholded_relu(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 1.0f);
  return keep_layout(ctx, [&](const Tensor& x) { return ops::thresholded_relu(x, alpha); });
}

// The slope broadcasts to X one way (ONNX's unidirectional broadcasting).
std::vector<Value> convert_prelu(NodeContext& ctx) {
  require_float_input(ctx);
  const Perm perm = elementwise_layout(ctx, {0});
  const int rank = ctx.value(0).rank();
  if (ctx.value(1).rank() > rank) {
    ctx.invalid("the slope " + shape_str(ctx.value(1).shape()) + " has a higher rank than X " +
                shape_str(ctx.value(0).shape()));
  }
  const Tensor x = broadcast_operand(ctx, 0, rank, perm);
  Tensor slope = broadcast_operand(ctx, 1, rank, perm);
  if (slope.dtype() != x.dtype()) slope = cast(slope, x.dtype());
  return {Value::device(ops::prelu(x, slope), perm, ctx.value(0).elem_type())};
}

// Opset 13 on: along `axis` (default -1), in the input's layout. Before: the input is seen as
// a matrix [prod(dims before axis), prod(dims from axis)] (default axis 1) and each row is
// normalised; that is the single-axis form when axis is the last.
template <Tensor (*kOp)(const Tensor&, int)>
std::vector<Value> convert_softmax(NodeContext& ctx) {
  require_float_input(ctx);
  const Value& v = ctx.value(0);
  const bool rows = ctx.opset() < 13;
  const int axis = ctx.axis(ctx.attr_int("axis", rows ? 1 : -1), std::max(v.rank(), 1));
  if (!rows || axis == v.rank() - 1) {
    auto [x, perm] = physical_of(ctx, 0);
    return {Value::device(kOp(x, perm[static_cast<std::size_t>(axis)]), perm, v.elem_type())};
  }
  std::int64_t outer = 1, inner = 1;
  for (int d = 0; d < v.rank(); ++d) (d < axis ? outer : inner) *= v.shape()[d];
  const Tensor matrix = ctx.builder().reshape(ctx.tensor(0), {outer, inner});
  return {Value::device(ctx.builder().reshape(kOp(matrix, 1), v.shape()), {}, v.elem_type())};
}

}  // namespace

void register_activation_ops(Registry& r) {
  r.add("Erf", 9, kMaxOpset, plain<ops::erf>);
  r.add("Elu", 6, kMaxOpset, convert_elu);
  r.add("Selu", 6, kMaxOpset, convert_selu);
  r.add("Celu", 12, kMaxOpset, convert_celu);
  r.add("HardSigmoid", 6, kMaxOpset, convert_hard_sigmoid);
  r.add("HardSwish", 14, kMaxOpset, plain<ops::hard_swish>);
  r.add("PRelu", 7, kMaxOpset, convert_prelu);
  r.add("ThresholdedRelu", 10, kMaxOpset, convert_thresholded_relu);
  r.add("Softplus", 1, kMaxOpset, plain<ops::softplus>);
  r.add("Softsign", 1, kMaxOpset, plain<ops::softsign>);
  r.add("Softmax", 1, kMaxOpset, convert_softmax<ops::softmax>);
  r.add("LogSoftmax", 1, kMaxOpset, convert_softmax<ops::log_softmax>);
}

}  // namespace tartan::onnx
