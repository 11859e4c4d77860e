// LayerNormalization (opset 17) through ops::layer_norm, with its optional Mean and
// InvStdDev outputs.
#include <onnx/onnx_pb.h>

#include "ops/families.h"
#include "src/registry.h"
#include "tartan/ops/norm.h"

namespace tartan::onnx {

namespace {

std::vector<Value> convert_layer_norm(NodeContext& ctx) {
  const Value& v = ctx.value(0);
  const Tensor x = ctx.tensor(0);
  if (!is_float(x.dtype())) {
    ctx.unsupported(elem_type_name(v.elem_type()) + " input",
                    "LayerNormalization of float and float16 tensors");
  }
  const int stash = static_cast<int>(ctx.attr_int("stash_type", ::onnx::TensorProto::FLOAT));
  if (stash != ::onnx::TensorProto::FLOAT) {
    ctx.unsupported("stash_type " + elem_type_name(stash),
                    "stash_type float (tartan computes the statistics in float)");
  }
  const int axis = ctx.axis(ctx.attr_int("axis", -1), v.rank());
  const double eps = ctx.attr_float("epsilon", 1e-5f);
  const auto param = [&](int i) -> std::optional<Tensor> {
    if (!ctx.has_input(i)) return std::nullopt;
    Tensor p = ctx.tensor(i);
    return p.dtype() == x.dtype() ? p : cast(p, x.dtype());
  };
  const ops::LayerNorm ln = ops::layer_norm(x, axis, param(1), param(2), eps);
  std::vector<Value> outs = {Value::device(ln.y, {}, v.elem_type())};
  if (ctx.num_outputs() > 1) outs.push_back(Value::device(ln.mean, {}, ::onnx::TensorProto::FLOAT));
  if (ctx.num_outputs() > 2) {
    outs.push_back(Value::device(ln.inv_std_dev, {}, ::onnx::TensorProto::FLOAT));
  }
  return outs;
}

}  // namespace

void register_layer_norm_ops(Registry& r) {
  r.add("LayerNormalization", 17, kMaxOpset, convert_layer_norm);
}

}  // namespace tartan::onnx
