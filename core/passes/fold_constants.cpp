#include "tartan/passes/fold_constants.h"

#include "tartan/reference/executor.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

bool is_leaf_value(const TensorInfo& t) {
  return t.kind == TensorKind::kConstant || t.kind == TensorKind::kLiteral;
}

// A program holding copies of the op's (constant) inputs and the op itself, built through the
// checked add_* functions so the result type is re-derived, not copied. Names are local ("in3",
// "out"), so they cannot clash with the literals' fresh names.
Program one_op_program(const Program& p, const Op& op) {
  Program sub;
  std::vector<TensorId> map(p.tensors().size(), -1);
  for (TensorId in : op_inputs(op)) {
    auto& m = map[static_cast<std::size_t>(in)];
    if (m >= 0) continue;
    const TensorInfo& t = p.tensor(in);
    m = t.kind == TensorKind::kLiteral
            ? sub.add_literal(t.data->at(0), t.dtype)
            : sub.add_constant("in" + std::to_string(in), t.shape, t.data);
  }
  Op local = op;
  remap_inputs(&local, [&](TensorId t) { return map[static_cast<std::size_t>(t)]; });
  const TensorInfo& out = p.tensor(op_output(op));
  struct Add {
    Program& sub;
    const TensorInfo& out;
    TensorId operator()(const Contraction& c) const {
      return sub.add_contraction("out", out.shape, c);
    }
    TensorId operator()(const Elementwise& e) const {
      return sub.add_elementwise("out", e.op, e.inputs, out.dtype);
    }
    TensorId operator()(const Reshape& r) const {
      return sub.add_reshape("out", r.input, out.shape);
    }
    TensorId operator()(const Gather& g) const { return sub.add_gather("out", g.data, g.indices); }
    TensorId operator()(const IndexOf& i) const { return sub.add_index("out", i.like, i.axis); }
    TensorId operator()(const Scan& s) const { return sub.add_scan("out", s); }
  };
  sub.add_output(std::visit(Add{sub, out}, local));
  return sub;
}

}  // namespace

void fold_constants(Program* program) {
  // Folding an op can make its consumers foldable; they come later in program order, so one
  // forward sweep folds everything. Snapshot the outputs first: set_constant edits the op list.
  std::vector<TensorId> foldable;
  std::vector<bool> constant(program->tensors().size());
  for (std::size_t t = 0; t < constant.size(); ++t) {
    constant[t] = is_leaf_value(program->tensors()[t]);
  }
  for (const Op& op : program->ops()) {
    bool all = true;
    for (TensorId in : op_inputs(op)) all = all && constant[static_cast<std::size_t>(in)];
    if (!all) continue;
    foldable.push_back(op_output(op));
    constant[static_cast<std::size_t>(op_output(op))] = true;
  }
  for (TensorId id : foldable) {
    const Op* op = program->producer(id);
    TARTAN_CHECK(op != nullptr, "folded tensor lost its producer");
    const Program sub = one_op_program(*program, *op);
    const std::vector<HostTensor> result = reference_run(sub, {});
    const TensorInfo& t = program->tensor(id);
    TARTAN_CHECK(result.size() == 1 && result[0].dtype == t.dtype && result[0].shape == t.shape,
                 "folding " + t.name + " gave another type or shape");
    program->set_constant(id, ConstantData::from_doubles(t.dtype, result[0].values));
  }
}

}  // namespace tartan
