// Reductions (ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceProd, ReduceL1, ReduceL2,
// ReduceSumSquare, ReduceLogSum, ReduceLogSumExp) and ArgMax/ArgMin through tartan/ops/reduce.h.
#include "tartan/ops/reduce.h"

#include <onnx/onnx_pb.h>

#include <numeric>

#include "ops/families.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

using Reduce = Tensor (*)(const Tensor&, const std::vector<int>&, bool);

// The axes from the attribute, or (ReduceSum from opset 13) the optional second input; none
// means every axis, unless noop_with_empty_axes makes it the identity.
template <Reduce kOp, bool kFloatOnly>
std::vector<Value> convert_reduce(NodeContext& ctx) {
  const Value& v = ctx.value(0);
  const Tensor x = ctx.tensor(0);
  if (kFloatOnly && !is_float(x.dtype())) {
    ctx.unsupported(elem_type_name(v.elem_type()) + " input",
                    ctx.op_type() + " of float and float16 tensors");
  }
  const bool axes_input = ctx.op_type() == "ReduceSum" && ctx.opset() >= 13;
  std::vector<std::int64_t> axes;
  if (axes_input) {
    if (ctx.has_input(1)) axes = ctx.constant(1, "the axes").ints();
  } else {
    axes = ctx.attr_ints("axes");
  }
  const bool keepdims = ctx.attr_int("keepdims", 1) != 0;
  if (axes.empty() && ctx.attr_int("noop_with_empty_axes", 0) != 0) {
    return {Value::device(ctx.builder().elementwise(EwOp::kIdentity, {x}), {}, v.elem_type())};
  }
  std::vector<int> dims;
  for (const std::int64_t a : axes) dims.push_back(ctx.axis(a, v.rank()));
  if (dims.empty()) {
    dims.resize(static_cast<std::size_t>(v.rank()));
    std::iota(dims.begin(), dims.end(), 0);
  }
  const Tensor y = kOp(x, dims, keepdims);
  return {
      Value::device(y, {}, y.dtype() == x.dtype() ? v.elem_type() : default_elem_type(y.dtype()))};
}

template <bool kMax>
std::vector<Value> convert_arg(NodeContext& ctx) {
  const Value& v = ctx.value(0);
  const int axis = ctx.axis(ctx.attr_int("axis", 0), v.rank());
  const bool keepdims = ctx.attr_int("keepdims", 1) != 0;
  const bool last = ctx.attr_int("select_last_index", 0) != 0;
  const Tensor x = ctx.tensor(0);
  const Tensor y =
      kMax ? ops::argmax(x, axis, keepdims, last) : ops::argmin(x, axis, keepdims, last);
  return {Value::device(y, {}, ::onnx::TensorProto::INT64)};
}

}  // namespace

void register_reduce_ops(Registry& r) {
  r.add("ReduceSum", 1, kMaxOpset, convert_reduce<ops::reduce_sum, false>);
  r.add("ReduceMean", 1, kMaxOpset, convert_reduce<ops::reduce_mean, true>);
  r.add("ReduceMax", 1, kMaxOpset, convert_reduce<ops::reduce_max, false>);
  r.add("ReduceMin", 1, kMaxOpset, convert_reduce<ops::reduce_min, false>);
  r.add("ReduceProd", 1, kMaxOpset, convert_reduce<ops::reduce_prod, false>);
  r.add("ReduceL1", 1, kMaxOpset, convert_reduce<ops::reduce_l1, false>);
  r.add("ReduceL2", 1, kMaxOpset, convert_reduce<ops::reduce_l2, true>);
  r.add("ReduceSumSquare", 1, kMaxOpset, convert_reduce<ops::reduce_sum_square, false>);
  r.add("ReduceLogSum", 1, kMaxOpset, convert_reduce<ops::reduce_log_sum, true>);
  r.add("ReduceLogSumExp", 1, kMaxOpset, convert_reduce<ops::reduce_log_sum_exp, true>);
  r.add("ArgMax", 1, kMaxOpset, convert_arg<true>);
  r.add("ArgMin", 1, kMaxOpset, convert_arg<false>);
}

}  // namespace tartan::onnx
