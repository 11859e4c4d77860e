// The typing rules of the IR: the dtype and shape of each op's output, derived from its inputs.
//
// Program::add_* build programs with these rules and the infer_shapes pass re-checks optimised
// programs with them, so both always agree. Each function throws Error on a user mistake
// (arity, rank, broadcast, sizes), naming the output `out_name`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tartan/ir/dtype.h"
#include "tartan/ir/ops.h"
#include "tartan/ir/shape.h"

namespace tartan {

class Program;

struct TensorType {
  DType dtype = DType::kFloat32;
  Shape shape;
  bool operator==(const TensorType&) const = default;
};

// The result type of combining `ids` under weak-literal promotion: literals take the type of
// the strong operands where it can hold them; a float literal with integer tensors gives float32.
DType combined_dtype(const Program& p, const std::vector<TensorId>& ids);

// A contraction's shape is declared (`shape`); this checks arity, ranks, variables and the
// default tensor, and returns the output dtype. Index ranges are checked by
// derive_index_ranges (tartan/ir/bounds.h), which needs the output tensor to exist.
DType contraction_dtype(const Program& p, const Contraction& c, const Shape& shape,
                        const std::string& out_name);
// `cast_to` is the target of kCast and ignored otherwise.
TensorType elementwise_type(const Program& p, EwOp op, const std::vector<TensorId>& inputs,
                            std::optional<DType> cast_to, const std::string& out_name);
TensorType reshape_type(const Program& p, TensorId input, const Shape& shape,
                        const std::string& out_name);
TensorType gather_type(const Program& p, TensorId data, TensorId indices,
                       const std::string& out_name);
TensorType index_type(const Program& p, TensorId like, int axis, const std::string& out_name);
// Checks the body's signature against the operands (core/ir/scan_rules.cpp).
TensorType scan_type(const Program& p, const Scan& s, const std::string& out_name);

// Every dimension at least 1.
void check_dims(const std::string& name, const Shape& shape);

}  // namespace tartan
