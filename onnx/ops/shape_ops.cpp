// Operators that only move or relabel elements: Identity, Dropout, Constant, Shape, Reshape,
// Flatten, Squeeze, Unsqueeze, Transpose (the last as a layout change, free until needed).
#include <onnx/onnx_pb.h>

#include <algorithm>
#include <set>

#include "ops/families.h"
#include "ops/layout_util.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

constexpr int kInt64 = ::onnx::TensorProto::INT64;

std::vector<Value> convert_identity(NodeContext& ctx) {
  const Value& v = ctx.value(0);
  return {v};
}

// Inference: the input passes through; the optional mask is all true.
std::vector<Value> convert_dropout(NodeContext& ctx) {
  if (ctx.has_input(2)) {
    const HostConstant& training = ctx.constant(2, "training_mode");
    if (!training.values.empty() && training.values[0] != 0) {
      ctx.unsupported("training_mode true",
                      "tartan runs Dropout at inference (training_mode false)");
    }
  }
  std::vector<Value> outs = {ctx.value(0)};
  if (ctx.output_wanted(1)) {
    const Shape& s = ctx.value(0).shape();
    outs.push_back(Value::host(
        HostConstant{::onnx::TensorProto::BOOL, s,
                     std::vector<double>(static_cast<std::size_t>(num_elements(s)), 1.0)}));
  }
  return outs;
}

std::vector<Value> convert_constant(NodeContext& ctx) {
  if (ctx.has_attr("value")) return {Value::host(ctx.attr_tensor("value"))};
  const auto floats = [](std::vector<float> f, Shape dims) {
    return HostConstant{::onnx::TensorProto::FLOAT, std::move(dims), {f.begin(), f.end()}};
  };
  const auto ints = [](std::vector<std::int64_t> v, Shape dims) {
    HostConstant c{kInt64, std::move(dims), {}};
    for (const auto x : v) c.values.push_back(static_cast<double>(x));
    return c;
  };
  if (ctx.has_attr("value_float"))
    return {Value::host(floats({ctx.attr_float("value_float", 0)}, {}))};
  if (ctx.has_attr("value_int")) return {Value::host(ints({ctx.attr_int("value_int", 0)}, {}))};
  if (ctx.has_attr("value_floats")) {
    const auto f = ctx.attr_floats("value_floats");
    return {Value::host(floats(f, {static_cast<std::int64_t>(f.size())}))};
  }
  if (ctx.has_attr("value_ints")) {
    const auto v = ctx.attr_ints("value_ints");
    return {Value::host(ints(v, {static_cast<std::int64_t>(v.size())}))};
  }
  ctx.unsupported("a sparse or string constant",
                  "Constant with value, value_float(s) or value_int(s)");
}

// Shapes are static, so Shape is always known at import (opset 15: start and end).
std::vector<Value> convert_shape(NodeContext& ctx) {
  const Shape& s = ctx.value(0).shape();
  const auto rank = static_cast<std::int64_t>(s.size());
  const auto clamp = [&](std::int64_t v) {
    return std::clamp(v < 0 ? v + rank : v, std::int64_t{0}, rank);
  };
  const std::int64_t start = clamp(ctx.attr_int("start", 0)),
                     end = clamp(ctx.attr_int("end", rank));
  HostConstant c{kInt64, {std::max<std::int64_t>(end - start, 0)}, {}};
  for (std::int64_t d = start; d < end; ++d) c.values.push_back(static_cast<double>(s[d]));
  return {Value::host(c)};
}

Value reshaped(NodeContext& ctx, const Shape& shape) {
  if (num_elements(shape) != num_elements(ctx.value(0).shape())) {
    ctx.invalid("cannot reshape " + shape_str(ctx.value(0).shape()) + " to " + shape_str(shape));
  }
  return Value::device(ctx.builder().reshape(ctx.tensor(0), shape), {}, ctx.value(0).elem_type());
}

// 0 copies the input's dimension (unless allowzero), -1 is inferred.
std::vector<Value> convert_reshape(NodeContext& ctx) {
  const std::vector<std::int64_t> target = ctx.constant(1, "the target shape").ints();
  const Shape& in = ctx.value(0).shape();
  const bool allow_zero = ctx.attr_int("allowzero", 0) != 0;
  Shape shape;
  int inferred = -1;
  std::int64_t known = 1;
  for (std::size_t d = 0; d < target.size(); ++d) {
    std::int64_t v = target[d];
    if (v == 0 && !allow_zero) {
      if (d >= in.size()) ctx.invalid("0 in the target shape copies a dimension the input lacks");
      v = in[d];
    }
    if (v == -1) {
      if (inferred >= 0) ctx.invalid("more than one -1 in the target shape");
      inferred = static_cast<int>(d);
    } else if (v < 1) {
      ctx.unsupported("target shape with dimension " + std::to_string(v),
                      "positive sizes, 0 (copy) and one -1 (tartan has no empty tensors)");
    } else {
      known *= v;
    }
    shape.push_back(v);
  }
  if (inferred >= 0) shape[static_cast<std::size_t>(inferred)] = num_elements(in) / known;
  return {reshaped(ctx, shape)};
}

