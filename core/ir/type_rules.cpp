#include "tartan/ir/type_rules.h"

#include "tartan/ir/program.h"
#include "tartan/support/error.h"

namespace tartan {

void check_dims(const std::string& name, const Shape& shape) {
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] <= 0) {
      throw Error("dimension " + std::to_string(d) + " of " + name + " is " +
                      std::to_string(shape[d]) + " in shape " + shape_str(shape),
                  "every dimension must be at least 1");
    }
  }
}

DType combined_dtype(const Program& p, const std::vector<TensorId>& ids) {
  std::optional<DType> strong;
  DType all = DType::kBool;
  bool float_literal = false;
  for (TensorId id : ids) {
    const TensorInfo& t = p.tensor(id);
    all = promote(all, t.dtype);
    if (t.kind == TensorKind::kLiteral) {
      float_literal |= is_float(t.dtype);
    } else {
      strong = strong ? promote(*strong, t.dtype) : t.dtype;
    }
  }
  if (!strong) return all;
  if (float_literal && !is_float(*strong)) return DType::kFloat32;
  return *strong;
}

DType contraction_dtype(const Program& p, const Contraction& c, const Shape& shape,
                        const std::string& out_name) {
  check_dims(out_name, shape);
  const std::string where = "in the contraction for " + out_name + ": ";
  if (static_cast<int>(c.inputs.size()) != comb_arity(c.comb)) {
    throw Error(where + "the combination " + std::string(comb_symbol(c.comb)) + " takes " +
                std::to_string(comb_arity(c.comb)) + " inputs, got " +
                std::to_string(c.inputs.size()));
  }
  if (c.output_indices.size() != shape.size()) {
    throw Error(where + "the output has " + std::to_string(c.output_indices.size()) +
                " indices but " + std::to_string(shape.size()) + " sizes");
  }
  const auto check_vars = [&](const Affine& a) {
    for (const auto& [v, coeff] : a.terms()) {
      TARTAN_CHECK(v >= 0 && static_cast<std::size_t>(v) < c.index_names.size(),
                   "affine variable out of range");
    }
  };
  for (const Affine& a : c.output_indices) check_vars(a);
  std::vector<TensorId> input_ids;
  for (const Access& a : c.inputs) {
    const TensorInfo& t = p.tensor(a.tensor);
    if (a.indices.size() != t.shape.size()) {
      throw Error(where + t.name + " has rank " + std::to_string(t.shape.size()) +
                      " but is indexed with " + std::to_string(a.indices.size()) + " indices",
                  "write one index expression per dimension of " + t.name);
    }
    for (const Affine& e : a.indices) check_vars(e);
    input_ids.push_back(a.tensor);
  }
  for (const Constraint& k : c.constraints) check_vars(k.expr);

  DType dtype;
  switch (c.comb) {
    case CombOp::kEq:
      dtype = DType::kBool;
      break;
    case CombOp::kCond:
      dtype = combined_dtype(p, {input_ids[2]});
      break;
    default:
      dtype = combined_dtype(p, input_ids);
      break;
  }
  if (dtype == DType::kBool && (c.agg == AggOp::kSum || c.agg == AggOp::kProd)) {
    dtype = DType::kInt32;
  }
  if (c.default_tensor) {
    const TensorInfo& d = p.tensor(*c.default_tensor);
    if (d.shape != shape) {
      throw Error(where + "the default " + d.name + " has shape " + shape_str(d.shape) +
                      " but the output has shape " + shape_str(shape),
                  "a default tensor must have the output's shape");
    }
  }
  return dtype;
}

TensorType elementwise_type(const Program& p, EwOp op, const std::vector<TensorId>& inputs,
                            std::optional<DType> cast_to, const std::string& out_name) {
  const EwOpInfo& info = ew_info(op);
  if (static_cast<int>(inputs.size()) != info.arity) {
    throw Error(std::string(info.name) + " takes " + std::to_string(info.arity) +
                " argument(s), got " + std::to_string(inputs.size()));
  }
  Shape shape;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const TensorInfo& t = p.tensor(inputs[i]);
    if (i == 0) {
      shape = t.shape;
    } else if (!broadcast_shapes(shape, t.shape, &shape)) {
      throw Error("in " + out_name + " = " + std::string(info.name) + "(...): shapes " +
                      shape_str(shape) + " and " + shape_str(t.shape) + " of " + t.name +
                      " do not broadcast",
                  "sizes must match or be 1, aligned from the last dimension (NumPy rules)");
    }
  }
  DType dtype;
  if (op == EwOp::kCast) {
    TARTAN_CHECK(cast_to.has_value(), "cast without a target type");
    dtype = *cast_to;
  } else if (info.bool_result) {
    dtype = DType::kBool;
  } else if (op == EwOp::kSelect) {
    dtype = combined_dtype(p, {inputs[1], inputs[2]});
  } else {
    dtype = combined_dtype(p, inputs);
    if (info.float_only && !is_float(dtype)) dtype = DType::kFloat32;
  }
  return {dtype, std::move(shape)};
}

TensorType reshape_type(const Program& p, TensorId input, const Shape& shape,
                        const std::string& out_name) {
  check_dims(out_name, shape);
  const TensorInfo& in = p.tensor(input);
  if (num_elements(in.shape) != num_elements(shape)) {
    throw Error("reshape of " + in.name + " from " + shape_str(in.shape) + " (" +
                    std::to_string(num_elements(in.shape)) + " elements) to " + shape_str(shape) +
                    " (" + std::to_string(num_elements(shape)) + " elements)",
                "a reshape keeps the number of elements");
  }
  return {in.dtype, shape};
}

TensorType gather_type(const Program& p, TensorId data, TensorId indices,
                       const std::string& /*out_name*/) {
  const TensorInfo& d = p.tensor(data);
  const TensorInfo& idx = p.tensor(indices);
  if (d.shape.empty()) throw Error("gather from the scalar " + d.name, "gather needs rank >= 1");
  if (idx.dtype != DType::kInt32) {
    throw Error("gather indices " + idx.name + " are " + std::string(dtype_name(idx.dtype)),
                "cast them with as_int(" + idx.name + ", 32)");
  }
  Shape shape = idx.shape;
  shape.insert(shape.end(), d.shape.begin() + 1, d.shape.end());
  return {d.dtype, std::move(shape)};
}

TensorType index_type(const Program& p, TensorId like, int axis, const std::string& /*out_name*/) {
  const TensorInfo& t = p.tensor(like);
  if (axis < 0 || axis >= static_cast<int>(t.shape.size())) {
    throw Error("index(" + t.name + ", " + std::to_string(axis) + "): axis out of range for rank " +
                    std::to_string(t.shape.size()),
                "the axis must be between 0 and rank - 1");
  }
  return {DType::kInt32, t.shape};
}

}  // namespace tartan
