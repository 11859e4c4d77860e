// The cost model: picks each kernel's plan from the device's properties.
#pragma once

#include "tartan/passes/pipeline.h"
#include "tartan/runtime/device.h"
#include "tartan/schedule/plan.h"

namespace tartan {

TargetInfo target_info(const runtime::DeviceInfo& device);

// Deterministic: the same kernel on the same device always gets the same plan.
KernelPlan choose_plan(const LoweredProgram& lowered, const KernelGroup& group,
                       const TargetInfo& target);

}  // namespace tartan
