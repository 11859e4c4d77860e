// The work-group side of a group-reduction plan (KernelPlan::reduce, schedule/plan.h), lowered
// to the kernel IR: which output element and which share of the split loop each work-item
// takes, and the tree that combines the shares in __local memory. The kernel writer emits the
// contraction's loop nest in between (its split loop stepping by `threads`) and the epilogue
// after.
#pragma once

#include <cstdint>
#include <functional>

#include "codegen/kir/expr.h"
#include "codegen/kir/stmt.h"
#include "tartan/schedule/plan.h"

namespace tartan {

struct GroupRoles {
  kir::Stmt decls;  // defines lid, slice (this item's share of the split loop) and gid
  kir::Expr owner;  // true where an item owns its element's result: there it stores
};

// Items past the output's end take a copy of the last element, so that every item reaches
// every barrier and reads only in bounds; `owner` is their first share, inside the output.
GroupRoles lower_group_roles(const GroupReduce& r, std::int64_t total);

// Folds the accumulators `acc` of the items sharing an output into the first one's, by a tree
// of log2(threads) steps in __local memory with a barrier after each. `reached` (null where not
// tracked) says whether an item's share met any assignment; a share that did not is left out
// and the flags are or-ed. `fold(acc, val)` is the statement folding val into acc.
kir::Stmt lower_group_combine(const GroupReduce& r, const kir::Type& acc_type, const kir::Expr& acc,
                              const kir::Expr& reached,
                              const std::function<kir::Stmt(kir::Expr, kir::Expr)>& fold);

}  // namespace tartan
