// The typing rule of Scan: the body's signature must match the operands exactly (carried
// states keep their dtype and shape across steps, so the loop is well-typed at every step).
#include <limits>

#include "tartan/ir/program.h"
#include "tartan/ir/type_rules.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

std::string type_str(DType dtype, const Shape& shape) {
  return std::string(dtype_name(dtype)) + shape_str(shape);
}

// Body tensor `inner` must have exactly `dtype` and `shape`.
void require_type(const std::string& where, const std::string& what, const TensorInfo& inner,
                  DType dtype, const Shape& shape) {
  if (inner.dtype != dtype || inner.shape != shape) {
    throw Error(where + what + " is " + type_str(dtype, shape) + " but the body's " + inner.name +
                    " is " + type_str(inner.dtype, inner.shape),
                "make the body's inputs and outputs match the scan's operands in type and "
                "shape (a sequence's step slice drops its leading axis)");
  }
}

}  // namespace

TensorType scan_type(const Program& p, const Scan& s, const std::string& out_name) {
  const std::string where = "in the scan for " + out_name + ": ";
  TARTAN_CHECK(s.body != nullptr, "scan without a body");
  const Program& body = *s.body;
  if (s.trip_count < 1 || s.trip_count > std::numeric_limits<std::int32_t>::max()) {
    throw Error(where + "the trip count is " + std::to_string(s.trip_count),
                "a scan runs its body between 1 and 2^31 - 1 times");
  }
  if (s.carried.empty()) {
    throw Error(where + "there is no carried state", "a scan carries at least one tensor");
  }
  const std::size_t n_in = s.carried.size() + s.sequences.size() + s.invariants.size();
  if (body.inputs().size() != n_in) {
    throw Error(where + "the body takes " + std::to_string(body.inputs().size()) +
                    " inputs but the scan passes " + std::to_string(n_in) + " (" +
                    std::to_string(s.carried.size()) + " carried, " +
                    std::to_string(s.sequences.size()) + " sequences, " +
                    std::to_string(s.invariants.size()) + " invariants)",
                "give the body one input per carried state, sequence and invariant, in that "
                "order");
  }
  if (body.outputs().size() != s.carried.size()) {
    throw Error(where + "the body returns " + std::to_string(body.outputs().size()) +
                    " tensor(s) but the scan carries " + std::to_string(s.carried.size()),
                "return the next value of every carried state, in order");
  }
  std::size_t next = 0;
  for (std::size_t k = 0; k < s.carried.size(); ++k) {
    const TensorInfo& init = p.tensor(s.carried[k]);
    const std::string what = "carried state " + std::to_string(k) + " (" + init.name + ")";
    require_type(where, what, body.tensor(body.inputs()[next++]), init.dtype, init.shape);
    require_type(where, what, body.tensor(body.outputs()[k]), init.dtype, init.shape);
  }
  for (TensorId seq : s.sequences) {
    const TensorInfo& t = p.tensor(seq);
    if (t.shape.empty() || t.shape[0] != s.trip_count) {
      throw Error(where + "sequence " + t.name + " has shape " + shape_str(t.shape) +
                      " but the scan runs " + std::to_string(s.trip_count) + " steps",
                  "a sequence's leading axis is the step: its size must be the trip count");
    }
    const Shape slice(t.shape.begin() + 1, t.shape.end());
    require_type(where, "the step slice of sequence " + t.name, body.tensor(body.inputs()[next++]),
                 t.dtype, slice);
  }
  for (TensorId inv : s.invariants) {
    const TensorInfo& t = p.tensor(inv);
    require_type(where, "invariant " + t.name, body.tensor(body.inputs()[next++]), t.dtype,
                 t.shape);
  }
  if (s.result < 0 || static_cast<std::size_t>(s.result) >= s.carried.size()) {
    throw Error(where + "the result is carried state " + std::to_string(s.result) + " of " +
                    std::to_string(s.carried.size()),
                "return one of the carried states");
  }
  const TensorInfo& r = p.tensor(s.carried[static_cast<std::size_t>(s.result)]);
  Shape shape = r.shape;
  if (s.stacked) shape.insert(shape.begin(), s.trip_count);
  return {r.dtype, shape};
}

}  // namespace tartan
