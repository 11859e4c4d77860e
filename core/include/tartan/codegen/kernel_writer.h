// Code generation: one kernel group of a lowered program -> OpenCL C, following a plan.
#pragma once

#include "tartan/codegen/kernel_source.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/plan.h"

namespace tartan {

KernelSource write_kernel(const LoweredProgram& lowered, const KernelGroup& group,
                          const KernelPlan& plan);

}  // namespace tartan
