// The arithmetic work of one kernel, for the GFLOP/s of profiles and reports.
//
// A contraction does one combination and one aggregation per assignment of its index variables
// that the executors accept (every access in bounds, every constraint met, no fractional index),
// so its work is the number of those assignments: not the box of the derived index ranges,
// which overcounts wherever an output index couples variables (a depthwise convolution's
// `c + m` would count every channel for every output channel) or padding was folded into the
// bounds. Kept apart from the kernel writer so the count does not depend on how a kernel is
// written.
#pragma once

#include "tartan/ir/program.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

// The exact number of valid assignments of `c`'s index variables. Variables that share no
// expression are counted apart and multiplied; within a group, all variables but one are
// enumerated and the last one's valid values are counted as an interval. A group too large to
// enumerate (more than about 2^24 outer points) falls back to its box, an upper bound.
double contraction_iterations(const Program& program, const Contraction& c);

// FLOPs per launch of a kernel group: per contraction assignment 1 for a single-input form, else
// 2 (combine and aggregate: a multiply-add counts 2); 1 per output element for each elementwise
// op; 0 for gathers and index ops, which only move data.
double kernel_flops(const Program& program, const KernelGroup& group);

}  // namespace tartan
