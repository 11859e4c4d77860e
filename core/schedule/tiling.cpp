#include "tartan/schedule/tiling.h"

#include <algorithm>

#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/packing.h"
#include "tartan/schedule/transform_shape.h"

namespace tartan {

namespace {

bool uses_var_with_denominator(const Affine& e, int var) {
  return e.coeff(var) != 0 && e.denom() != 1;
}

std::vector<int> contraction_tileable_dims(const Contraction& c) {
  std::vector<int> dims;
  for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
    const Affine& e = c.output_indices[d];
    if (e.terms().size() != 1 || e.terms()[0].second != 1 || e.constant_term() != 0 ||
        e.denom() != 1) {
      continue;
    }
    const int v = e.terms()[0].first;
    bool ok = true;
    for (std::size_t o = 0; o < c.output_indices.size(); ++o) {
      if (o != d && c.output_indices[o].coeff(v) != 0) ok = false;
    }
    for (const Access& a : c.inputs) {
      for (const Affine& x : a.indices) ok = ok && !uses_var_with_denominator(x, v);
    }
    for (const Constraint& k : c.constraints) ok = ok && !uses_var_with_denominator(k.expr, v);
    if (ok) dims.push_back(static_cast<int>(d));
  }
  return dims;
}

}  // namespace

std::vector<int> tileable_dims(const Program& program, const KernelGroup& group) {
  const Op& root = program.ops()[group.ops.front()];
  if (const auto* c = std::get_if<Contraction>(&root)) return contraction_tileable_dims(*c);
  std::vector<int> dims(program.tensor(group.output).shape.size());
  for (std::size_t d = 0; d < dims.size(); ++d) dims[d] = static_cast<int>(d);
  return dims;
}

namespace {

bool local_plan_fits(const KernelPlan& plan, const Program& program, const KernelGroup& group) {
  const LocalTile& t = plan.local;
  const int wg = t.items();
  return t.rows >= 1 && t.cols >= 1 && t.tile_rows >= 1 && t.tile_cols >= 1 &&
         (t.vector == 1 || t.vector == 4) && t.k_split >= 1 && t.k_chunk % t.k_split == 0 &&
         plan.work_group_size == static_cast<std::size_t>(wg) &&
         (t.block_rows() * t.k_chunk) % wg == 0 && (t.block_cols() * t.k_chunk) % wg == 0 &&
         plan.tile == std::array<TileDim, 2>{} && plan.unroll == 1 && !plan.vector_loads &&
         gemm_shape(program, group).has_value();
}

bool group_reduce_fits(const KernelPlan& plan, const Program& program, const KernelGroup& group) {
  const GroupReduce& r = plan.reduce;
  const auto* c = std::get_if<Contraction>(&program.ops()[group.ops.front()]);
  if (c == nullptr || r.threads < 2 || (r.threads & (r.threads - 1)) != 0 || r.outputs < 1 ||
      plan.work_group_size != static_cast<std::size_t>(r.threads) * r.outputs ||
      plan.tile != std::array<TileDim, 2>{} || plan.unroll < 1 || plan.vector_loads ||
      plan.uses_local_memory()) {
    return false;
  }
  const std::vector<int> vars = reduction_vars(program, *c);
  return std::find(vars.begin(), vars.end(), r.var) != vars.end();
}

}  // namespace

std::optional<SplitDim> split_dim(const Affine& e, const std::vector<IndexRange>& ranges) {
  if (e.terms().size() != 2 || e.constant_term() != 0 || e.denom() != 1) return std::nullopt;
  for (int k = 0; k < 2; ++k) {
    const auto [t, q] = e.terms()[static_cast<std::size_t>(k)];
    const auto [r, one] = e.terms()[static_cast<std::size_t>(1 - k)];
    const IndexRange& rr = ranges[static_cast<std::size_t>(r)];
    if (q >= 2 && one == 1 && rr.lo == 0 && rr.hi == q) return SplitDim{t, r, q};
  }
  return std::nullopt;
}

std::vector<int> reduction_vars(const Program& program, const Contraction& c) {
  std::vector<bool> determined(c.index_names.size(), false);
  std::optional<std::vector<IndexRange>> ranges;
  for (const Affine& e : c.output_indices) {
    if (e.terms().size() == 1) determined[static_cast<std::size_t>(e.terms()[0].first)] = true;
    if (e.terms().size() != 2) continue;
    if (!ranges) ranges = derive_index_ranges(program, c);
    if (const std::optional<SplitDim> s = split_dim(e, *ranges)) {
      determined[static_cast<std::size_t>(s->t)] = determined[static_cast<std::size_t>(s->r)] =
          true;
    }
  }
  std::vector<int> vars;
  for (std::size_t v = 0; v < determined.size(); ++v) {
    if (!determined[v]) vars.push_back(static_cast<int>(v));
  }
  return vars;
}

bool plan_fits(const KernelPlan& plan, const Program& program, const KernelGroup& group) {
  if (group.softmax) {  // one work-item per row: only the work-group size is free
    KernelPlan bare;
    bare.work_group_size = plan.work_group_size;
    return plan == bare && plan.work_group_size >= 1;
  }
  if (plan.transform) {
    KernelPlan bare;
    bare.transform = true;
    bare.work_group_size = plan.work_group_size;
    return plan == bare && plan.work_group_size >= 1 && transform_shape(program, group).has_value();
  }
  // Packing asks for an input to pack (a stale tuning record may name a kernel without one).
  if (plan.pack_weights && !any_reads_packed(program, group, plan)) return false;
  if (plan.uses_group_reduce()) return group_reduce_fits(plan, program, group);
  if (plan.uses_local_memory()) return local_plan_fits(plan, program, group);
  if (plan.local.k_chunk < 0 || plan.reduce.threads < 0) return false;
  const std::vector<int> ok = tileable_dims(program, group);
  int seen = -1;
  for (const TileDim& t : plan.tile) {
    if (t.size < 1) return false;
    if (t.size == 1) continue;
    if (std::find(ok.begin(), ok.end(), t.dim) == ok.end() || t.dim == seen) return false;
    seen = t.dim;
  }
  return plan.unroll >= 1 && plan.work_group_size >= 1;
}

}  // namespace tartan
