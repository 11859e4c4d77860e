#include "tartan/passes/fold_batch_norm.h"

#include <cstring>
#include <memory>
#include <optional>

#include "passes/uses.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

bool is_leaf_value(const TensorInfo& t) {
  return t.kind == TensorKind::kConstant || t.kind == TensorKind::kLiteral;
}

// A constant that broadcasts along the last dimension (of size `channels`) only.
bool per_channel(const TensorInfo& c, std::size_t rank, std::int64_t channels) {
  if (!is_leaf_value(c) || c.shape.size() > rank) return false;
  for (std::size_t d = 0; d + 1 < c.shape.size(); ++d) {
    if (c.shape[d] != 1) return false;
  }
  return c.shape.empty() || c.shape.back() == 1 || c.shape.back() == channels;
}

double channel_value(const TensorInfo& c, std::int64_t m) {
  return c.data->at(c.data->size() == 1 ? 0 : static_cast<std::size_t>(m));
}

// y -> y * scale[m] + shift[m] per channel m, composed from a chain of elementwise ops.
struct Chain {
  TensorId head = -1;              // the tensor the chain starts from
  std::vector<std::size_t> steps;  // op indices, in order; the last one writes the result
  std::vector<double> scale, shift;
  bool scales() const {
    for (double s : scale) {
      if (s != 1.0) return true;
    }
    return false;
  }
  bool shifts() const {
    for (double t : shift) {
      if (t != 0.0) return true;
    }
    return false;
  }
};

// Folds op `e` (which reads `cur`) into the chain; false when it is not a per-channel affine
// step with the chain's type and shape.
bool extend(const Program& p, const Elementwise& e, TensorId cur, Chain* chain) {
  const TensorInfo& head = p.tensor(chain->head);
  const TensorInfo& out = p.tensor(e.output);
  if (e.inputs.size() != 2 || out.dtype != head.dtype || out.shape != head.shape) return false;
  const bool first = e.inputs[0] == cur;
  const TensorId other = first ? e.inputs[1] : e.inputs[0];
  if (other == cur || (!first && e.inputs[1] != cur)) return false;
  const TensorInfo& c = p.tensor(other);
  const auto channels = static_cast<std::int64_t>(chain->scale.size());
  if (!per_channel(c, head.shape.size(), channels)) return false;
  if (e.op != EwOp::kAdd && e.op != EwOp::kSub && e.op != EwOp::kMul && e.op != EwOp::kDiv) {
    return false;
  }
  for (std::int64_t m = 0; e.op == EwOp::kDiv && m < channels; ++m) {
    if (!first || channel_value(c, m) == 0.0) return false;  // v / y is not affine in y
  }
  for (std::int64_t m = 0; m < channels; ++m) {
    const double v = channel_value(c, m);
    double& s = chain->scale[static_cast<std::size_t>(m)];
    double& t = chain->shift[static_cast<std::size_t>(m)];
    switch (e.op) {
      case EwOp::kAdd:
        t += v;
        break;
      case EwOp::kSub:  // y - v, or v - y
        if (first) {
          t -= v;
        } else {
          s = -s;
          t = v - t;
        }
        break;
      case EwOp::kMul:
        s *= v;
        t *= v;
        break;
      default:  // kDiv
        s /= v;
        t /= v;
        break;
    }
  }
  return true;
}

// The longest chain that starts at op `start`; every tensor it passes on is read by the next
// step alone.
std::optional<Chain> find_chain(const Program& p, const Uses& uses, std::size_t start,
                                const std::vector<bool>& taken) {
  const auto* e = std::get_if<Elementwise>(&p.ops()[start]);
  if (!e || e->inputs.empty()) return std::nullopt;
  for (TensorId head : e->inputs) {
    const TensorInfo& h = p.tensor(head);
    if (is_leaf_value(h) || !is_float(h.dtype) || h.shape.empty()) continue;
    Chain chain;
    chain.head = head;
    chain.scale.assign(static_cast<std::size_t>(h.shape.back()), 1.0);
    chain.shift.assign(static_cast<std::size_t>(h.shape.back()), 0.0);
    TensorId cur = head;
    std::size_t i = start;
    while (!taken[i] && extend(p, std::get<Elementwise>(p.ops()[i]), cur, &chain)) {
      chain.steps.push_back(i);
      cur = std::get<Elementwise>(p.ops()[i]).output;
      const auto& readers = uses.readers[static_cast<std::size_t>(cur)];
      if (readers.size() != 1 || !uses.only_read_by(cur, readers[0]) ||
          !std::holds_alternative<Elementwise>(p.ops()[readers[0]])) {
        break;
      }
      i = readers[0];
    }
    if (!chain.steps.empty()) return chain;
  }
  return std::nullopt;
}

// For `+(X[..] * K[..])` with K constant: the operand index of K and the dimension of K that
// is indexed by exactly the output's last index variable, so K's elements with index m there
// feed output channel m only.
std::optional<std::pair<std::size_t, std::size_t>> scalable_operand(const Program& p,
                                                                    const Contraction& c) {
  if (c.agg != AggOp::kSum || c.comb != CombOp::kMul || c.default_tensor ||
      c.output_indices.empty()) {
    return std::nullopt;
  }
  int v = -1;
  if (!c.output_indices.back().is_single_index(&v)) return std::nullopt;
  for (std::size_t k = 0; k < c.inputs.size(); ++k) {
    const TensorInfo& t = p.tensor(c.inputs[k].tensor);
    if (t.kind != TensorKind::kConstant || !is_float(t.dtype)) continue;
    for (std::size_t d = 0; d < c.inputs[k].indices.size(); ++d) {
      int w = -1;
      if (c.inputs[k].indices[d].is_single_index(&w) && w == v) return std::pair{k, d};
    }
  }
  return std::nullopt;
}

