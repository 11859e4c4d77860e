#include "tartan/schedule/gemm_shape.h"

namespace tartan {

namespace {

bool uses(const Access& a, int var) {
  for (const Affine& e : a.indices) {
    if (e.coeff(var) != 0) return true;
  }
  return false;
}

}  // namespace

std::optional<GemmShape> gemm_shape(const Program& program, const KernelGroup& group) {
  const auto* c = std::get_if<Contraction>(&program.ops()[group.ops.front()]);
  if (c == nullptr || c->agg != AggOp::kSum || c->comb != CombOp::kMul || c->inputs.size() != 2) {
    return std::nullopt;
  }
  for (const Access& in : c->inputs) {
    if (program.tensor(in.tensor).kind == TensorKind::kLiteral) return std::nullopt;
  }
  const Shape& out = program.tensor(c->output).shape;
  if (out.empty()) return std::nullopt;  // a scalar: no rows or columns
  GemmShape g;
  std::vector<bool> is_output(c->index_names.size(), false);
  for (const Affine& e : c->output_indices) {
    int v = -1;
    if (!e.is_single_index(&v) || is_output[static_cast<std::size_t>(v)]) return std::nullopt;
    is_output[static_cast<std::size_t>(v)] = true;
    g.dim_var.push_back(v);
  }
  // B is the input that the innermost output dimension (columns: output channels) belongs to.
  const int last = g.dim_var.back();
  const bool a0 = uses(c->inputs[0], last), a1 = uses(c->inputs[1], last);
  if (a0 == a1) return std::nullopt;
  g.b = a0 ? 0 : 1;
  g.a = 1 - g.b;
  const Access& A = c->inputs[static_cast<std::size_t>(g.a)];
  const Access& B = c->inputs[static_cast<std::size_t>(g.b)];
  for (std::size_t d = 0; d < out.size(); ++d) {
    const int v = g.dim_var[d];
    const bool ua = uses(A, v), ub = uses(B, v);
    if (ua && !ub) {
      g.row_dims.push_back(static_cast<int>(d));
      g.rows *= out[d];
    } else if (ub && !ua) {
      g.col_dims.push_back(static_cast<int>(d));
      g.cols *= out[d];
    } else {
      g.batch_dims.push_back(static_cast<int>(d));
      g.batch *= out[d];
    }
  }
  if (g.row_dims.empty() || g.col_dims.empty()) return std::nullopt;
  g.ranges = derive_index_ranges(program, *c);
  for (std::size_t v = 0; v < c->index_names.size(); ++v) {
    if (is_output[v]) continue;
    g.k_vars.push_back(static_cast<int>(v));
    g.k *= g.ranges[v].size();
  }
  if (g.k_vars.empty()) return std::nullopt;
  for (const Constraint& k : c->constraints) {
    bool on_rows = false, on_cols = false;
    for (int d : g.row_dims)
      on_rows = on_rows || k.expr.coeff(g.dim_var[static_cast<std::size_t>(d)]) != 0;
    for (int d : g.col_dims)
      on_cols = on_cols || k.expr.coeff(g.dim_var[static_cast<std::size_t>(d)]) != 0;
    if (on_rows && on_cols) return std::nullopt;
    g.constraint_on_b.push_back(on_cols);
  }
  return g;
}

}  // namespace tartan
