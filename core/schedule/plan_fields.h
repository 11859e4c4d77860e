// The fields of a kernel plan (tartan/schedule/plan.h), one table per struct: what the tuning
// records' JSON reads and writes and what describe() lists, each number with the bounds a
// record read from disk must keep (the scheduler never leaves them; a record outside them was
// edited or corrupted). A new plan field is a member in plan.h and a row here.
#pragma once

#include "tartan/schedule/plan.h"
#include "tartan/support/field_table.h"

namespace tartan {

// The register plan's fields and the flags every plan family shares. The order of the flags is
// the order describe() lists their phrases in.
inline constexpr Field<KernelPlan> kPlanFields[] = {
    {"work_group_size", &KernelPlan::work_group_size, 1, 4096},
    {"unroll", &KernelPlan::unroll, 1, 16},
    {"vector_loads", &KernelPlan::vector_loads, 0, 0, {}, "vector loads"},
    {"tile0_outermost", &KernelPlan::tile0_outermost, 0, 0, {}, "tile 0 outermost"},
    {"pack_weights", &KernelPlan::pack_weights, 0, 0, {}, "packed weights"},
    {"split_interior", &KernelPlan::split_interior, 0, 0, {}, "interior split"},
    {"vector_epilogue", &KernelPlan::vector_epilogue, 0, 0, {}, "vector epilogue"},
    {"hoist_addresses", &KernelPlan::hoist_addresses, 0, 0, {}, "hoisted addresses"},
    {"transform", &KernelPlan::transform},
};

// One entry of KernelPlan::tile; dimensions past a kernel's rank are refused by plan_fits.
inline constexpr Field<TileDim> kTileDimFields[] = {
    {"dim", &TileDim::dim, -1, 15},
    {"size", &TileDim::size, 1, 64},
};

inline constexpr int kLocalVectorWidths[] = {1, 4};
inline constexpr Field<LocalTile> kLocalTileFields[] = {
    {"rows", &LocalTile::rows, 0, 64},
    {"cols", &LocalTile::cols, 0, 64},
    {"tile_rows", &LocalTile::tile_rows, 1, 16},
    {"tile_cols", &LocalTile::tile_cols, 1, 16},
    {"k_chunk", &LocalTile::k_chunk, 0, 128},
    {"vector", &LocalTile::vector, 1, 4, kLocalVectorWidths},
    {"double_buffer", &LocalTile::double_buffer},
    {"k_split", &LocalTile::k_split, 1, 64},
};

inline constexpr Field<GroupReduce> kGroupReduceFields[] = {
    {"var", &GroupReduce::var, -1, 63},
    {"threads", &GroupReduce::threads, 0, 1024},
    {"outputs", &GroupReduce::outputs, 1, 1024},
    {"threads_inner", &GroupReduce::threads_inner},
};

}  // namespace tartan
