// Which output dimensions of a kernel a register tile may cover. The cost model, the tuner and
// the tests pick tile dimensions from this list; code generation checks its plan against it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tartan/ir/bounds.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// Contraction roots: a dimension that is exactly one index variable (coefficient 1, no offset,
// no denominator), which appears in no other output dimension and in no expression with a
// denominator, so tile element `a` is that variable plus `a` and every access stays affine in
// it. Other roots compute each output element independently: every dimension qualifies.
std::vector<int> tileable_dims(const Program& program, const KernelGroup& group);

// An output dimension `q * t + r` (q >= 2, no constant, no denominator) whose variable r takes
// exactly the values 0 .. q-1: each coordinate determines both, t = coordinate / q and r =
// coordinate % q (Winograd's output transform writes its 2x2 tiles so).
struct SplitDim {
  int t = -1, r = -1;
  std::int64_t q = 0;
};
std::optional<SplitDim> split_dim(const Affine& e, const std::vector<IndexRange>& ranges);

// A contraction's reduction variables: those that no output dimension determines (an output
// dimension of exactly one term determines its variable, a SplitDim its two), in variable
// order. They are the loops of the contraction's kernel; a group-reduction plan splits one.
std::vector<int> reduction_vars(const Program& program, const Contraction& c);

// True when every tiled dimension of `plan` is tileable and distinct (size 1 tiles are ignored);
// for a local-memory plan, when the kernel is GEMM-like (schedule/gemm_shape.h), the
// work-group size is rows * cols and both blocks split evenly into the group's loads; for a
// group-reduction plan, when the root is a contraction, the split variable is one of its
// reduction variables, `threads` is a power of two and the work-group size threads * outputs;
// for a transform plan, when the kernel has a TransformShape and the plan nothing else.
bool plan_fits(const KernelPlan& plan, const Program& program, const KernelGroup& group);

}  // namespace tartan
