// Elementwise operators with NumPy broadcasting, in the layout of their operands.
#include <cmath>
#include <limits>

#include "ops/families.h"
#include "ops/layout_util.h"
#include "src/registry.h"
#include "tartan/ops/activation.h"

namespace tartan::onnx {

namespace {

// Every input in the layout of the first permuted one, combined left to right by `op`.
Value combine(NodeContext& ctx, EwOp op) {
  if (ctx.num_inputs() < 1) ctx.invalid("needs at least one input");
  std::vector<int> all;
  for (int i = 0; i < ctx.num_inputs(); ++i) all.push_back(i);
  const Perm perm = elementwise_layout(ctx, all);
  const int rank = static_cast<int>(perm.size());
  Tensor acc = broadcast_operand(ctx, 0, rank, perm);
  for (int i = 1; i < ctx.num_inputs(); ++i) {
    Tensor rhs = broadcast_operand(ctx, i, rank, perm);
    if (rhs.dtype() != acc.dtype()) rhs = cast(rhs, acc.dtype());
    acc = ctx.builder().elementwise(op, {acc, rhs});
  }
  if (ctx.num_inputs() == 1) acc = ctx.builder().elementwise(EwOp::kIdentity, {acc});
  return Value::device(acc, perm, ctx.value(0).elem_type());
}

template <EwOp kOp>
std::vector<Value> binary(NodeContext& ctx) {
  if (ctx.num_inputs() != 2) ctx.invalid("needs two inputs");
  return {combine(ctx, kOp)};
}

template <EwOp kOp>
std::vector<Value> variadic(NodeContext& ctx) {
  return {combine(ctx, kOp)};
}

std::vector<Value> convert_mean(NodeContext& ctx) {
  Value sum = combine(ctx, EwOp::kAdd);
  return {Value::device(sum.physical() / static_cast<double>(ctx.num_inputs()), sum.perm(),
                        sum.elem_type())};
}

// A unary op keeps its input's layout.
template <typename F>
Value unary(NodeContext& ctx, F&& f) {
  auto [x, perm] = physical_of(ctx, 0);
  return Value::device(f(x), perm, ctx.value(0).elem_type());
}

template <EwOp kOp>
std::vector<Value> simple_unary(NodeContext& ctx) {
  return {unary(ctx, [&](const Tensor& x) { return ctx.builder().elementwise(kOp, {x}); })};
}

void require_float(NodeContext& ctx) {
  if (!is_float(physical_of(ctx, 0).first.dtype())) {
    ctx.unsupported(elem_type_name(ctx.value(0).elem_type()) + " input",
                    ctx.op_type() + " is mapped for float and float16 tensors");
  }
}

std::vector<Value> convert_reciprocal(NodeContext& ctx) {
  require_float(ctx);
  return {unary(ctx, [](const Tensor& x) { return 1.0 / x; })};
}

std::vector<Value> convert_leaky_relu(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 0.01f);
  return {unary(ctx, [&](const Tensor& x) { return ops::leaky_relu(x, alpha); })};
}

// Bounds from attributes (opset < 11) or optional scalar inputs (opset >= 11): literals when
// known at import, scalar tensors broadcast over x when computed at run time.
std::vector<Value> convert_clip(NodeContext& ctx) {
  auto [x, perm] = physical_of(ctx, 0);
  Builder& b = ctx.builder();
  const auto bound = [&](int i, const char* attr, bool lower) -> std::optional<Tensor> {
    if (ctx.opset() < 11) {
      const double inf = std::numeric_limits<float>::infinity();
      const double v = ctx.attr_float(attr, static_cast<float>(lower ? -inf : inf));
      if (std::isinf(v)) return std::nullopt;
      return b.literal(v, x.dtype());
    }
    if (!ctx.has_input(i)) return std::nullopt;
    const Value& v = ctx.value(i);
    if (v.shape().size() > 1 || num_elements(v.shape()) != 1)
      ctx.invalid("a clip bound must be a scalar");
    if (v.is_host()) return b.literal(v.constant().values[0], x.dtype());
    return b.reshape(ctx.tensor(i), Shape(x.shape().size(), 1));
  };
  const std::optional<Tensor> lo = bound(1, "min", true), hi = bound(2, "max", false);
  Tensor y = b.elementwise(EwOp::kIdentity, {x});
  if (lo) y = max(y, *lo);
  if (hi) y = min(y, *hi);
  return {Value::device(y, perm, ctx.value(0).elem_type())};
}

}  // namespace

void register_elementwise_ops(Registry& r) {
  r.add("Add", 7, kMaxOpset, binary<EwOp::kAdd>);
  r.add("Sub", 7, kMaxOpset, binary<EwOp::kSub>);
  r.add("Mul", 7, kMaxOpset, binary<EwOp::kMul>);
  r.add("Div", 7, kMaxOpset, binary<EwOp::kDiv>);
  r.add("Pow", 7, kMaxOpset, binary<EwOp::kPow>);
  r.add("Min", 8, kMaxOpset, variadic<EwOp::kMin>);
  r.add("Max", 8, kMaxOpset, variadic<EwOp::kMax>);
  r.add("Sum", 8, kMaxOpset, variadic<EwOp::kAdd>);
  r.add("Mean", 8, kMaxOpset, convert_mean);
  r.add("Neg", 6, kMaxOpset, simple_unary<EwOp::kNeg>);
  r.add("Abs", 6, kMaxOpset, simple_unary<EwOp::kAbs>);
  r.add("Exp", 6, kMaxOpset, simple_unary<EwOp::kExp>);
  r.add("Log", 6, kMaxOpset, simple_unary<EwOp::kLog>);
  r.add("Sqrt", 6, kMaxOpset, simple_unary<EwOp::kSqrt>);
  r.add("Tanh", 6, kMaxOpset, simple_unary<EwOp::kTanh>);
  r.add("Sigmoid", 6, kMaxOpset, simple_unary<EwOp::kSigmoid>);
  r.add("Relu", 6, kMaxOpset, simple_unary<EwOp::kRelu>);
  r.add("Floor", 6, kMaxOpset, simple_unary<EwOp::kFloor>);
  r.add("Ceil", 6, kMaxOpset, simple_unary<EwOp::kCeil>);
  r.add("Sin", 7, kMaxOpset, simple_unary<EwOp::kSin>);
  r.add("Cos", 7, kMaxOpset, simple_unary<EwOp::kCos>);
  r.add("Tan", 7, kMaxOpset, simple_unary<EwOp::kTan>);
  r.add("Reciprocal", 6, kMaxOpset, convert_reciprocal);
  r.add("LeakyRelu", 6, kMaxOpset, convert_leaky_relu);
  r.add("Clip", 6, kMaxOpset, convert_clip);
}

}  // namespace tartan::onnx
