#include "tartan/schedule/cost_model.h"

#include <algorithm>

namespace tartan {

TargetInfo target_info(const runtime::DeviceInfo& device) {
  TargetInfo t;
  t.max_work_group_size = std::max<std::size_t>(1, device.max_work_group_size);
  t.local_memory_bytes = device.local_mem_bytes;
  t.is_cpu = device.type == runtime::DeviceType::kCpu;
  t.has_fp16 = device.fp16;
  return t;
}

KernelPlan choose_plan(const LoweredProgram&, const KernelGroup&, const TargetInfo& target) {
  // One output element per work-item: a work-group of 128 keeps GPUs' schedulers busy and
  // gives CPU implementations (which loop over a work-group) enough work per group.
  KernelPlan plan;
  std::size_t wg = 1;
  while (wg * 2 <= std::min<std::size_t>(128, target.max_work_group_size)) wg *= 2;
  plan.work_group_size = wg;
  return plan;
}

}  // namespace tartan
