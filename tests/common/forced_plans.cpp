#include "common/forced_plans.h"

#include "tartan/schedule/tiling.h"

namespace tartan::testing {

KernelPlan forced_plan(int v, const Program& program, const KernelGroup& group) {
  const std::vector<int> dims = tileable_dims(program, group);
  KernelPlan p;
  if (dims.empty()) return p;
  const int d0 = dims.back();
  const int d1 = dims.size() > 1 ? dims[dims.size() - 2] : -1;
  switch (v) {
    case 0:  // N x 1, usually not dividing, scalar loads
      p.tile[0] = {d0, 3};
      break;
    case 1:  // 1 x N along the other dimension, small work-groups
      p.tile[0] = {d1 >= 0 ? d1 : d0, 5};
      p.work_group_size = 16;
      break;
    case 2:  // 4 x 3 with vector loads, unrolled by 3
      p.tile[0] = {d0, 4};
      if (d1 >= 0) p.tile[1] = {d1, 3};
      p.vector_loads = true;
      p.unroll = 3;
      break;
    case 3:  // 8 x 2 with vector loads
      p.tile[0] = {d0, 8};
      if (d1 >= 0) p.tile[1] = {d1, 2};
      p.vector_loads = true;
      p.work_group_size = 32;
      break;
    default:  // 2 x 4, scalar loads, unrolled by 2
      p.tile[0] = {d0, 2};
      if (d1 >= 0) p.tile[1] = {d1, 4};
      p.unroll = 2;
      break;
  }
  return p;
}

CompileOptions forcing_plan(int v) {
  CompileOptions o;
  o.plan_override = [v](const LoweredProgram& lowered, const KernelGroup& group,
                        const KernelPlan&) { return forced_plan(v, lowered.program, group); };
  return o;
}

std::string forced_plan_name(int v) {
  static const char* const kNames[] = {"3x1 scalar", "1x5 wg16", "4x3 vector unroll 3",
                                       "8x2 vector wg32", "2x4 scalar unroll 2"};
  return kNames[v];
}

}  // namespace tartan::testing
