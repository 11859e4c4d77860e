// The work-group side of a group-reduction plan (KernelPlan::reduce, schedule/plan.h): which
// output element and which share of the split loop each work-item takes, and the tree that
// combines the shares in __local memory. The kernel writer emits the contraction's loop nest in
// between (its split loop stepping by `threads`) and the epilogue after.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "codegen/code_writer.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// Defines `slice` (0 .. threads-1: this item's share of the split loop) and `gid` (its output
// element). Items past the output's end take a copy of the last element, so that every item
// reaches every barrier and reads only in bounds; the condition returned is true where an item
// owns its element's result (its first share, inside the output): there it stores.
std::string write_group_roles(const GroupReduce& r, std::int64_t total, CodeWriter& body);

// Folds the accumulators `acc` of the items sharing an output into the first one's, by a tree
// of log2(threads) steps in __local memory with a barrier after each. `reached` ("" where not
// tracked) says whether an item's share met any assignment; a share that did not is left out
// and the flags are or-ed. `fold(acc, val)` is the statement folding val into acc.
void write_group_combine(
    const GroupReduce& r, std::string_view acc_type, const std::string& acc,
    const std::string& reached,
    const std::function<std::string(const std::string&, const std::string&)>& fold,
    CodeWriter& body);

}  // namespace tartan
