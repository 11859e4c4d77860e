// Einsum through ops::einsum (contractions, diagonals, "..." broadcasting).
#include "tartan/ops/einsum.h"

#include "ops/families.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

std::vector<Value> convert_einsum(NodeContext& ctx) {
  if (!ctx.has_attr("equation")) ctx.invalid("attribute 'equation' is missing");
  std::vector<Tensor> xs;
  for (int i = 0; i < ctx.num_inputs(); ++i) xs.push_back(ctx.tensor(i));
  if (xs.empty()) ctx.invalid("needs at least one input");
  DType t = xs.front().dtype();
  for (const Tensor& x : xs) t = promote(t, x.dtype());
  for (Tensor& x : xs) {
    if (x.dtype() != t) x = cast(x, t);
  }
  return {Value::device(ops::einsum(ctx.attr_string("equation", ""), xs), {},
                        ctx.value(0).elem_type())};
}

}  // namespace

void register_einsum_ops(Registry& r) { r.add("Einsum", 12, kMaxOpset, convert_einsum); }

}  // namespace tartan::onnx
