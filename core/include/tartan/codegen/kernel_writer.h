// Code generation: one kernel group of a lowered program -> OpenCL C, following a plan.
#pragma once

#include "tartan/codegen/kernel_source.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// `index` numbers the kernel within its program (it names the OpenCL function).
KernelSource write_kernel(const LoweredProgram& lowered, const KernelGroup& group,
                          const KernelPlan& plan, int index);

}  // namespace tartan
