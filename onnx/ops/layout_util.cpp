#include "ops/layout_util.h"

#include <algorithm>

namespace tartan::onnx {

std::pair<Tensor, Perm> physical_of(NodeContext& ctx, int i) {
  const Value& v = ctx.value(i);
  if (v.is_host()) return {ctx.tensor(i), identity_perm(v.rank())};
  return {v.physical(), v.perm()};
}

Tensor broadcast_operand(NodeContext& ctx, int i, int rank, const Perm& perm) {
  const Value& v = ctx.value(i);
  if (is_identity(perm)) return ctx.tensor(i);  // the Builder broadcasts across ranks itself
  if (!v.is_host() && v.perm() == perm) return v.physical();
  Shape extended(static_cast<std::size_t>(rank - v.rank()), 1);
  extended.insert(extended.end(), v.shape().begin(), v.shape().end());
  if (v.is_host()) {
    HostConstant c = v.constant();
    c.dims = extended;
    const HostConstant permuted = transpose_host(c, inverse_perm(perm));
    return ctx.builder().constant(
        "", permuted.dims, to_constant_data(permuted, ctx.where() + " input " + std::to_string(i)));
  }
  const Tensor t = ctx.builder().reshape(ctx.tensor(i), extended);
  return permute(t, inverse_perm(perm));
}

Perm elementwise_layout(NodeContext& ctx, const std::vector<int>& inputs) {
  int rank = 0;
  for (const int i : inputs) rank = std::max(rank, ctx.value(i).rank());
  for (const int i : inputs) {
    const Value& v = ctx.value(i);
    if (!v.is_host() && v.rank() == rank && !is_identity(v.perm())) return v.perm();
  }
  return identity_perm(rank);
}

}  // namespace tartan::onnx
