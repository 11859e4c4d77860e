#include "schedule/record_check.h"

#include <algorithm>
#include <vector>

#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/tiling.h"

namespace tartan {

std::optional<std::string> record_plan_problem(const KernelPlan& plan,
                                               const LoweredProgram& lowered,
                                               const KernelGroup& group, const TargetInfo& target) {
  if (plan.work_group_size > target.max_work_group_size) {
    return "plan.work_group_size " + std::to_string(plan.work_group_size) +
           " exceeds the device's largest work-group, " +
           std::to_string(target.max_work_group_size);
  }
  if (plan.uses_local_memory() && plan.local.local_memory_bytes() > target.local_memory_bytes) {
    return "plan.local needs " + std::to_string(plan.local.local_memory_bytes()) +
           " bytes of __local memory; the device has " + std::to_string(target.local_memory_bytes);
  }
  if (!plan_fits(plan, lowered.program, group)) return "its plan does not fit the kernel";
  if (plan == choose_plan(lowered, group, target)) return std::nullopt;
  const std::vector<KernelPlan> candidates = candidate_plans(lowered, group, target);
  if (std::find(candidates.begin(), candidates.end(), plan) != candidates.end())
    return std::nullopt;
  return "its plan (" + plan.describe() +
         ") is not one the scheduler produces for this kernel on this device";
}

}  // namespace tartan
