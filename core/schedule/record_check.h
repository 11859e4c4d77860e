// Whether a tuning record's plan may be used for a kernel on a device: a record is outside
// data (a file anyone can edit), so its plan must be one the scheduler itself would produce
// for this kernel there, never merely one that parses. Otherwise a work-group size of 2^40
// hangs the device and one the kernel cannot run gives wrong results.
#pragma once

#include <optional>
#include <string>

#include "tartan/passes/pipeline.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// nullopt when `plan` fits the device's limits (work-group size, __local memory), fits the
// kernel (plan_fits) and is the cost model's choice or one of the tuner's candidates for it;
// otherwise why not, in words for a warning.
std::optional<std::string> record_plan_problem(const KernelPlan& plan,
                                               const LoweredProgram& lowered,
                                               const KernelGroup& group, const TargetInfo& target);

}  // namespace tartan
