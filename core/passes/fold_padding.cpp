#include "tartan/passes/fold_padding.h"

#include <algorithm>
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

// Whether every element of `t` is >= 0 or NaN, by how it is made: relu, exp, sigmoid, abs, a max
// with such an operand, a min of such operands, a view of such a tensor, a literal >= 0 or NaN.
// `producer`: per tensor, the op computing it, or -1.
bool nonnegative(const Program& p, const std::vector<int>& producer, TensorId t, int depth = 0) {
  const TensorInfo& info = p.tensor(t);
  if (info.kind == TensorKind::kLiteral) return !(info.data->at(0) < 0);
  const int op = producer[static_cast<std::size_t>(t)];
  if (op < 0 || depth > 8) return false;
  const auto is = [&](TensorId in) { return nonnegative(p, producer, in, depth + 1); };
  const Op& o = p.ops()[static_cast<std::size_t>(op)];
  if (const auto* r = std::get_if<Reshape>(&o)) return is(r->input);
  const auto* e = std::get_if<Elementwise>(&o);
  if (e == nullptr || !is_float(info.dtype)) return false;
  switch (e->op) {
    case EwOp::kRelu:
    case EwOp::kExp:
    case EwOp::kSigmoid:
    case EwOp::kAbs:
      return true;
    case EwOp::kMax:  // NaN propagates; otherwise at least the nonnegative operand
      return std::any_of(e->inputs.begin(), e->inputs.end(), is);
    case EwOp::kMin:
      return std::all_of(e->inputs.begin(), e->inputs.end(), is);
    default:
      return false;
  }
}

// Zero contributes nothing to a sum of products or to a plain sum, so skipping the padded
// assignments leaves the result unchanged. A max over a pad of values that are all >= 0 or NaN
// (a max pool after a relu: ResNet50's stem) is unchanged by the zeros too: a window with an
// input element has its maximum (or NaN) either way, and a window of padding alone, which
// meets no assignment once folded, gets 0, the unreached output's value, as the max of zeros.
bool zero_is_neutral(const Program& p, const std::vector<int>& producer, const Contraction& c,
                     const Pad& pad) {
  if (c.agg == AggOp::kSum) return c.comb == CombOp::kMul || c.comb == CombOp::kNone;
  return c.agg == AggOp::kMax && c.comb == CombOp::kNone && !c.default_tensor &&
         nonnegative(p, producer, pad.input);
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
  std::vector<int> producer(program->tensors().size(), -1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    producer[static_cast<std::size_t>(op_output(ops[i]))] = static_cast<int>(i);
  }
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
      if (!consumer || !zero_is_neutral(*program, producer, *consumer, *pad) ||
          consumer->default_tensor == padded)
        break;
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
