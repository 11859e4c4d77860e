#include "tartan/schedule/plan.h"

#include "schedule/plan_fields.h"

namespace tartan {

std::string KernelPlan::describe() const {
  if (uses_local_memory()) {
    const auto x = [](int a, int b) { return std::to_string(a) + "x" + std::to_string(b); };
    return "local-memory GEMM: work-group " + x(local.rows, local.cols) + ", tile " +
           x(local.tile_rows, local.tile_cols) + " (block " +
           x(local.block_rows(), local.block_cols()) + "), K chunk " +
           std::to_string(local.k_chunk) +
           (local.vector > 1 ? ", vector " + std::to_string(local.vector) : "") +
           (local.double_buffer ? ", double-buffered" : "") +
           (local.k_split > 1 ? ", K split " + std::to_string(local.k_split) : "");
  }
  if (transform) return "constant transform, work-group " + std::to_string(work_group_size);
  if (uses_group_reduce()) {
    return "group reduction: " + std::to_string(reduce.threads) +
           " items per output (split variable " + std::to_string(reduce.var) + "), " +
           std::to_string(reduce.outputs) + " outputs per work-group" +
           (reduce.threads_inner ? ", items inner" : "") +
           (unroll > 1 ? ", unroll " + std::to_string(unroll) : "");
  }
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
  for (const Field<KernelPlan>& f : kPlanFields) {
    if (!f.phrase.empty() && field_value(*this, f) != 0) s += ", " + std::string(f.phrase);
  }
  return s;
}

}  // namespace tartan
