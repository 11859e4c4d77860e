// Helpers for the pass tests: small networks built with Program::add_*, equivalence checks
// against the reference executor, and an executor of a LoweredProgram's kernels that keeps
// every intermediate in a simulated arena at its planned offset, so a wrong memory plan
// corrupts the outputs.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "reference/reference_test_util.h"
#include "tartan/passes/pipeline.h"

namespace tartan::testing {

// Runs `pass` on `p` and expects it to leave the program structurally unchanged.
template <typename Pass>
void expect_unchanged(Program* p, Pass pass) {
  const Program before = *p;
  pass(p);
  std::string why;
  EXPECT_TRUE(programs_equal(*p, before, &why)) << why;
}

// Random float32 weights in [lo, hi).
inline std::shared_ptr<const ConstantData> random_data(std::mt19937_64& rng, const Shape& shape,
                                                       double lo = -1.0, double hi = 1.0) {
  return ConstantData::from_doubles(DType::kFloat32,
                                    random_tensor(DType::kFloat32, shape, rng, lo, hi).values);
}

inline TensorId random_constant(Program* p, std::mt19937_64& rng, const std::string& name,
                                const Shape& shape, double lo = -1.0, double hi = 1.0) {
  return p->add_constant(name, shape, random_data(rng, shape, lo, hi));
}

// O[n, y, x, m] = +(I[n, y + i, x + j, c] * K[i, j, c, m]), valid padding.
inline TensorId conv2d(Program* p, const std::string& name, TensorId in, TensorId kernel) {
  const Shape& is = p->tensor(in).shape;
  const Shape& ks = p->tensor(kernel).shape;
  return p->add_contraction(name, {is[0], is[1] - ks[0] + 1, is[2] - ks[1] + 1, ks[3]},
                            contraction({"n", "y", "x", "m", "i", "j", "c"},
                                        {ix(0), ix(1), ix(2), ix(3)}, AggOp::kSum, CombOp::kMul,
                                        {{in, {ix(0), ix(1) + ix(4), ix(2) + ix(5), ix(6)}},
                                         {kernel, {ix(4), ix(5), ix(6), ix(3)}}}));
}

// O[n, y, x, c] = +(I[n, y + i, x + j, c] * K[i, j, c]), valid padding.
inline TensorId depthwise2d(Program* p, const std::string& name, TensorId in, TensorId kernel) {
  const Shape& is = p->tensor(in).shape;
  const Shape& ks = p->tensor(kernel).shape;
  return p->add_contraction(
      name, {is[0], is[1] - ks[0] + 1, is[2] - ks[1] + 1, is[3]},
      contraction(
          {"n", "y", "x", "c", "i", "j"}, {ix(0), ix(1), ix(2), ix(3)}, AggOp::kSum, CombOp::kMul,
          {{in, {ix(0), ix(1) + ix(4), ix(2) + ix(5), ix(3)}}, {kernel, {ix(4), ix(5), ix(3)}}}));
}

// ZeroPadding2D: P[n, y + 1, x + 1, c : N, H + 2, W + 2, C] = =(I[n, y, x, c]).
inline TensorId zero_pad(Program* p, const std::string& name, TensorId in) {
  const Shape& s = p->tensor(in).shape;
  return p->add_contraction(
      name, {s[0], s[1] + 2, s[2] + 2, s[3]},
      contraction({"n", "y", "x", "c"}, {ix(0), ix(1) + k(1), ix(2) + k(1), ix(3)}, AggOp::kAssign,
                  CombOp::kNone, {{in, {ix(0), ix(1), ix(2), ix(3)}}}));
}

// Keras BatchNormalization at inference: (Y - mean) * (gamma / sqrt(var + eps)) + beta, with
// random statistics; the scale is computed from constants, as the op library writes it.
inline TensorId batch_norm(Program* p, std::mt19937_64& rng, const std::string& name, TensorId y) {
  const std::int64_t m = p->tensor(y).shape.back();
  const TensorId mean = random_constant(p, rng, name + "_mean", {m});
  const TensorId var = random_constant(p, rng, name + "_var", {m}, 0.5, 2.0);
  const TensorId gamma = random_constant(p, rng, name + "_gamma", {m}, 0.5, 1.5);
  const TensorId beta = random_constant(p, rng, name + "_beta", {m});
  const TensorId eps = p->add_literal(1e-3, DType::kFloat32);
  const TensorId root =
      p->add_elementwise("", EwOp::kSqrt, {p->add_elementwise("", EwOp::kAdd, {var, eps})});
  const TensorId scale = p->add_elementwise("", EwOp::kDiv, {gamma, root});
  const TensorId centered = p->add_elementwise("", EwOp::kSub, {y, mean});
  const TensorId scaled = p->add_elementwise("", EwOp::kMul, {centered, scale});
  return p->add_elementwise(name, EwOp::kAdd, {scaled, beta});
}

// min(max(x, 0), 6)
inline TensorId relu6(Program* p, const std::string& name, TensorId x) {
  const TensorId lo = p->add_elementwise("", EwOp::kMax, {x, p->add_literal(0.0, DType::kFloat32)});
  return p->add_elementwise(name, EwOp::kMin, {lo, p->add_literal(6.0, DType::kFloat32)});
}

inline std::vector<HostTensor> random_inputs(const Program& p, std::mt19937_64& rng) {
  std::vector<HostTensor> inputs;
  for (TensorId id : p.inputs()) {
    inputs.push_back(random_tensor(p.tensor(id).dtype, p.tensor(id).shape, rng));
  }
  return inputs;
}

// Both programs give the same outputs on fresh random inputs, within `tolerance`.
inline void expect_equivalent(const Program& before, const Program& after, std::mt19937_64& rng,
                              double tolerance) {
  const std::vector<HostTensor> inputs = random_inputs(before, rng);
  const std::vector<HostTensor> want = reference_run(before, inputs);
  const std::vector<HostTensor> got = reference_run(after, inputs);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_LT(relative_error(got[i], want[i]), tolerance) << "output " << i;
  }
}

