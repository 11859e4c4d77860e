#include "tartan/schedule/plan.h"

namespace tartan {

std::string KernelPlan::describe() const {
  return "one output element per work-item, work-group " + std::to_string(work_group_size);
}

}  // namespace tartan
