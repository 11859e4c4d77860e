#include "tartan/passes/fold_padding.h"

#include <optional>

#include "passes/uses.h"
#include "tartan/ir/bounds.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// A zero pad P = I placed at a constant offset: P[out_dim_of[d] index] = I[d index] + offset[d].
struct Pad {
  TensorId input = -1;
  std::vector<std::size_t> out_dim_of;  // per input dimension: the output dimension it maps to
  std::vector<std::int64_t> offset;     // per input dimension
};

// Recognises `P[.., v_d + c_d, ..] = =(I[v_0, .., v_r])`: the input is indexed by distinct
// plain variables (so each element is visited once), each output index is one of them plus a
// constant, and the shifted input lies inside P (so each element is written).
std::optional<Pad> match_pad(const Program& p, const Contraction& c) {
  if (c.agg != AggOp::kAssign || c.comb != CombOp::kNone || c.default_tensor ||
      !c.constraints.empty()) {
    return std::nullopt;
  }
  const Access& in = c.inputs[0];
  const Shape& in_shape = p.tensor(in.tensor).shape;
  const Shape& out_shape = p.tensor(c.output).shape;
  const std::size_t rank = in_shape.size();
  if (out_shape.size() != rank || c.index_names.size() != rank) return std::nullopt;
  std::vector<int> dim_of_var(rank, -1);
  for (std::size_t d = 0; d < rank; ++d) {
    int v = -1;
    if (!in.indices[d].is_single_index(&v) || dim_of_var[static_cast<std::size_t>(v)] >= 0) {
      return std::nullopt;
    }
    dim_of_var[static_cast<std::size_t>(v)] = static_cast<int>(d);
  }
  Pad pad{in.tensor, std::vector<std::size_t>(rank), std::vector<std::int64_t>(rank)};
  std::vector<bool> used(rank, false);
  for (std::size_t k = 0; k < rank; ++k) {
    const Affine& e = c.output_indices[k];
    if (e.denom() != 1 || e.terms().size() != 1 || e.terms()[0].second != 1) return std::nullopt;
    const auto d =
        static_cast<std::size_t>(dim_of_var[static_cast<std::size_t>(e.terms()[0].first)]);
    if (used[d]) return std::nullopt;
    used[d] = true;
    const std::int64_t off = e.constant_term();
    if (off < 0 || off + in_shape[d] > out_shape[k]) return std::nullopt;
    pad.out_dim_of[d] = k;
    pad.offset[d] = off;
  }
  return pad;
}

// Zero contributes nothing to a sum of products or to a plain sum, so skipping the padded
// assignments leaves the result unchanged.
bool zero_is_neutral(const Contraction& c) {
  return c.agg == AggOp::kSum && (c.comb == CombOp::kMul || c.comb == CombOp::kNone);
}

// Rewrites every access of `padded` in `c` to read the pad's input: I[d] = P[out_dim_of[d]] -
// offset[d].
Contraction substitute(const Contraction& c, TensorId padded, const Pad& pad) {
  Contraction r = c;
  for (Access& a : r.inputs) {
    if (a.tensor != padded) continue;
    std::vector<Affine> indices(pad.offset.size());
    for (std::size_t d = 0; d < indices.size(); ++d) {
      indices[d] = a.indices[pad.out_dim_of[d]] - Affine::constant(pad.offset[d]);
    }
    a = Access{pad.input, std::move(indices)};
  }
  return r;
}

}  // namespace

void fold_padding(Program* program) {
  std::vector<Op> ops = program->ops();
  const Uses uses = find_uses(*program);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto* pad_op = std::get_if<Contraction>(&ops[i]);
    if (!pad_op) continue;
    const std::optional<Pad> pad = match_pad(*program, *pad_op);
    const TensorId padded = pad_op->output;
    if (!pad || uses.is_output[static_cast<std::size_t>(padded)]) continue;
    const auto& readers = uses.readers[static_cast<std::size_t>(padded)];
    if (readers.empty()) continue;
    std::vector<Contraction> rewritten;
    for (std::size_t r : readers) {
      const auto* consumer = std::get_if<Contraction>(&ops[r]);
      if (!consumer || !zero_is_neutral(*consumer) || consumer->default_tensor == padded) break;
      rewritten.push_back(substitute(*consumer, padded, *pad));
      try {
        derive_index_ranges(*program, rewritten.back());
      } catch (const Error&) {
        rewritten.pop_back();  // the consumer would read only padding somewhere: keep the pad
        break;
      }
    }
    if (rewritten.size() != readers.size()) continue;
    for (std::size_t k = 0; k < readers.size(); ++k) ops[readers[k]] = std::move(rewritten[k]);
  }
  // The pads are now unread; dce removes them.
  program->set_ops(std::move(ops));
}

}  // namespace tartan