inline std::size_t count_ops(const Program& p, std::size_t variant_index) {
  std::size_t n = 0;
  for (const Op& op : p.ops()) n += op.index() == variant_index;
  return n;
}

// Evaluates one op on given input values with the reference executor.
inline HostTensor eval_op(const Program& p, const Op& op,
                          const std::map<TensorId, HostTensor>& values) {
  Program sub;
  std::map<TensorId, TensorId> local;
  std::vector<HostTensor> inputs;
  for (TensorId t : op_inputs(op)) {
    if (local.count(t)) continue;
    const TensorInfo& info = p.tensor(t);
    if (info.kind == TensorKind::kLiteral) {
      local[t] = sub.add_literal(info.data->at(0), info.dtype);
    } else {
      local[t] = sub.add_input("in" + std::to_string(t), info.dtype, info.shape);
      inputs.push_back(values.at(t));
    }
  }
  Op o = op;
  remap_inputs(&o, [&](TensorId t) { return local.at(t); });
  const TensorInfo& out = p.tensor(op_output(op));
  TensorId id = -1;
  if (auto* c = std::get_if<Contraction>(&o)) id = sub.add_contraction("out", out.shape, *c);
  if (auto* e = std::get_if<Elementwise>(&o))
    id = sub.add_elementwise("out", e->op, e->inputs, out.dtype);
  if (auto* r = std::get_if<Reshape>(&o)) id = sub.add_reshape("out", r->input, out.shape);
  if (auto* g = std::get_if<Gather>(&o)) id = sub.add_gather("out", g->data, g->indices);
  if (auto* i = std::get_if<IndexOf>(&o)) id = sub.add_index("out", i->like, i->axis);
  if (auto* s = std::get_if<Scan>(&o)) id = sub.add_scan("out", *s);
  sub.add_output(id);
  return reference_run(sub, inputs)[0];
}

// Runs the lowered program kernel by kernel. Arena tensors live in one simulated arena: element
// e of a tensor at byte offset o is cell o + e * dtype_size, so tensors whose byte ranges
// overlap clobber each other exactly as on a device. Everything else lives in its own buffer.
inline std::vector<HostTensor> run_planned(const LoweredProgram& lp,
                                           const std::vector<HostTensor>& inputs) {
  const Program& p = lp.program;
  const MemoryPlan& plan = lp.memory;
  std::vector<double> arena(plan.arena_bytes, std::numeric_limits<double>::quiet_NaN());
  std::map<TensorId, HostTensor> owned;  // inputs, constants, outputs
  for (std::size_t i = 0; i < inputs.size(); ++i) owned[p.inputs()[i]] = inputs[i];
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    const TensorInfo& info = p.tensors()[t];
    if (info.data) {
      HostTensor h(info.dtype, info.shape);
      for (std::size_t e = 0; e < h.values.size(); ++e) h.values[e] = info.data->at(e);
      owned[static_cast<TensorId>(t)] = h;
    }
  }
  const auto storage = [&](TensorId t) {
    while (plan.slots[static_cast<std::size_t>(t)].kind == BufferSlot::Kind::kAlias) {
      t = plan.slots[static_cast<std::size_t>(t)].alias_of;
    }
    return t;
  };
  const auto load = [&](TensorId t) {
    const TensorInfo& info = p.tensor(t);
    const TensorId s = storage(t);
    const BufferSlot& slot = plan.slots[static_cast<std::size_t>(s)];
    HostTensor h(info.dtype, info.shape);
    if (slot.kind == BufferSlot::Kind::kArena) {
      for (std::size_t e = 0; e < h.values.size(); ++e) {
        h.values[e] = arena.at(slot.offset + e * dtype_size(info.dtype));
      }
    } else {
      h.values = owned.at(s).values;
    }
    return h;
  };
  const auto store = [&](TensorId t, const HostTensor& h) {
    const BufferSlot& slot = plan.slots[static_cast<std::size_t>(t)];
    if (slot.kind == BufferSlot::Kind::kArena) {
      for (std::size_t e = 0; e < h.values.size(); ++e) {
        arena.at(slot.offset + e * dtype_size(h.dtype)) = h.values[e];
      }
    } else {
      EXPECT_EQ(slot.kind, BufferSlot::Kind::kOutput) << p.tensor(t).name;
      owned[t] = h;
    }
  };
  for (const KernelGroup& k : lp.kernels) {
    std::map<TensorId, HostTensor> local;  // values inside the kernel: registers
    std::vector<std::size_t> ops = k.prologue;
    ops.insert(ops.end(), k.ops.begin(), k.ops.end());
    for (std::size_t i : ops) {
      const Op& op = p.ops()[i];
      std::map<TensorId, HostTensor> args;
      for (TensorId t : op_inputs(op)) args[t] = local.count(t) ? local.at(t) : load(t);
      local[op_output(op)] = eval_op(p, op, args);
    }
    store(k.output, local.at(k.output));
  }
  std::vector<HostTensor> outs;
  for (TensorId t : p.outputs()) outs.push_back(load(t));
  return outs;
}

}  // namespace tartan::testing