std::shared_ptr<const ConstantData> scaled(const TensorInfo& k, std::size_t dim,
                                           const std::vector<double>& scale) {
  // Blocks of `inner` elements share one channel m; no division per element (weights are
  // millions of elements and this runs on every compile, warm kernel cache or not).
  const auto inner = static_cast<std::size_t>(row_major_strides(k.shape)[dim]);
  const auto channels = static_cast<std::size_t>(k.shape[dim]);
  const auto for_each = [&](auto&& f) {  // f(element index, channel scale)
    for (std::size_t start = 0; start < k.data->size(); start += inner * channels) {
      for (std::size_t m = 0; m < channels; ++m) {
        const double s = m < scale.size() ? scale[m] : 1.0;
        const std::size_t block = start + m * inner;
        for (std::size_t j = block; j < block + inner; ++j) f(j, s);
      }
    }
  };
  if (k.dtype == DType::kFloat32) {
    // Straight on the bytes, with the same arithmetic as below (the product in double, rounded
    // once to float): a network's weights no longer make two passes through doubles.
    std::vector<std::byte> bytes = k.data->bytes();
    for_each([&](std::size_t j, double s) {
      float v;
      std::memcpy(&v, bytes.data() + j * sizeof v, sizeof v);
      v = static_cast<float>(static_cast<double>(v) * s);
      std::memcpy(bytes.data() + j * sizeof v, &v, sizeof v);
    });
    return std::make_shared<const ConstantData>(k.dtype, std::move(bytes));
  }
  std::vector<double> values(k.data->size());
  for_each([&](std::size_t j, double s) { values[j] = k.data->at(j) * s; });
  return ConstantData::from_doubles(k.dtype, values);
}

TensorId add_channel_constant(Program* p, const std::string& base, DType dtype,
                              const std::vector<double>& values) {
  const std::string name = p->find(base) ? p->fresh_name() : base;
  return p->add_constant(name, {static_cast<std::int64_t>(values.size())},
                         ConstantData::from_doubles(dtype, values));
}

}  // namespace

void fold_batch_norm(Program* program) {
  const Uses uses = find_uses(*program);
  const std::size_t n = program->ops().size();
  std::vector<std::vector<Op>> replaced(n);  // per op: what replaces it
  for (std::size_t i = 0; i < n; ++i) replaced[i] = {program->ops()[i]};
  std::vector<bool> taken(n, false);

  for (std::size_t start = 0; start < n; ++start) {
    if (taken[start]) continue;
    const std::optional<Chain> chain = find_chain(*program, uses, start, taken);
    if (!chain) continue;
    const TensorInfo head = program->tensor(chain->head);
    const std::size_t last = chain->steps.back();
    const TensorId result = op_output(program->ops()[last]);
    const Op* producer = program->producer(chain->head);
    const auto* conv = producer ? std::get_if<Contraction>(producer) : nullptr;
    const auto operand = conv ? scalable_operand(*program, *conv) : std::nullopt;

    if (conv && operand && uses.only_read_by(chain->head, chain->steps[0]) &&
        (chain->scales() || chain->steps.size() >= 2)) {
      const auto [k, dim] = *operand;
      Contraction folded = *conv;
      if (chain->scales()) {
        const TensorInfo kernel = program->tensor(folded.inputs[k].tensor);
        const std::string base = kernel.name + "_scaled";
        const std::string name = program->find(base) ? program->fresh_name() : base;
        folded.inputs[k].tensor =
            program->add_constant(name, kernel.shape, scaled(kernel, dim, chain->scale));
      }
      const bool shift = chain->shifts();
      if (!shift) folded.output = result;  // the contraction computes the result itself
      replaced[static_cast<std::size_t>(producer - program->ops().data())] = {std::move(folded)};
      for (std::size_t s : chain->steps) replaced[s].clear();
      if (shift) {
        const TensorId bias =
            add_channel_constant(program, head.name + "_bias", head.dtype, chain->shift);
        replaced[last] = {Elementwise{result, EwOp::kAdd, {chain->head, bias}}};
      }
    } else if (chain->steps.size() >= 3) {
      const TensorId scale =
          add_channel_constant(program, head.name + "_scale", head.dtype, chain->scale);
      const TensorId shift =
          add_channel_constant(program, head.name + "_shift", head.dtype, chain->shift);
      const TensorId scaled_head = program->add_tensor(
          {program->fresh_name(), head.dtype, head.shape, TensorKind::kIntermediate, nullptr});
      for (std::size_t s : chain->steps) replaced[s].clear();
      replaced[last] = {Elementwise{scaled_head, EwOp::kMul, {chain->head, scale}},
                        Elementwise{result, EwOp::kAdd, {scaled_head, shift}}};
    } else {
      continue;
    }
    for (std::size_t s : chain->steps) taken[s] = true;
  }

  std::vector<Op> ops;
  for (auto& r : replaced) {
    for (Op& op : r) ops.push_back(std::move(op));
  }
  program->set_ops(std::move(ops));
}

}  // namespace tartan
