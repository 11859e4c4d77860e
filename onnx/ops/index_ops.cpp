// Operators that select or join parts of tensors: Concat, Split, Slice, Gather, Pad.
#include <onnx/onnx_pb.h>

#include <algorithm>

#include "ops/families.h"
#include "ops/layout_util.h"
#include "src/registry.h"
#include "tartan/ops/shape.h"

namespace tartan::onnx {

namespace {

// y[i...] = x[start + step * i] along each physical axis (negative steps walk backwards).
Tensor strided_window(const Tensor& x, const Shape& out, const std::vector<std::int64_t>& start,
                      const std::vector<std::int64_t>& step) {
  std::vector<IndexExpr> o, in;
  for (std::size_t d = 0; d < out.size(); ++d) {
    const Index i("i" + std::to_string(d));
    o.emplace_back(i);
    in.push_back(start[d] + step[d] * IndexExpr(i));
  }
  TensorDecl y = x.builder().declare("", out);
  y(o) = assign(x(in));
  return y;
}

// Concatenation along the physical axis of the logical one, in the inputs' common layout.
std::vector<Value> convert_concat(NodeContext& ctx) {
  std::vector<int> all;
  for (int i = 0; i < ctx.num_inputs(); ++i) all.push_back(i);
  if (all.empty()) ctx.invalid("no inputs");
  const Perm perm = elementwise_layout(ctx, all);
  const int rank = static_cast<int>(perm.size());
  const int axis = ctx.axis(ctx.attr_int("axis", 0), rank);
  std::vector<Tensor> parts;
  for (const int i : all) {
    if (ctx.value(i).rank() != rank) ctx.invalid("inputs differ in rank");
    parts.push_back(ctx.tensor_in_layout(i, perm));
  }
  Tensor y = ops::concatenate(parts, perm[static_cast<std::size_t>(axis)]);
  if (parts.size() == 1) y = ctx.builder().elementwise(EwOp::kIdentity, {y});
  return {Value::device(y, perm, ctx.value(0).elem_type())};
}

std::vector<Value> convert_split(NodeContext& ctx) {
  auto [x, perm] = physical_of(ctx, 0);
  const Value& v = ctx.value(0);
  const int axis = ctx.axis(ctx.attr_int("axis", 0), v.rank());
  const std::int64_t dim = v.shape()[static_cast<std::size_t>(axis)];
  const int parts = ctx.num_outputs();
  std::vector<std::int64_t> sizes = ctx.opset() < 13   ? ctx.attr_ints("split")
                                    : ctx.has_input(1) ? ctx.constant(1, "the split sizes").ints()
                                                       : std::vector<std::int64_t>{};
  if (sizes.empty()) {
    if (dim % parts != 0)
      ctx.invalid("axis size " + std::to_string(dim) + " does not split evenly");
    sizes.assign(static_cast<std::size_t>(parts), dim / parts);
  }
  std::int64_t total = 0;
  for (const auto s : sizes) total += s;
  if (static_cast<int>(sizes.size()) != parts || total != dim) {
    ctx.invalid("split sizes do not match the outputs and the axis size");
  }
  std::vector<Value> outs;
  std::int64_t start = 0;
  for (const auto s : sizes) {
    if (s < 1)
      ctx.unsupported("an empty split", "positive split sizes (tartan has no empty tensors)");
    outs.push_back(Value::device(ops::slice(x, perm[static_cast<std::size_t>(axis)], start, s),
                                 perm, v.elem_type()));
    start += s;
  }
  return outs;
}

// ONNX's clamping of one axis's start/end for a step; returns the number of elements.
std::int64_t slice_axis(std::int64_t dim, std::int64_t& start, std::int64_t end,
                        std::int64_t step) {
  if (start < 0) start += dim;
  if (end < 0) end += dim;
  if (step > 0) {
    start = std::clamp<std::int64_t>(start, 0, dim);
    end = std::clamp<std::int64_t>(end, 0, dim);
    return std::max<std::int64_t>(0, (end - start + step - 1) / step);
  }
  start = std::clamp<std::int64_t>(start, 0, dim - 1);
  end = std::clamp<std::int64_t>(end, -1, dim - 1);
  return std::max<std::int64_t>(0, (start - end + (-step) - 1) / (-step));
}

std::vector<Value> convert_slice(NodeContext& ctx) {
  std::vector<std::int64_t> starts, ends, axes, steps;
  if (ctx.opset() < 10) {
    starts = ctx.attr_ints("starts");
    ends = ctx.attr_ints("ends");
    axes = ctx.attr_ints("axes");
  } else {
    starts = ctx.constant(1, "starts").ints();
    ends = ctx.constant(2, "ends").ints();
    if (ctx.has_input(3)) axes = ctx.constant(3, "axes").ints();
    if (ctx.has_input(4)) steps = ctx.constant(4, "steps").ints();
  }
  const Value& v = ctx.value(0);
  const int rank = v.rank();
  if (axes.empty()) {
    for (std::size_t d = 0; d < starts.size(); ++d) axes.push_back(static_cast<std::int64_t>(d));
  }
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size()) {
    ctx.invalid("starts, ends, axes and steps differ in length");
  }
  auto [x, perm] = physical_of(ctx, 0);
  Shape out = x.shape();
  std::vector<std::int64_t> start(out.size(), 0), step(out.size(), 1);
  for (std::size_t k = 0; k < axes.size(); ++k) {
    const int a = perm[static_cast<std::size_t>(ctx.axis(axes[k], rank))];
    if (steps[k] == 0) ctx.invalid("step 0");
    std::int64_t s = starts[k];
    out[a] = slice_axis(x.shape()[a], s, ends[k], steps[k]);
    if (out[a] == 0)
      ctx.unsupported("an empty slice",
                      "slices with at least one element (tartan has no empty tensors)");
    start[a] = s;
    step[a] = steps[k];
  }
  return {Value::device(strided_window(x, out, start, step), perm, v.elem_type())};
}

// gather along `axis`: brings it to the front, gathers, and moves the index dimensions back.
Tensor gather_axis(const Tensor& data, const Tensor& indices, int axis) {
  const int rank = data.rank();
  Perm front = {axis};
  for (int d = 0; d < rank; ++d) {
    if (d != axis) front.push_back(d);
  }
  const bool scalar = indices.rank() == 0;
  const Tensor idx = scalar ? indices.builder().reshape(indices, {1}) : indices;
  Tensor g = gather(permute(data, front), idx);
  const int k = idx.rank();
  Perm back;  // [others before axis, index dims, others after axis]
  for (int d = 0; d < axis; ++d) back.push_back(k + d);
  for (int d = 0; d < k; ++d) back.push_back(d);
  for (int d = axis; d < rank - 1; ++d) back.push_back(k + d);
  g = permute(g, back);
  if (!scalar) return g;
  Shape s = data.shape();
  s.erase(s.begin() + axis);
  return g.builder().reshape(g, s);
}

std::vector<Value> convert_gather(NodeContext& ctx) {
  const Value& data = ctx.value(0);
  const int axis = ctx.axis(ctx.attr_int("axis", 0), data.rank());
  const std::int64_t dim = data.shape()[static_cast<std::size_t>(axis)];
  const Value& iv = ctx.value(1);
  Tensor idx = ctx.tensor(1);
  if (iv.is_host()) {
    for (const auto i : iv.constant().ints()) {
      if (i < -dim || i >= dim)
        ctx.invalid("index " + std::to_string(i) + " outside [-" + std::to_string(dim) + ", " +
                    std::to_string(dim) + ")");
    }
  } else {
    ctx.note_index_use(1, dim);
  }
  if (idx.dtype() != DType::kInt32) ctx.invalid("indices are not integers");
  // Negative indices count from the end.
  idx = select(idx < 0, idx + static_cast<int>(dim), idx);
  return {Value::device(gather_axis(ctx.tensor(0), idx, axis), {}, data.elem_type())};
}

// Source index of each output position along one axis for reflect and edge padding.
std::vector<double> pad_source(std::int64_t dim, std::int64_t before, std::int64_t after,
                               bool reflect) {
  std::vector<double> src;
  for (std::int64_t o = -before; o < dim + after; ++o) {
    std::int64_t i = o;
    if (reflect) {
      const std::int64_t period = 2 * (dim - 1);
      i = period == 0 ? 0 : ((i % period) + period) % period;
      if (i >= dim) i = period - i;
    } else {
      i = std::clamp<std::int64_t>(i, 0, dim - 1);
    }
    src.push_back(static_cast<double>(i));
  }
  return src;
}

std::vector<Value> convert_pad(NodeContext& ctx) {
  const std::string mode = ctx.attr_string("mode", "constant");
  std::vector<std::int64_t> pads;
  double value = 0;
  bool value_at_run_time = false;  // the constant value is input 2, computed by the Program
  if (ctx.opset() < 11) {
    pads = ctx.attr_ints("pads");
    value = ctx.attr_float("value", 0.0f);
  } else {
    pads = ctx.constant(1, "the pads").ints();
    value_at_run_time = ctx.has_input(2) && !ctx.value(2).is_host();
    if (ctx.has_input(2) && !value_at_run_time) value = ctx.value(2).constant().values.at(0);
    if (ctx.has_input(3)) ctx.unsupported("the axes input", "Pad over every axis (opset 11 to 17)");
  }
  if (mode != "constant" && mode != "reflect" && mode != "edge") ctx.invalid("mode '" + mode + "'");
  const Value& v = ctx.value(0);
  const int rank = v.rank();
  if (static_cast<int>(pads.size()) != 2 * rank) ctx.invalid("pads needs 2 values per axis");
  auto [x, perm] = physical_of(ctx, 0);
  // Negative pads crop first.
  Shape cropped = x.shape();
  std::vector<std::int64_t> crop_start(cropped.size(), 0), ones(cropped.size(), 1);
  std::vector<std::int64_t> before(cropped.size()), after(cropped.size());
  for (int d = 0; d < rank; ++d) {
    const int a = perm[static_cast<std::size_t>(d)];
    before[a] = pads[d];
    after[a] = pads[rank + d];
    if (before[a] < 0) {
      crop_start[a] = -before[a];
      cropped[a] += before[a];
      before[a] = 0;
    }
    if (after[a] < 0) {
      cropped[a] += after[a];
      after[a] = 0;
    }
    if (cropped[a] < 1)
      ctx.unsupported("padding that empties an axis", "tartan has no empty tensors");
  }
  if (cropped != x.shape()) x = strided_window(x, cropped, crop_start, ones);
  Builder& b = ctx.builder();
  if (mode == "constant") {
    Shape out;
    std::vector<IndexExpr> in_idx, out_idx;
    for (std::size_t a = 0; a < cropped.size(); ++a) {
      out.push_back(before[a] + cropped[a] + after[a]);
      const Index i("i" + std::to_string(a));
      in_idx.emplace_back(i);
      out_idx.push_back(IndexExpr(i) + before[a]);
    }
    TensorDecl y = b.declare("", out);
    y(out_idx) = assign(x(in_idx));
    if (value == 0 && !value_at_run_time) return {Value::device(y, perm, v.elem_type())};
    // The padding takes the value: a mask known at import selects the input's elements.
    std::vector<double> inside(static_cast<std::size_t>(num_elements(out)), 0.0);
    const std::vector<std::int64_t> strides = row_major_strides(out);
    for (std::size_t flat = 0; flat < inside.size(); ++flat) {
      bool in = true;
      for (std::size_t a = 0; a < out.size(); ++a) {
        const std::int64_t p = static_cast<std::int64_t>(flat) / strides[a] % out[a];
        in = in && p >= before[a] && p < before[a] + cropped[a];
      }
      inside[flat] = in ? 1.0 : 0.0;
    }
    const Tensor mask = b.constant("", out, ConstantData::from_doubles(DType::kBool, inside));
    const Operand fill = value_at_run_time ? Operand(b.reshape(ctx.tensor(2), Shape(out.size(), 1)))
                                           : Operand(b.literal(value, x.dtype()));
    return {Value::device(select(mask, Tensor(y), fill), perm, v.elem_type())};
  }
  for (std::size_t a = 0; a < cropped.size(); ++a) {
    if (before[a] == 0 && after[a] == 0) continue;
    if (mode == "reflect" && (before[a] >= cropped[a] || after[a] >= cropped[a])) {
      ctx.unsupported("reflect padding of " + std::to_string(std::max(before[a], after[a])) +
                          " on an axis of " + std::to_string(cropped[a]),
                      "reflect padding smaller than the axis");
    }
    const std::vector<double> src =
        pad_source(x.shape()[a], before[a], after[a], mode == "reflect");
    const Tensor idx = b.constant("", {static_cast<std::int64_t>(src.size())},
                                  ConstantData::from_doubles(DType::kInt32, src));
    x = gather_axis(x, idx, static_cast<int>(a));
  }
  return {Value::device(b.elementwise(EwOp::kIdentity, {x}), perm, v.elem_type())};
}

}  // namespace

void register_index_ops(Registry& r) {
  r.add("Concat", 4, kMaxOpset, convert_concat);
  r.add("Split", 2, kMaxOpset, convert_split);
  r.add("Slice", 1, kMaxOpset, convert_slice);
  r.add("Gather", 1, kMaxOpset, convert_gather);
  r.add("Pad", 2, kMaxOpset, convert_pad);
}

}  // namespace tartan::onnx
