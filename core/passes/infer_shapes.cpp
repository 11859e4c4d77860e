#include "tartan/passes/infer_shapes.h"

#include "tartan/ir/bounds.h"
#include "tartan/ir/type_rules.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

[[noreturn]] void fail(const Program& p, std::size_t index, TensorId out, const std::string& why) {
  throw InternalError("infer_shapes: op " + std::to_string(index) + " (" + p.tensor(out).name +
                      "): " + why);
}

std::string type_str(DType dtype, const Shape& shape) {
  return std::string(dtype_name(dtype)) + shape_str(shape);
}

// The output type the rules give for `op`, for a program whose output tensor already exists.
TensorType derive(const Program& p, const Op& op) {
  const TensorInfo& out = p.tensor(op_output(op));
  struct Derive {
    const Program& p;
    const TensorInfo& out;
    TensorType operator()(const Contraction& c) const {
      const DType dtype = contraction_dtype(p, c, out.shape, out.name);
      derive_index_ranges(p, c);
      return {dtype, out.shape};
    }
    TensorType operator()(const Elementwise& e) const {
      return elementwise_type(p, e.op, e.inputs, out.dtype, out.name);
    }
    TensorType operator()(const Reshape& r) const {
      return reshape_type(p, r.input, out.shape, out.name);
    }
    TensorType operator()(const Gather& g) const {
      return gather_type(p, g.data, g.indices, out.name);
    }
    TensorType operator()(const IndexOf& i) const {
      return index_type(p, i.like, i.axis, out.name);
    }
    TensorType operator()(const Scan& s) const {
      infer_shapes(*s.body);  // passes rewrite bodies too
      return scan_type(p, s, out.name);
    }
  };
  return std::visit(Derive{p, out}, op);
}

}  // namespace

void infer_shapes(const Program& program) {
  const std::size_t n = program.tensors().size();
  std::vector<bool> defined(n, false);
  for (std::size_t t = 0; t < n; ++t) {
    defined[t] = program.tensors()[t].kind != TensorKind::kIntermediate;
  }
  for (std::size_t i = 0; i < program.ops().size(); ++i) {
    const Op& op = program.ops()[i];
    const TensorId out = op_output(op);
    if (out < 0 || static_cast<std::size_t>(out) >= n) {
      throw InternalError("infer_shapes: op " + std::to_string(i) + " writes no valid tensor");
    }
    for (TensorId in : op_inputs(op)) {
      if (in < 0 || static_cast<std::size_t>(in) >= n) fail(program, i, out, "reads no tensor");
      if (!defined[static_cast<std::size_t>(in)]) {
        fail(program, i, out, "reads " + program.tensor(in).name + " before it is written");
      }
    }
    if (defined[static_cast<std::size_t>(out)]) {
      fail(program, i, out, "writes a tensor that is already defined");
    }
    defined[static_cast<std::size_t>(out)] = true;
    if (program.producer(out) != &op) fail(program, i, out, "the producer index is stale");

    TensorType want;
    try {
      want = derive(program, op);
    } catch (const Error& e) {
      fail(program, i, out, e.what());
    }
    const TensorInfo& t = program.tensor(out);
    if (want.dtype != t.dtype || want.shape != t.shape) {
      fail(program, i, out,
           "is " + type_str(t.dtype, t.shape) + " but its inputs give " +
               type_str(want.dtype, want.shape));
    }
  }
  for (TensorId out : program.outputs()) {
    if (out < 0 || static_cast<std::size_t>(out) >= n || !defined[static_cast<std::size_t>(out)]) {
      throw InternalError("infer_shapes: a program output is never computed");
    }
  }
}

}  // namespace tartan
