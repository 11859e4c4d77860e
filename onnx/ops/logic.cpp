// Comparisons, logic, Where and Cast/CastLike through tartan/ops/logic.h, in the layout of
// their operands (NumPy broadcasting).
#include "tartan/ops/logic.h"

#include <onnx/onnx_pb.h>

#include "ops/families.h"
#include "ops/layout_util.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

constexpr int kBool = ::onnx::TensorProto::BOOL;

struct Operands {
  std::vector<Tensor> tensors;
  Perm perm;
};

// Inputs `ids` broadcast-ready in one layout; `common` casts numeric operands to the promoted
// type of all of them (ONNX requires equal types; a constant may have become int32 or float).
Operands operands(NodeContext& ctx, const std::vector<int>& ids, bool common) {
  Operands o{{}, elementwise_layout(ctx, ids)};
  const int rank = static_cast<int>(o.perm.size());
  for (const int i : ids) o.tensors.push_back(broadcast_operand(ctx, i, rank, o.perm));
  if (common) {
    DType t = o.tensors.front().dtype();
    for (const Tensor& x : o.tensors) t = promote(t, x.dtype());
    for (Tensor& x : o.tensors) {
      if (x.dtype() != t) x = cast(x, t);
    }
  }
  return o;
}

template <Tensor (*kOp)(const Tensor&, const Tensor&)>
std::vector<Value> compare(NodeContext& ctx) {
  if (ctx.num_inputs() != 2) ctx.invalid("needs two inputs");
  const Operands o = operands(ctx, {0, 1}, true);
  return {Value::device(kOp(o.tensors[0], o.tensors[1]), o.perm, kBool)};
}

template <Tensor (*kOp)(const Tensor&, const Tensor&)>
std::vector<Value> logic(NodeContext& ctx) {
  if (ctx.num_inputs() != 2) ctx.invalid("needs two inputs");
  const Operands o = operands(ctx, {0, 1}, false);
  return {Value::device(kOp(o.tensors[0], o.tensors[1]), o.perm, kBool)};
}

std::vector<Value> convert_not(NodeContext& ctx) {
  auto [x, perm] = physical_of(ctx, 0);
  return {Value::device(ops::logical_not(x), perm, kBool)};
}

std::vector<Value> convert_where(NodeContext& ctx) {
  if (ctx.num_inputs() != 3) ctx.invalid("needs three inputs");
  Operands o = operands(ctx, {0, 1, 2}, false);
  Tensor& a = o.tensors[1];
  Tensor& b = o.tensors[2];
  const DType t = promote(a.dtype(), b.dtype());
  if (a.dtype() != t) a = cast(a, t);
  if (b.dtype() != t) b = cast(b, t);
  return {Value::device(ops::where(o.tensors[0], a, b), o.perm, ctx.value(1).elem_type())};
}

// Casts to the ONNX type `to`, held as its Program dtype (int64 as int32, as everywhere).
Value cast_to(NodeContext& ctx, int to) {
  const std::optional<DType> t = program_dtype(to);
  if (!t) {
    ctx.unsupported("a cast to " + elem_type_name(to),
                    "casts between float, float16, bool and integers up to 64 bits");
  }
  auto [x, perm] = physical_of(ctx, 0);
  const Tensor y =
      x.dtype() == *t ? ctx.builder().elementwise(EwOp::kIdentity, {x}) : ops::cast(x, *t);
  return Value::device(y, perm, to);
}

std::vector<Value> convert_cast(NodeContext& ctx) {
  if (!ctx.has_attr("to")) ctx.invalid("attribute 'to' is missing");
  return {cast_to(ctx, static_cast<int>(ctx.attr_int("to", 1)))};
}

std::vector<Value> convert_cast_like(NodeContext& ctx) {
  return {cast_to(ctx, ctx.value(1).elem_type())};
}

}  // namespace

void register_logic_ops(Registry& r) {
  r.add("Equal", 7, kMaxOpset, compare<ops::equal>);
  r.add("Less", 7, kMaxOpset, compare<ops::less>);
  r.add("Greater", 7, kMaxOpset, compare<ops::greater>);
  r.add("LessOrEqual", 12, kMaxOpset, compare<ops::less_equal>);
  r.add("GreaterOrEqual", 12, kMaxOpset, compare<ops::greater_equal>);
  r.add("Not", 1, kMaxOpset, convert_not);
  r.add("And", 7, kMaxOpset, logic<ops::logical_and>);
  r.add("Or", 7, kMaxOpset, logic<ops::logical_or>);
  r.add("Xor", 7, kMaxOpset, logic<ops::logical_xor>);
  r.add("Where", 9, kMaxOpset, convert_where);
  r.add("Cast", 6, kMaxOpset, convert_cast);
  r.add("CastLike", 15, kMaxOpset, convert_cast_like);
}

}  // namespace tartan::onnx
