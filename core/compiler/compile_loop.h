// compile() for scans: a scan's body kernels are generated and built once; the Executable
// launches them trip_count times (runtime/executable.cpp), with the step as an argument.
#pragma once

#include <functional>

#include "runtime/executable_state.h"
#include "tartan/codegen/step_args.h"
#include "tartan/schedule/plan.h"

namespace tartan {

using PlanKernel =
    std::function<KernelPlan(const LoweredProgram&, const KernelGroup&, const StepStrides&)>;

// The tensors of scan body `body` that move each step (sequence slices, the stacked output).
StepStrides step_strides(const Scan& scan, const LoweredProgram& body);
// A body kernel's plan as written: `plan` without packed weights.
KernelPlan body_plan(KernelPlan plan);

// Appends the body kernels of scan kernel `group` to state.sources and registers its Loop.
void write_loop_kernels(Executable::State& state, const KernelGroup& group, const PlanKernel& plan);

// After the program is built and the outer buffers exist: allocates the loop's own buffers and
// sets its launches' arguments (fixed ones once, carried ones per step at enqueue).
void bind_loop(Executable::State& state, std::size_t loop_index);

}  // namespace tartan