std::vector<Value> convert_flatten(NodeContext& ctx) {
  const Shape& in = ctx.value(0).shape();
  const int rank = static_cast<int>(in.size());
  std::int64_t axis = ctx.attr_int("axis", 1);
  if (axis < 0) axis += rank;
  if (axis < 0 || axis > rank)
    ctx.invalid("axis " + std::to_string(axis) + " outside rank " + std::to_string(rank));
  std::int64_t outer = 1;
  for (std::int64_t d = 0; d < axis; ++d) outer *= in[d];
  return {reshaped(ctx, {outer, num_elements(in) / outer})};
}

// Axes from the attribute (before opset 13) or the optional second input.
std::vector<std::int64_t> axes_operand(NodeContext& ctx, std::int64_t input_since) {
  if (ctx.opset() < input_since) return ctx.attr_ints("axes");
  if (!ctx.has_input(1)) return {};
  return ctx.constant(1, "the axes").ints();
}

std::vector<Value> convert_squeeze(NodeContext& ctx) {
  const Shape& in = ctx.value(0).shape();
  const int rank = static_cast<int>(in.size());
  std::set<int> axes;
  for (const auto a : axes_operand(ctx, 13)) {
    const int n = ctx.axis(a, rank);
    if (in[n] != 1)
      ctx.invalid("squeezed axis " + std::to_string(a) + " has size " + std::to_string(in[n]));
    axes.insert(n);
  }
  Shape shape;
  for (int d = 0; d < rank; ++d) {
    const bool drop = axes.empty() ? in[d] == 1 : axes.contains(d);
    if (!drop) shape.push_back(in[d]);
  }
  return {reshaped(ctx, shape)};
}

std::vector<Value> convert_unsqueeze(NodeContext& ctx) {
  const Shape& in = ctx.value(0).shape();
  const std::vector<std::int64_t> axes = axes_operand(ctx, 13);
  const int rank = static_cast<int>(in.size() + axes.size());
  std::set<int> inserted;
  for (const auto a : axes) {
    if (!inserted.insert(ctx.axis(a, rank)).second)
      ctx.invalid("axis " + std::to_string(a) + " given twice");
  }
  Shape shape;
  std::size_t next = 0;
  for (int d = 0; d < rank; ++d) shape.push_back(inserted.contains(d) ? 1 : in[next++]);
  return {reshaped(ctx, shape)};
}

// A transpose only changes which physical dimension each logical one is.
std::vector<Value> convert_transpose(NodeContext& ctx) {
  const int rank = ctx.value(0).rank();
  std::vector<std::int64_t> perm = ctx.attr_ints("perm");
  if (perm.empty()) {
    for (int d = rank - 1; d >= 0; --d) perm.push_back(d);
  }
  Perm p;
  std::set<int> seen;
  for (const auto d : perm) {
    if (d < 0 || d >= rank || !seen.insert(static_cast<int>(d)).second) {
      ctx.invalid("perm is not a permutation of a rank-" + std::to_string(rank) + " tensor");
    }
    p.push_back(static_cast<int>(d));
  }
  if (static_cast<int>(p.size()) != rank) ctx.invalid("perm has the wrong length");
  auto [x, layout] = physical_of(ctx, 0);
  return {Value::device(x, compose_perms(layout, p), ctx.value(0).elem_type())};
}

}  // namespace

void register_shape_ops(Registry& r) {
  r.add("Identity", 1, kMaxOpset, convert_identity);
  r.add("Dropout", 7, kMaxOpset, convert_dropout);
  r.add("Constant", 1, kMaxOpset, convert_constant);
  r.add("Shape", 1, kMaxOpset, convert_shape);
  r.add("Reshape", 5, kMaxOpset, convert_reshape);
  r.add("Flatten", 1, kMaxOpset, convert_flatten);
  r.add("Squeeze", 1, kMaxOpset, convert_squeeze);
  r.add("Unsqueeze", 1, kMaxOpset, convert_unsqueeze);
  r.add("Transpose", 1, kMaxOpset, convert_transpose);
}

}  // namespace tartan::onnx
