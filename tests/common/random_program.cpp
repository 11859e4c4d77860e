#include "common/random_program.h"

#include <algorithm>
#include <array>

#include "tartan/reference/host_tensor.h"
#include "tartan/support/error.h"

namespace tartan::testing {

namespace {

int pick(std::mt19937_64& rng, int lo, int hi) {  // inclusive
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool chance(std::mt19937_64& rng, double p) { return std::bernoulli_distribution(p)(rng); }

// Largest value of an affine expression (denominator 1) over the variables' natural ranges.
std::int64_t max_value(const Affine& a, const std::vector<int>& extent) {
  std::int64_t m = a.constant_term();
  for (const auto& [v, c] : a.terms())
    m += c > 0 ? c * (extent[static_cast<std::size_t>(v)] - 1) : 0;
  return m;
}

Affine random_index(std::mt19937_64& rng, int nvars, const std::vector<int>& extent, int* size) {
  Affine a = Affine::index(pick(rng, 0, nvars - 1), chance(rng, 0.2) ? 2 : 1);
  if (nvars > 1 && chance(rng, 0.3)) {
    a = a + Affine::index(pick(rng, 0, nvars - 1), chance(rng, 0.15) ? -1 : 1);
  }
  a = a + Affine::constant(pick(rng, -1, 1));
  // Size: the largest value reached, minus a little so some taps fall outside.
  *size = static_cast<int>(std::max<std::int64_t>(1, max_value(a, extent) + 1 - pick(rng, 0, 1)));
  return a;
}

struct Drawn {
  Program scratch;
  std::string description;
  std::vector<TensorId> small_integer_inputs;
  bool scalar_sum = false;
};

// Copies `src` (inputs, literals, contractions, elementwise ops, outputs) into `dst`. With
// `constants`, src's inputs but the first (the first operand) become constants of random values
// (from {-2, ..., 2} for int32 and `small_integers`, as check_on_device draws inputs); with all
// operands constant, the contraction would fold at compile time and no kernel would run it.
std::vector<TensorId> append_program(Program* dst, const Program& src, std::mt19937_64& rng,
                                     bool constants, const std::vector<TensorId>& small_integers) {
  std::vector<TensorId> map(src.tensors().size(), -1);
  for (TensorId id : src.inputs()) {
    const TensorInfo& t = src.tensor(id);
    if (!constants || id == src.inputs().front()) {
      map[static_cast<std::size_t>(id)] = dst->add_input(t.name, t.dtype, t.shape);
      continue;
    }
    HostTensor h = random_tensor(t.dtype, t.shape, rng);
    if (t.dtype == DType::kInt32 ||
        std::find(small_integers.begin(), small_integers.end(), id) != small_integers.end()) {
      for (double& v : h.values) v = pick(rng, -2, 2);
    }
    map[static_cast<std::size_t>(id)] =
        dst->add_constant(t.name, t.shape, ConstantData::from_doubles(t.dtype, h.values));
  }
  for (std::size_t i = 0; i < src.tensors().size(); ++i) {
    const TensorInfo& t = src.tensors()[i];
    if (t.kind == TensorKind::kLiteral) map[i] = dst->add_literal(t.data->at(0), t.dtype);
  }
  const auto m = [&](TensorId id) { return map[static_cast<std::size_t>(id)]; };
  for (const Op& op : src.ops()) {
    TensorId out = -1;
    if (const auto* c = std::get_if<Contraction>(&op)) {
      Contraction copy = *c;
      for (Access& a : copy.inputs) a.tensor = m(a.tensor);
      if (copy.default_tensor) copy.default_tensor = m(*copy.default_tensor);
      out = dst->add_contraction(src.tensor(c->output).name, src.tensor(c->output).shape, copy);
    } else {
      const auto& e = std::get<Elementwise>(op);
      std::vector<TensorId> in;
      for (TensorId t : e.inputs) in.push_back(m(t));
      out = dst->add_elementwise("", e.op, in);
    }
    map[static_cast<std::size_t>(op_output(op))] = out;
  }
  for (TensorId id : src.outputs()) dst->add_output(m(id));
  return map;
}

// With `weights`, the second operand gets one more, last, dimension indexed by the output's last
// variable, as a convolution's or a dense layer's weights are (what packed weights need).
Drawn draw_valid_contraction(std::mt19937_64& rng, const std::string& prefix, bool weights) {
  for (;;) {
    Drawn r;
    Program& p = r.scratch;
    const int nvars = pick(rng, 1, 5);
    std::vector<int> extent(static_cast<std::size_t>(nvars));
    for (int& e : extent) e = pick(rng, 1, 6);

    Contraction c;
    for (int v = 0; v < nvars; ++v)
      c.index_names.push_back(std::string(1, static_cast<char>('a' + v)));
    const int comb_draw = pick(rng, 0, 9);
    c.comb = comb_draw < 3   ? CombOp::kMul
             : comb_draw < 5 ? CombOp::kNone
             : comb_draw < 7 ? CombOp::kAdd
             : comb_draw < 8 ? CombOp::kEq
                             : CombOp::kCond;
    const bool small_integers = c.comb == CombOp::kEq || c.comb == CombOp::kCond;
    const DType dtype = chance(rng, 0.15)  ? DType::kInt32
                        : chance(rng, 0.1) ? DType::kFloat16
                                           : DType::kFloat32;

    // Output: some variables as plain or strided dimensions.
    Shape out_shape;
    std::vector<bool> in_output(static_cast<std::size_t>(nvars), false);
    const int out_rank = pick(rng, 0, std::min(3, nvars));
    bool injective = true;  // every assignment writes its own element: `=` is safe
    for (int d = 0; d < out_rank; ++d) {
      const int v = pick(rng, 0, nvars - 1);
      const std::int64_t coeff = chance(rng, 0.15) ? 2 : 1;
      const Affine e = Affine::index(v, coeff) + Affine::constant(chance(rng, 0.2) ? 1 : 0);
      c.output_indices.push_back(e);
      out_shape.push_back(max_value(e, extent) + 1 + pick(rng, 0, 1));
      in_output[static_cast<std::size_t>(v)] = true;
    }
    for (int v = 0; v < nvars; ++v) injective &= in_output[static_cast<std::size_t>(v)];

    const int arity = comb_arity(c.comb);
    for (int i = 0; i < arity; ++i) {
      const int rank = pick(rng, 1, 3);
      Access a;
      Shape shape;
      for (int d = 0; d < rank; ++d) {
        int size = 1;
        a.indices.push_back(random_index(rng, nvars, extent, &size));
        shape.push_back(size);
      }
      if (weights && i == 1 && out_rank > 0) {
        const int v = c.output_indices.back().terms()[0].first;
        a.indices.push_back(Affine::index(v));
        shape.push_back(extent[static_cast<std::size_t>(v)]);
      }
      a.tensor = p.add_input(prefix + std::string(1, static_cast<char>('A' + i)), dtype, shape);
      if (small_integers) r.small_integer_inputs.push_back(a.tensor);
      c.inputs.push_back(std::move(a));
    }
    // Bound every variable: a constraint for those no access mentions, and sometimes a
    // coupling constraint.
    for (int v = 0; v < nvars; ++v) {
      bool used = in_output[static_cast<std::size_t>(v)];
      for (const Access& a : c.inputs) {
        for (const Affine& e : a.indices) used |= e.coeff(v) != 0;
      }
      if (!used || chance(rng, 0.1))
        c.constraints.push_back({Affine::index(v), extent[static_cast<std::size_t>(v)]});
    }
    if (nvars >= 2 && chance(rng, 0.25)) {
      c.constraints.push_back(
          {Affine::index(0) + Affine::index(1), std::max(1, extent[0] + extent[1] - 2)});
    }

    const int agg_draw = pick(rng, 0, 9);
    c.agg = agg_draw < 5   ? AggOp::kSum
            : agg_draw < 7 ? AggOp::kMax
            : agg_draw < 8 ? AggOp::kMin
            : agg_draw < 9 ? AggOp::kProd
                           : AggOp::kAssign;
    if (c.agg == AggOp::kAssign && !injective) c.agg = AggOp::kSum;
    if (out_rank > 0 && c.comb != CombOp::kEq && chance(rng, 0.15)) {
      c.default_tensor = p.add_input(prefix + "D", dtype, out_shape);
    }
    TensorId out;
    try {
      out = p.add_contraction(prefix + "O", out_shape, c);
    } catch (const Error&) {
      continue;  // unbounded or empty: draw again
    }
    std::string desc = "vars " + std::to_string(nvars) + ", out rank " + std::to_string(out_rank) +
                       ", agg " + std::string(agg_symbol(c.agg)) + ", comb " +
                       std::string(comb_symbol(c.comb)) + ", dtype " +
                       std::string(dtype_name(dtype)) + (c.default_tensor ? ", default" : "");
    // A fused epilogue: bias along the last dimension, then an activation or a scale.
    if (out_rank > 0 && is_float(p.tensor(out).dtype) && chance(rng, 0.5)) {
      const TensorId bias = p.add_input(prefix + "Bias", p.tensor(out).dtype, {out_shape.back()});
      out = p.add_elementwise("", EwOp::kAdd, {out, bias});
      const EwOp act = std::array{EwOp::kRelu, EwOp::kTanh, EwOp::kSigmoid,
                                  EwOp::kMul}[static_cast<std::size_t>(pick(rng, 0, 3))];
      out = act == EwOp::kMul
                ? p.add_elementwise("", act, {out, p.add_literal(0.5, DType::kFloat32)})
                : p.add_elementwise("", act, {out});
      desc += ", epilogue bias+" + std::string(ew_info(act).name);
    }
    p.add_output(out);
    r.description = desc;
    r.scalar_sum = out_rank == 0 && c.agg == AggOp::kSum &&
                   (c.comb == CombOp::kMul || c.comb == CombOp::kAdd || c.comb == CombOp::kNone);
    return r;
  }
}

}  // namespace

RandomContraction add_random_contraction(Program* program, std::mt19937_64& rng,
                                         const std::string& prefix, bool constant_inputs) {
  Drawn drawn = draw_valid_contraction(rng, prefix, constant_inputs);
  // A scalar sum's error is judged against its terms' magnitudes, which needs its inputs.
  while (constant_inputs && drawn.scalar_sum) {
    drawn = draw_valid_contraction(rng, prefix, constant_inputs);
  }
  const std::vector<TensorId> map =
      append_program(program, drawn.scratch, rng, constant_inputs, drawn.small_integer_inputs);
  RandomContraction r;
  r.description = drawn.description;
  r.scalar_sum = drawn.scalar_sum;
  for (TensorId id : drawn.small_integer_inputs)
    r.small_integer_inputs.push_back(map[static_cast<std::size_t>(id)]);
  return r;
}

Tensor random_constant(Builder& b, const std::string& name, const Shape& shape,
                       std::mt19937_64& rng) {
  const HostTensor t = random_tensor(DType::kFloat32, shape, rng);
  return b.constant(name, shape, ConstantData::from_doubles(DType::kFloat32, t.values));
}

}  // namespace tartan::testing
