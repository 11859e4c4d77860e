// The block shape of a local-memory GEMM plan (KernelPlan::local), chosen per GEMM.
//
// One fixed 128 x 128 block wastes much of itself where the columns (a convolution's output
// channels) are 96, 160 or 192, and leaves the compute units unevenly loaded where a GEMM has a
// few hundred blocks. The candidates vary the profile's work-group and register tile (halving
// and doubling each side); each is scored by the work its busiest compute unit does, blocks
// padded to whole ones, with factors for what the H200 measured (results/perf-notes.md,
// "S4-conv"): 256-item groups and thin register tiles cost throughput, and more than 8 row-side
// load slots per work-item cost registers.
#pragma once

#include <optional>
#include <vector>

#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// Whether the profile asks for the search and it applies to `g` (not to small GEMMs with a short
// reduction, where it was measured to lose).
bool local_block_search_applies(const GemmShape& g, const TargetInfo& target);

// The candidate local tiles from the profile's shape (the tuner measures them all); each splits
// its blocks evenly over its work-group and fits the device's work-group and local memory.
std::vector<LocalTile> local_tile_candidates(const TargetInfo& target);

// The estimated time of `tile` on `g` in arbitrary units (lower is better).
double local_tile_cost(const GemmShape& g, const LocalTile& tile, const TargetInfo& target);

// The cheapest candidate for `g`, as a plan; nullopt when the GEMM is too small to pay for
// staging or no candidate fits the device.
std::optional<KernelPlan> choose_local_plan(const GemmShape& g, const TargetInfo& target);

}  // namespace tartan
