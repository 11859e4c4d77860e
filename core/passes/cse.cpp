#include "tartan/passes/cse.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tartan/lang/parse.h"

namespace tartan {

namespace {

bool commutative(EwOp op) {
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kMul:
    case EwOp::kMin:
    case EwOp::kMax:
    case EwOp::kEq:
    case EwOp::kNe:
    case EwOp::kAnd:
    case EwOp::kOr:
      return true;
    default:
      return false;
  }
}

std::string affine_key(const Affine& a) {
  std::string s = "(";
  for (const auto& [v, c] : a.terms()) s += std::to_string(v) + ":" + std::to_string(c) + ",";
  return s + std::to_string(a.constant_term()) + "/" + std::to_string(a.denom()) + ")";
}

// Everything that determines the op's value, with inputs already canonical. The output's
// dtype and shape are part of it: casts and contractions declare them.
std::string structural_key(const Program& p, const Op& op) {
  const TensorInfo& out = p.tensor(op_output(op));
  std::string key = std::to_string(op.index()) + "|" + std::string(dtype_name(out.dtype)) +
                    shape_str(out.shape) + "|";
  if (const auto* c = std::get_if<Contraction>(&op)) {
    key += std::to_string(static_cast<int>(c->agg)) + "," +
           std::to_string(static_cast<int>(c->comb)) + "," + std::to_string(c->index_names.size()) +
           "|";
    for (const Affine& a : c->output_indices) key += affine_key(a);
    for (const Access& a : c->inputs) {
      key += "|" + std::to_string(a.tensor);
      for (const Affine& e : a.indices) key += affine_key(e);
    }
    for (const Constraint& k : c->constraints) {
      key += "|" + affine_key(k.expr) + "<" + std::to_string(k.bound);
    }
    if (c->default_tensor) key += "|d" + std::to_string(*c->default_tensor);
    return key;
  }
  if (const auto* e = std::get_if<Elementwise>(&op)) {
    std::vector<TensorId> in = e->inputs;
    if (commutative(e->op)) std::sort(in.begin(), in.end());
    key += std::to_string(static_cast<int>(e->op));
    for (TensorId t : in) key += "," + std::to_string(t);
    return key;
  }
  if (const auto* i = std::get_if<IndexOf>(&op)) key += "axis" + std::to_string(i->axis);
  if (const auto* s = std::get_if<Scan>(&op)) {
    // The groups' sizes, the mode and the whole body, weight values included.
    key += std::to_string(s->trip_count) + "," + std::to_string(s->carried.size()) + "," +
           std::to_string(s->sequences.size()) + "," + std::to_string(s->result) +
           (s->stacked ? "s" : "l") + "|" + print_program(*s->body);
    for (const TensorInfo& t : s->body->tensors()) {
      if (t.kind != TensorKind::kConstant) continue;
      key.append(reinterpret_cast<const char*>(t.data->bytes().data()), t.data->bytes().size());
    }
  }
  for (TensorId t : op_inputs(op)) key += "," + std::to_string(t);  // Reshape, Gather, IndexOf
  return key;
}

// Constants and literals with equal kind, type, shape and bytes map to the first of them.
// The kind matters: a literal is weakly typed, a constant is not.
// Keyed by a hash of the bytes (a network's weights are megabytes: copying them into keys
// cost more than the rest of the pipeline), with the bytes compared on a hash match. Only the
// leaves something reads: the weights fold_batch_norm replaced by scaled copies are dead until
// dce, and hashing them would double the bytes hashed.
void merge_leaves(const Program& p, std::vector<TensorId>* canon) {
  std::vector<bool> read(p.tensors().size(), false);
  for (const Op& op : p.ops()) {
    for (TensorId t : op_inputs(op)) read[static_cast<std::size_t>(t)] = true;
  }
  for (TensorId t : p.outputs()) read[static_cast<std::size_t>(t)] = true;
  std::map<std::string, std::vector<TensorId>> candidates;
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    const TensorInfo& info = p.tensors()[t];
    if (info.kind != TensorKind::kConstant && info.kind != TensorKind::kLiteral) continue;
    if (!read[t]) continue;
    const auto& bytes = info.data->bytes();
    const std::size_t hash = std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    const std::string key = std::to_string(static_cast<int>(info.kind)) +
                            std::string(dtype_name(info.dtype)) + shape_str(info.shape) + "#" +
                            std::to_string(hash);
    std::vector<TensorId>& same_key = candidates[key];
    const auto equal = std::find_if(same_key.begin(), same_key.end(),
                                    [&](TensorId o) { return *p.tensor(o).data == *info.data; });
    if (equal != same_key.end()) {
      (*canon)[t] = *equal;
    } else {
      same_key.push_back(static_cast<TensorId>(t));
    }
  }
}

}  // namespace

void cse(Program* program) {
  std::vector<TensorId> canon(program->tensors().size());
  for (std::size_t t = 0; t < canon.size(); ++t) canon[t] = static_cast<TensorId>(t);
  merge_leaves(*program, &canon);
  const auto remap = [&](TensorId t) { return canon[static_cast<std::size_t>(t)]; };

  std::map<std::string, TensorId> seen;
  std::vector<Op> kept;
  for (Op op : program->ops()) {
    remap_inputs(&op, remap);
    const TensorId out = op_output(op);
    const auto [it, inserted] = seen.emplace(structural_key(*program, op), out);
    if (inserted) {
      kept.push_back(std::move(op));
    } else {
      canon[static_cast<std::size_t>(out)] = it->second;
    }
  }
  program->set_ops(std::move(kept));
  for (std::size_t t = 0; t < canon.size(); ++t) {
    if (canon[t] != static_cast<TensorId>(t)) {
      program->replace_uses(static_cast<TensorId>(t), canon[t]);  // program outputs
    }
  }
}

}  // namespace tartan
