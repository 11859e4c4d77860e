// The cost model: picks each kernel's plan from the device's properties and the kernel's shape.
#pragma once

#include <string>
#include <vector>

#include "tartan/passes/pipeline.h"
#include "tartan/runtime/device.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// The device's properties, with the scheduling parameters of its profile (configs/devices).
TargetInfo target_info(const runtime::DeviceInfo& device, const Tuning& tuning = {});
// The same with the tuning of the profile matching `device` (the default profile's otherwise);
// `matched`, where given, gets which profile and why.
TargetInfo target_info_with_profile(const runtime::DeviceInfo& device,
                                    std::string* matched = nullptr);

// Deterministic: the same kernel on the same device always gets the same plan.
KernelPlan choose_plan(const LoweredProgram& lowered, const KernelGroup& group,
                       const TargetInfo& target);

// A small set of distinct plans worth measuring for this kernel (the tuner's search space):
// the plain plan, the cost model's choice, and register tiles around it. All fit the kernel.
std::vector<KernelPlan> candidate_plans(const LoweredProgram& lowered, const KernelGroup& group,
                                        const TargetInfo& target);

}  // namespace tartan
