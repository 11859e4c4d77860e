// A kernel plan: how one kernel's iteration space maps onto work-items and work-groups.
//
// Plans are chosen by the cost model (schedule/cost_model) from the device's properties and
// profile, or measured by the tuner; code generation only follows them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tartan {

// What code generation needs to know about the target device.
struct TargetInfo {
  std::size_t max_work_group_size = 256;
  std::size_t local_memory_bytes = 32 * 1024;
  bool is_cpu = false;
  bool has_fp16 = false;
};

struct KernelPlan {
  std::size_t work_group_size = 64;  // work-items per work-group (1-D launch)
  std::string describe() const;      // for kernel header comments and tuning records
};

}  // namespace tartan
