// The launch of a kernel with one work-item per unit of work (an element, a row, a tile): its
// flat index `gid`, and the return of the items past the end that rounding the global size up
// to whole work-groups adds.
#pragma once

#include <cstdint>

#include "codegen/kir/stmt.h"

namespace tartan {

// const size_t gid = <global id>; if (gid >= items) return;
kir::Stmt one_item_each(std::int64_t items);

}  // namespace tartan
