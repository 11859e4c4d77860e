#include "tartan/passes/fuse_softmax.h"

#include <algorithm>
#include <optional>

#include "passes/uses.h"

namespace tartan {

namespace {

// `O[v0, .., v(r-2), 0] = agg(I[v0, .., v(r-2), j])` over the last axis of a float32 I, no
// constraints or default: the row reduction; returns I.
std::optional<TensorId> row_reduction(const Program& p, const Op& op, AggOp agg) {
  const auto* c = std::get_if<Contraction>(&op);
  if (c == nullptr || c->agg != agg || c->comb != CombOp::kNone || c->default_tensor ||
      !c->constraints.empty() || c->inputs.size() != 1) {
    return std::nullopt;
  }
  const Access& in = c->inputs[0];
  const TensorInfo& x = p.tensor(in.tensor);
  const std::size_t r = x.shape.size();
  if (x.kind == TensorKind::kLiteral || x.dtype != DType::kFloat32 || r == 0 ||
      c->index_names.size() != r || c->output_indices.size() != r) {
    return std::nullopt;
  }
  Shape row_shape = x.shape;
  row_shape.back() = 1;
  if (p.tensor(c->output).shape != row_shape) return std::nullopt;
  for (std::size_t d = 0; d < r; ++d) {
    int v = -1, w = -1;
    if (!in.indices[d].is_single_index(&v) || v != static_cast<int>(d)) return std::nullopt;
    const Affine& o = c->output_indices[d];
    if (d + 1 < r ? !o.is_single_index(&w) || w != v : !o.terms().empty() || o.constant_term())
      return std::nullopt;
  }
  return in.tensor;
}

// The elementwise op `op` with `kind` and inputs `in`, or nullptr.
const Elementwise* ew(const Op& op, EwOp kind, std::vector<TensorId> in) {
  const auto* e = std::get_if<Elementwise>(&op);
  return e != nullptr && e->op == kind && e->inputs == in ? e : nullptr;
}

}  // namespace

void fuse_softmax(const Program& program, std::vector<KernelGroup>* kernels) {
  const Uses uses = find_uses(program);
  const auto& ops = program.ops();
  // The kernel whose ops are exactly `want`.
  const auto kernel_of = [&](const std::vector<std::size_t>& want) {
    return std::find_if(kernels->begin(), kernels->end(),
                        [&](const KernelGroup& k) { return k.ops == want && k.prologue.empty(); });
  };
  const auto only_reader = [&](TensorId t) -> std::optional<std::size_t> {
    if (uses.is_output[static_cast<std::size_t>(t)]) return std::nullopt;
    const auto& r = uses.readers[static_cast<std::size_t>(t)];
    if (r.size() != 1) return std::nullopt;
    return r[0];
  };
  for (std::size_t k = 0; k < kernels->size(); ++k) {
    const KernelGroup& g = (*kernels)[k];
    if (g.ops.size() != 1 || !g.prologue.empty() || g.softmax) continue;
    const std::size_t i_max = g.ops[0];
    const std::optional<TensorId> x = row_reduction(program, ops[i_max], AggOp::kMax);
    if (!x) continue;
    const TensorId m = op_output(ops[i_max]);
    // D = X - M (M's only reader), E = exp(D): one kernel.
    const std::optional<std::size_t> i_sub = only_reader(m);
    if (!i_sub || !ew(ops[*i_sub], EwOp::kSub, {*x, m})) continue;
    const TensorId d = op_output(ops[*i_sub]);
    const std::optional<std::size_t> i_exp = only_reader(d);
    if (!i_exp || !ew(ops[*i_exp], EwOp::kExp, {d})) continue;
    const TensorId e = op_output(ops[*i_exp]);
    // E is read by S = sum(E) over the row and by Y = E / S alone.
    const auto& e_readers = uses.readers[static_cast<std::size_t>(e)];
    if (uses.is_output[static_cast<std::size_t>(e)] || e_readers.size() != 2) continue;
    const std::size_t i_sum = e_readers[0], i_div = e_readers[1];
    if (row_reduction(program, ops[i_sum], AggOp::kSum) != e) continue;
    const TensorId s = op_output(ops[i_sum]);
    if (only_reader(s) != i_div || !ew(ops[i_div], EwOp::kDiv, {e, s})) continue;
    const TensorId y = op_output(ops[i_div]);
    if (program.tensor(y).dtype != DType::kFloat32 ||
        program.tensor(y).shape != program.tensor(*x).shape)
      continue;
    const auto k_exp = kernel_of({*i_sub, *i_exp});
    const auto k_sum = kernel_of({i_sum});
    const auto k_div = kernel_of({i_div});
    if (k_exp == kernels->end() || k_sum == kernels->end() || k_div == kernels->end()) continue;
    // One kernel at the division's place (the last of the four): X is ready by then.
    k_div->ops = {i_max, *i_sub, *i_exp, i_sum, i_div};
    k_div->softmax = true;
    const std::vector<std::size_t> gone{i_max, *i_sub, i_sum};
    std::erase_if(*kernels, [&](const KernelGroup& kg) {
      return !kg.softmax && !kg.ops.empty() &&
             std::find(gone.begin(), gone.end(), kg.ops.front()) != gone.end();
    });
    k = static_cast<std::size_t>(-1);  // the list changed: scan again from the start
  }
}

}  // namespace tartan
