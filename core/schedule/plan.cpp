#include "tartan/schedule/plan.h"

namespace tartan {

std::string KernelPlan::describe() const {
  std::string s;
  if (tile_elements() == 1) {
    s = "one output element per work-item";
  } else {
    s = "tile";
    for (const TileDim& t : tile) {
      if (t.dim < 0 || t.size == 1) continue;
      s += (s == "tile" ? " " : " x ") + std::to_string(t.size) + " (dim " + std::to_string(t.dim) +
           ")";
    }
  }
  s += ", work-group " + std::to_string(work_group_size);
  if (unroll > 1) s += ", unroll " + std::to_string(unroll);
  if (vector_loads) s += ", vector loads";
  return s;
}

}  // namespace tartan
