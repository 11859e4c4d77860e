// Non-trivial plans forced onto every kernel of a program, so tests exercise register tiles
// that do not divide the sizes, 1xN and Nx1 tiles, vector loads (and the epilogue on vectors,
// KernelPlan::vector_epilogue) on and off, unrolling, and the interior split
// (KernelPlan::split_interior) on and off, whatever the cost model would choose; and
// local-memory GEMM plans (2-D work-groups, K staged through __local memory, two of them split
// along K over slices of the group) on every GEMM-like kernel.
#pragma once

#include <string>

#include "tartan/compiler.h"

namespace tartan::testing {

constexpr int kForcedPlanVariants = 12;
constexpr int kLocalPlanVariants = 7;

// Variant `v` (0 <= v < kForcedPlanVariants) for one kernel, built from its tileable
// dimensions (the plain plan when it has none). The last kLocalPlanVariants are local-memory
// plans where the kernel is GEMM-like and register-tiled variants elsewhere.
KernelPlan forced_plan(int v, const Program& program, const KernelGroup& group);

// CompileOptions whose plan_override applies variant `v` to every kernel.
CompileOptions forcing_plan(int v);

std::string forced_plan_name(int v);  // for failure messages

// `plan` with packed weights (schedule/packing.h) where one of the kernel's inputs qualifies,
// counting those kernels in `packed`; other plans as they are.
KernelPlan with_packed_weights(KernelPlan plan, const LoweredProgram& lowered,
                               const KernelGroup& group, int* packed);

// Group-reduction plans (schedule/plan.h GroupReduce), forced on every kernel with a reduction
// variable (the plain plan elsewhere): 4, 8 and 16 items per output, with 3, 2 and 1 outputs
// per work-group (groups straddling the output's end), items inner and outer, splitting the
// innermost or the outermost reduction loop (shares longer than some loops: idle items), one
// unrolled.
constexpr int kGroupReduceVariants = 3;
KernelPlan forced_group_reduce(int v, const Program& program, const KernelGroup& group);
CompileOptions forcing_group_reduce(int v);
std::string forced_group_reduce_name(int v);

}  // namespace tartan::testing
