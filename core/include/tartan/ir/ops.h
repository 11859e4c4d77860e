// The operations of a Program. Each op writes exactly one tensor (SSA).
//
//   Contraction  O[out idx : sizes] = agg(comb(inputs)), constraints [default D]
//   Elementwise  O = op(inputs...)       with NumPy broadcasting
//   Reshape      O = reshape(I, dims...) a view where the layout allows
//   Gather       O = gather(D, Idx)      O[i..., r...] = D[Idx[i...], r...]
//   IndexOf      O = index(T, axis)      int32 iota along `axis`, shaped like T
//   Scan         O = scan T (carried; sequences; invariants) last|stack R function ... { ... }
//                a loop: a body program run T times over loop-carried state
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tartan/ir/affine.h"

namespace tartan {

using TensorId = std::int32_t;

// Aggregation: how the values of all assignments that reach one output element combine.
enum class AggOp : std::uint8_t { kSum, kProd, kMax, kMin, kAssign };
// Combination: how the inputs of one assignment combine. kNone is the single-input form;
// kCond is `A == B ? C` (C where equal, else 0).
enum class CombOp : std::uint8_t { kNone, kMul, kAdd, kEq, kCond };

std::string_view agg_symbol(AggOp op);    // "+", "*", ">", "<", "="
std::string_view comb_symbol(CombOp op);  // "", "*", "+", "==", "?"
int comb_arity(CombOp op);                // 1, 2, 2, 2, 3

struct Access {
  TensorId tensor = -1;
  std::vector<Affine> indices;  // one per dimension of `tensor`
  bool operator==(const Access&) const = default;
};

// 0 <= expr < bound.
struct Constraint {
  Affine expr;
  std::int64_t bound = 0;
  bool operator==(const Constraint&) const = default;
};

struct Contraction {
  TensorId output = -1;
  std::vector<std::string> index_names;  // Affine variable k is index_names[k]
  std::vector<Affine> output_indices;
  AggOp agg = AggOp::kSum;
  CombOp comb = CombOp::kNone;
  std::vector<Access> inputs;  // comb_arity(comb) of them
  std::vector<Constraint> constraints;
  std::optional<TensorId> default_tensor;  // unreached elements come from here, else 0
  bool operator==(const Contraction&) const = default;
};

enum class EwOp : std::uint8_t {
  // arithmetic (binary unless noted)
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kNeg /*unary*/,
  kMin,
  kMax,
  kPow,
  // comparisons and logic: results are bool
  kEq,
  kNe,
  kLt,
  kGt,
  kLe,
  kGe,
  kAnd,
  kOr,
  kNot /*unary*/,
  // select(cond, a, b): `cond ? a : b`
  kSelect,
  // unary math
  kAbs,
  kExp,
  kLog,
  kSqrt,
  kTanh,
  kSigmoid,
  kRelu,
  kFloor,
  kCeil,
  kRound,
  kSin,
  kCos,
  kTan,
  kErf,  // the Gauss error function (ONNX Erf, exact GELU)
  // cast to the output tensor's dtype
  kCast,
  // copy (O = I)
  kIdentity,
};

struct EwOpInfo {
  std::string_view name;    // builtin name, as written in tile text ("add", "exp", ...)
  std::string_view symbol;  // infix/prefix symbol, or empty for function-call syntax
  int arity;
  bool bool_result;  // comparisons and logic
  bool float_only;   // exp, log, ...: integer inputs are promoted to float32
};
const EwOpInfo& ew_info(EwOp op);
std::optional<EwOp> ew_op_by_name(std::string_view name);  // builtin function names only

struct Elementwise {
  TensorId output = -1;
  EwOp op = EwOp::kIdentity;
  std::vector<TensorId> inputs;
  bool operator==(const Elementwise&) const = default;
};

struct Reshape {
  TensorId output = -1;
  TensorId input = -1;
  bool operator==(const Reshape&) const = default;
};

struct Gather {
  TensorId output = -1;
  TensorId data = -1;
  TensorId indices = -1;  // int32; out-of-range indices are clamped
  bool operator==(const Gather&) const = default;
};

struct IndexOf {
  TensorId output = -1;
  TensorId like = -1;
  int axis = 0;
  bool operator==(const IndexOf&) const = default;
};

class Program;

// A loop (jax.lax.scan's shape): `body` runs trip_count times. The body is a Program whose
// inputs are, in order: one per carried state (its value before the step), one per sequence
// (the step's slice, sequence[t] with the leading axis dropped) and one per invariant (the same
// tensor every step); its outputs are the carried states' values after the step, in order.
// Step 0 starts from `carried`. The scan writes carried state `result`: its final value, or,
// with `stacked`, its value after every step, [trip_count, ...]. One result per scan keeps
// every op single-output (SSA); the body cannot see tensors other than its inputs.
struct Scan {
  TensorId output = -1;
  std::shared_ptr<const Program> body;
  std::int64_t trip_count = 1;
  std::vector<TensorId> carried;     // initial values
  std::vector<TensorId> sequences;   // each [trip_count, ...]
  std::vector<TensorId> invariants;  // weights and other loop-invariant inputs
  int result = 0;
  bool stacked = false;
  bool operator==(const Scan& o) const;  // bodies compare structurally (programs_equal)
};

using Op = std::variant<Contraction, Elementwise, Reshape, Gather, IndexOf, Scan>;

TensorId op_output(const Op& op);
std::vector<TensorId> op_inputs(const Op& op);  // every tensor the op reads, in order
// Replaces every tensor the op reads (not its output) by f(tensor).
void remap_inputs(Op* op, const std::function<TensorId(TensorId)>& f);

}  // namespace tartan
