#include "tartan/passes/to_float16.h"

#include "tartan/support/error.h"

namespace tartan {
namespace {

DType half_of(DType t) { return t == DType::kFloat32 ? DType::kFloat16 : t; }

// Generated names ("_T12") are generated afresh, so they cannot collide with the literals'.
std::string kept_name(const std::string& name) { return name.rfind("_T", 0) == 0 ? "" : name; }

std::vector<double> constant_values(const ConstantData& data) {
  std::vector<double> values(data.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = data.at(i);
  return values;
}

}  // namespace

Program to_float16(const Program& program) {
  Program out;
  std::vector<TensorId> map(program.tensors().size(), -1);
  const auto at = [&](TensorId t) {
    const TensorId m = map[static_cast<std::size_t>(t)];
    TARTAN_CHECK(m >= 0, "to_float16: a tensor is read before it is defined");
    return m;
  };
  for (TensorId id : program.inputs()) {
    const TensorInfo& t = program.tensor(id);
    map[static_cast<std::size_t>(id)] = out.add_input(t.name, half_of(t.dtype), t.shape);
  }
  for (std::size_t id = 0; id < program.tensors().size(); ++id) {
    const TensorInfo& t = program.tensors()[id];
    if (t.kind == TensorKind::kConstant) {
      map[id] = out.add_constant(
          t.name, t.shape,
          t.dtype == DType::kFloat32
              ? ConstantData::from_doubles(DType::kFloat16, constant_values(*t.data))
              : t.data);
    } else if (t.kind == TensorKind::kLiteral) {
      map[id] = out.add_literal(t.data->at(0), t.dtype);
    }
  }
  for (const Op& original : program.ops()) {
    Op op = original;
    remap_inputs(&op, at);
    const TensorInfo& result = program.tensor(op_output(original));
    const std::string name = kept_name(result.name);
    TensorId id = -1;
    if (auto* c = std::get_if<Contraction>(&op)) {
      id = out.add_contraction(name, result.shape, *c);
    } else if (auto* e = std::get_if<Elementwise>(&op)) {
      std::optional<DType> cast_to;
      if (e->op == EwOp::kCast) cast_to = half_of(result.dtype);
      id = out.add_elementwise(name, e->op, e->inputs, cast_to);
    } else if (auto* r = std::get_if<Reshape>(&op)) {
      id = out.add_reshape(name, r->input, result.shape);
    } else if (auto* g = std::get_if<Gather>(&op)) {
      id = out.add_gather(name, g->data, g->indices);
    } else if (auto* i = std::get_if<IndexOf>(&op)) {
      id = out.add_index(name, i->like, i->axis);
    }
    if (out.tensor(id).dtype == DType::kFloat32) {
      id = out.add_elementwise("", EwOp::kCast, {id}, DType::kFloat16);
    }
    TARTAN_CHECK(
        out.tensor(id).dtype == half_of(result.dtype),
        "to_float16: " + result.name + " became " + std::string(dtype_name(out.tensor(id).dtype)));
    map[static_cast<std::size_t>(op_output(original))] = id;
  }
  for (TensorId o : program.outputs()) out.add_output(at(o));
  return out;
}

}  // namespace tartan
