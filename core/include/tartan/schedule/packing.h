// Packed constants (CPU register plans): a constant input whose last dimension is tile 0's
// variable (a convolution's or a dense layer's weights W[..., k]) is read from a copy laid out
// in panels of the tile's width P: Wp[k / P][...][k % P], the last panel zero-padded. A
// work-item's whole reduction then streams one contiguous panel (rows of P values, 128 bytes
// for P = 32) instead of P values from rows a whole K apart, which a CPU's prefetchers and
// caches serve far better (results/perf-notes.md, "S4-cpu").
//
// The scheduler asks for it (KernelPlan::pack_weights); this file says which inputs qualify and
// what the packed data is; the kernel writer addresses them and the executable holds the copy.
#pragma once

#include <cstddef>
#include <memory>

#include "tartan/ir/program.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// Whether input `i` of `c` is read packed under `plan`: the plan is a register plan asking for
// packing with a tile 0 wider than one, the input is a constant with data of rank >= 2 whose
// last index is exactly tile 0's variable (coefficient 1, no offset, no denominator), which
// no other index of the input uses, and no index uses tile 1's variable.
bool reads_packed(const Program& program, const Contraction& c, const KernelPlan& plan,
                  std::size_t i);

// Whether any input of the kernel's root contraction reads packed.
bool any_reads_packed(const Program& program, const KernelGroup& group, const KernelPlan& plan);

// The packed copy of constant `data` of `shape` for panels of `panel` values along the last
// dimension: ceil(K / panel) panels of (elements / K) rows of `panel` values, zero-padded.
std::shared_ptr<const ConstantData> pack_panels(const ConstantData& data, const Shape& shape,
                                                int panel);

}  // namespace tartan
