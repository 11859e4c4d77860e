#include "codegen/group_reduce.h"

namespace tartan {

GroupRoles lower_group_roles(const GroupReduce& r, std::int64_t total) {
  using kir::Type;
  const kir::Expr lid = kir::var("lid"), out_id = kir::var("out_id");
  const kir::Expr t = kir::imm(r.threads), g = kir::imm(r.outputs);
  const Type size = kir::scalar_type(Type::Scalar::kSizeT),
             int_t = kir::scalar_type(Type::Scalar::kInt);
  const kir::Expr group = kir::call(kir::Fn::kGroupId, {kir::imm(0)});
  kir::Stmt decls = kir::block({
      kir::let(int_t, "lid", kir::cast(int_t, kir::call(kir::Fn::kLocalId, {kir::imm(0)}))),
      kir::let(int_t, "slice",
               r.threads_inner ? kir::binary("%", lid, t) : kir::binary("/", lid, g)),
      kir::let(size, "out_id",
               kir::binary("+", kir::binary("*", group, g),
                           r.threads_inner ? kir::binary("/", lid, t) : kir::binary("%", lid, g))),
      kir::let(
          size, "gid",
          kir::ternary(kir::binary("<", out_id, kir::imm(total)), out_id, kir::imm(total - 1))),
  });
  kir::Expr owner = kir::binary("&&", kir::binary("==", kir::var("slice"), kir::imm(0)),
                                kir::binary("<", out_id, kir::imm(total)));
  return {std::move(decls), std::move(owner)};
}

kir::Stmt lower_group_combine(const GroupReduce& r, const kir::Type& acc_type, const kir::Expr& acc,
                              const kir::Expr& reached,
                              const std::function<kir::Stmt(kir::Expr, kir::Expr)>& fold) {
  const std::int64_t n = r.threads * r.outputs;
  const kir::Expr lid = kir::var("lid"), slice = kir::var("slice");
  const kir::Expr red_acc = kir::var("red_acc"), red_reached = kir::var("red_reached");
  std::vector<kir::Stmt> out{kir::local_alloc(acc_type, "red_acc", n, false)};
  if (reached) {
    out.push_back(
        kir::local_alloc(kir::scalar_type(kir::Type::Scalar::kInt), "red_reached", n, false));
  }
  out.push_back(kir::assign(kir::index(red_acc, lid), "=", acc));
  if (reached) out.push_back(kir::assign(kir::index(red_reached, lid), "=", reached));
  out.push_back(kir::barrier());
  // Step s: share k < s folds in share k + s, which the previous step (or the stores above)
  // wrote before the barrier; no share below s is read in this step, so the writes to them do
  // not race with the reads. After the last step only share 0's registers matter.
  for (int s = r.threads / 2; s >= 1; s /= 2) {
    const bool last = s == 1;
    const kir::Expr other = kir::binary("+", lid, kir::imm(r.threads_inner ? s : s * r.outputs));
    std::vector<kir::Stmt> step;
    if (!reached) {
      step.push_back(fold(acc, kir::index(red_acc, other)));
    } else {
      step.push_back(kir::if_then(kir::index(red_reached, other),
                                  kir::block({fold(acc, kir::index(red_acc, other)),
                                              kir::assign(reached, "=", kir::imm(1))})));
      if (!last) step.push_back(kir::assign(kir::index(red_reached, lid), "=", reached));
    }
    if (!last) step.push_back(kir::assign(kir::index(red_acc, lid), "=", acc));
    out.push_back(kir::if_then(kir::binary("<", slice, kir::imm(s)), kir::block(std::move(step))));
    if (!last) out.push_back(kir::barrier());
  }
  return kir::block(std::move(out));
}

}  // namespace tartan
