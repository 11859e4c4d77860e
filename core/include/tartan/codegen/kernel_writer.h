// Code generation: one kernel group of a lowered program -> OpenCL C, following a plan.
#pragma once

#include "tartan/codegen/kernel_source.h"
#include "tartan/codegen/step_args.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// `steps`: for a scan body's kernels, the tensors that move each step (tartan/codegen/step_args.h).
KernelSource write_kernel(const LoweredProgram& lowered, const KernelGroup& group,
                          const KernelPlan& plan, const StepStrides& steps = {});

}  // namespace tartan
