#include "passes/placement.h"

namespace tartan {

bool is_placement(const Contraction& c) {
  if (c.agg != AggOp::kAssign || c.comb != CombOp::kNone || c.inputs.size() != 1 ||
      !c.constraints.empty()) {
    return false;
  }
  std::vector<bool> seen(c.index_names.size(), false);
  for (const Affine& e : c.output_indices) {
    if (e.terms().size() != 1 || e.terms()[0].second != 1 || e.denom() != 1) return false;
    const auto v = static_cast<std::size_t>(e.terms()[0].first);
    if (seen[v]) return false;
    seen[v] = true;
  }
  for (const bool s : seen) {
    if (!s) return false;  // a variable no output dimension fixes: a reduction, not a copy
  }
  for (const Affine& e : c.inputs[0].indices) {
    if (e.denom() != 1) return false;
  }
  return true;
}

std::vector<std::string> placement_vars(const Contraction& c,
                                        const std::vector<std::string>& coord) {
  std::vector<std::string> names(c.index_names.size());
  for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
    const Affine& e = c.output_indices[d];
    const std::int64_t k = e.constant_term();
    names[static_cast<std::size_t>(e.terms()[0].first)] =
        k == 0 ? coord[d]
               : "(" + coord[d] + (k > 0 ? " - " : " + ") + std::to_string(k > 0 ? k : -k) + ")";
  }
  return names;
}

}  // namespace tartan
