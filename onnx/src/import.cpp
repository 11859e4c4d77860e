// import_model: binds the graph's inputs, turns initializers into host constants, converts
// the nodes in order (folding those whose inputs are all known at import) and marks outputs.
#include <onnx/onnx_pb.h>

#include <algorithm>
#include <map>
#include <set>

#include "src/inferred_shapes.h"
#include "src/model_file.h"
#include "src/registry.h"
#include "tartan/onnx/model.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"

namespace tartan::onnx {

namespace {

using ::onnx::GraphProto;
using ::onnx::NodeProto;
using ::onnx::ValueInfoProto;

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

std::string dims_flag(const Shape& dims) {
  std::string s;
  for (const auto d : dims) s += (s.empty() ? "" : ",") + std::to_string(d);
  return s;
}

// The concrete shape of a graph input: the model's fixed dimensions, the bindings for the
// symbolic ones.
Shape bind_shape(const ValueInfoProto& vi, const ImportOptions& options) {
  const std::string& name = vi.name();
  const auto& dims = vi.type().tensor_type().shape().dim();
  const auto whole = options.shapes.find(name);
  if (whole != options.shapes.end() &&
      whole->second.size() != static_cast<std::size_t>(dims.size())) {
    throw Error("--shape " + name + "=" + dims_flag(whole->second) + " has rank " +
                    std::to_string(whole->second.size()) + " but input '" + name + "' has rank " +
                    std::to_string(dims.size()),
                "give one size per dimension");
  }
  Shape shape;
  for (int d = 0; d < dims.size(); ++d) {
    const auto& dim = dims[d];
    if (dim.has_dim_value() && dim.dim_value() == 0) {
      throw Error(
          "unsupported: input '" + name + "' dimension " + std::to_string(d) + " has size 0",
          "tartan has no empty tensors");
    }
    if (dim.has_dim_value()) {
      if (whole != options.shapes.end() && whole->second[d] != dim.dim_value()) {
        throw Error("--shape " + name + "=" + dims_flag(whole->second) + " sets dimension " +
                        std::to_string(d) + " to " + std::to_string(whole->second[d]) +
                        " but the model fixes it at " + std::to_string(dim.dim_value()),
                    "only symbolic dimensions can be bound");
      }
      shape.push_back(dim.dim_value());
      continue;
    }
    std::optional<std::int64_t> bound;
    if (whole != options.shapes.end()) bound = whole->second[d];
    if (!bound && dim.has_dim_param()) {
      const auto it = options.dims.find(dim.dim_param());
      if (it != options.dims.end()) bound = it->second;
    }
    if (!bound && d == 0) bound = options.batch;
    if (!bound) {
      const std::string label = dim.has_dim_param() ? " ('" + dim.dim_param() + "')" : " (unnamed)";
      throw Error("input '" + name + "' dimension " + std::to_string(d) + label +
                      " is symbolic and not bound",
                  "bind it with --shape " + name + "=... (one size per dimension)" +
                      (d == 0 ? " or --batch-size" : ""));
    }
    if (*bound < 1) {
      throw Error("input '" + name + "' dimension " + std::to_string(d) + " bound to " +
                      std::to_string(*bound),
                  "sizes must be positive");
    }
    shape.push_back(*bound);
  }
  return shape;
}

class Importer {
 public:
  Importer(ModelFile& file, const ImportOptions& options)
      : file_(file),
        options_(options),
        external_dir_(options.external_data_dir.empty() ? file.dir : options.external_data_dir) {}

  ImportedModel run();

 private:
  void add_initializers(ImportedModel& m);
  void add_inputs(ImportedModel& m);
  void convert(const NodeProto& node);
  std::vector<Value> fold(const ConverterEntry& entry, const NodeProto& node,
                          const std::vector<const Value*>& inputs);
  NodeContext context(const NodeProto& node, Builder& b, const std::vector<const Value*>& inputs);

  ModelFile& file_;
  const ImportOptions& options_;
  std::string external_dir_;
  Builder builder_;
  std::map<std::string, Value> values_;
  std::optional<InferredShapes> inferred_;
  std::map<std::string, std::int64_t> index_limits_;  // graph inputs used as indices
};

void Importer::add_initializers(ImportedModel& m) {
  for (const auto& init : file_.proto.graph().initializer()) {
    HostConstant c = read_tensor_proto(init, external_dir_, "initializer '" + init.name() + "'");
    if (c.elem_type == ::onnx::TensorProto::FLOAT || c.elem_type == ::onnx::TensorProto::FLOAT16) {
      m.parameters += c.size();
    }
    values_.insert_or_assign(init.name(), Value::host(std::move(c)));
  }
}

void Importer::add_inputs(ImportedModel& m) {
  const GraphProto& g = file_.proto.graph();
  std::vector<std::string> names;
  for (const auto& vi : g.input()) {
    if (!values_.contains(vi.name())) names.push_back(vi.name());
  }
  for (const auto& [name, _] : options_.shapes) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw Error("--shape names '" + name + "', which is not an input of the model",
                  "the inputs are: " + join(names));
    }
  }
  for (const auto& vi : g.input()) {
    if (values_.contains(vi.name())) continue;  // an initializer listed as an input (IR < 4)
    if (!vi.type().has_tensor_type()) {
      throw Error(
          "unsupported: input '" + vi.name() + "' is not a tensor (a sequence, map or optional)",
          "tartan imports models whose inputs are tensors");
    }
    const int elem = vi.type().tensor_type().elem_type();
    const std::optional<DType> dtype = program_dtype(elem);
    if (!dtype) {
      throw Error("unsupported: input '" + vi.name() + "' is " + elem_type_name(elem),
                  "tartan's inputs are float, float16, bool or integer (int64 held as int32)");
    }
    const Shape shape = bind_shape(vi, options_);
    const auto fixed = options_.constant_inputs.find(vi.name());
    if (fixed != options_.constant_inputs.end()) {
      if (fixed->second.shape != shape) {
        throw Error("constant input '" + vi.name() + "' has shape " +
                    shape_str(fixed->second.shape) + " but the model declares " + shape_str(shape));
      }
      values_.insert_or_assign(vi.name(),
                               Value::host(HostConstant{elem, shape, fixed->second.values}));
      continue;
    }
    const Tensor t = builder_.input(vi.name(), *dtype, shape);
    values_.insert_or_assign(vi.name(), Value::device(t, {}, elem));
    m.inputs.push_back({vi.name(), elem_type_name(elem), *dtype, shape, std::nullopt});
  }
}

NodeContext Importer::context(const NodeProto& node, Builder& b,
                              const std::vector<const Value*>& inputs) {
  return NodeContext(node, file_.opset, b, inputs, external_dir_,
                     [this](const std::string& name, std::int64_t limit) {
                       auto [it, fresh] = index_limits_.try_emplace(name, limit);
                       if (!fresh) it->second = std::min(it->second, limit);
                     });
}

// Runs the converter on a scratch Builder whose only tensors are the node's constant inputs,
// and evaluates what it built with the reference executor.
std::vector<Value> Importer::fold(const ConverterEntry& entry, const NodeProto& node,
                                  const std::vector<const Value*>& inputs) {
  Builder scratch;
  // The inputs outlive `scratch`: none may keep a tensor of it (see Value::logical's cache).
  struct ForgetScratch {
    const std::vector<const Value*>& values;
    ~ForgetScratch() {
      for (const Value* v : values) {
        if (v) v->forget_cached_tensor();
      }
    }
  } forget{inputs};
  NodeContext ctx = context(node, scratch, inputs);
  std::vector<Value> outs = entry.convert(ctx);
  std::vector<std::size_t> computed;
  for (std::size_t k = 0; k < outs.size(); ++k) {
    if (outs[k].is_host()) continue;
    scratch.output(scratch.elementwise(EwOp::kIdentity, {outs[k].logical(scratch, {})}));
    computed.push_back(k);
  }
  if (computed.empty()) return outs;
  const Program p = scratch.build();
  const std::vector<HostTensor> results = reference_run(p, {});
  for (std::size_t r = 0; r < computed.size(); ++r) {
    Value& v = outs[computed[r]];
    v = Value::host(HostConstant{v.elem_type(), results[r].shape, results[r].values});
  }
  return outs;
}

void Importer::convert(const NodeProto& node) {
  const std::string where = "node '" + (node.name().empty() ? node.output(0) : node.name()) +
                            "' (" + node.op_type() + ")";
  if (!node.domain().empty() && node.domain() != "ai.onnx") {
    throw Error(where + ": unsupported: operator " + node.domain() + "." + node.op_type() +
                    " of domain '" + node.domain() + "'",
                "tartan imports operators of the standard ai.onnx domain");
  }
  const ConverterEntry* entry = Registry::instance().find(node.op_type());
  if (!entry) {
    throw Error(where + ": unsupported: operator " + node.op_type() + " (opset " +
                    std::to_string(file_.opset) + ")",
                "tartan-bench onnx MODEL --list-ops lists the model's operators and which are "
                "supported");
  }
  if (file_.opset < entry->min_opset || file_.opset > entry->max_opset) {
    throw Error(
        where + ": unsupported: " + node.op_type() + " at opset " + std::to_string(file_.opset),
        "tartan maps " + node.op_type() + " for opsets " + std::to_string(entry->min_opset) +
            " to " + std::to_string(entry->max_opset));
  }
  std::vector<const Value*> inputs;
  bool all_known = true;
  for (const auto& name : node.input()) {
    if (name.empty()) {
      inputs.push_back(nullptr);
      continue;
    }
    const auto it = values_.find(name);
    if (it == values_.end()) {
      throw Error(where + ": unsupported: input '" + name +
                      "' is an optional output that tartan does not produce",
                  "only the outputs of an operator that tartan maps can be used");
    }
    inputs.push_back(&it->second);
    all_known = all_known && it->second.is_host();
  }
  std::vector<Value> outs;
  if (all_known) {
    outs = fold(*entry, node, inputs);
  } else {
    NodeContext ctx = context(node, builder_, inputs);
    outs = entry->convert(ctx);
  }
  TARTAN_CHECK(static_cast<int>(outs.size()) <= node.output_size(),
               where + ": the converter returned more outputs than the node has");
  for (std::size_t k = 0; k < outs.size(); ++k) {
    const std::string& name = node.output(static_cast<int>(k));
    if (name.empty()) continue;
    const std::optional<Shape> inferred = inferred_ ? inferred_->find(name) : std::nullopt;
    if (inferred && *inferred != outs[k].shape()) {
      throw InternalError(where + ": output '" + name + "' is " + shape_str(outs[k].shape()) +
                          " but ONNX's shape inference says " + shape_str(*inferred));
    }
    values_.insert_or_assign(name, std::move(outs[k]));
  }
}

ImportedModel Importer::run() {
  ImportedModel m;
  const GraphProto& g = file_.proto.graph();
  m.opset = file_.opset;
  m.producer = file_.proto.producer_name() +
               (file_.proto.producer_version().empty() ? "" : " " + file_.proto.producer_version());
  m.graph_name = g.name();
  add_initializers(m);
  add_inputs(m);
  std::map<std::string, Shape> bound;
  for (const ModelInput& in : m.inputs) bound[in.name] = in.shape;
  for (const auto& [name, t] : options_.constant_inputs) bound[name] = t.shape;
  inferred_.emplace(file_.proto, bound);
  for (const auto& node : g.node()) convert(node);
  for (const auto& out : g.output()) {
    const auto it = values_.find(out.name());
    if (it == values_.end()) {
      throw Error("output '" + out.name() + "' is not computed by the graph");
    }
    const Value& v = it->second;
    if (!out.type().has_tensor_type()) {
      throw Error("unsupported: output '" + out.name() + "' is not a tensor",
                  "tartan's outputs are tensors (no sequences, maps or optionals)");
    }
    const int declared = out.type().tensor_type().elem_type();
    if (!program_dtype(declared)) {
      throw Error("unsupported: output '" + out.name() + "' is " + elem_type_name(declared),
                  "tartan's outputs are float, float16, bool or integer (int64 held as int32)");
    }
    Tensor t = v.logical(builder_, out.name());
    // A Program output is a computed tensor of its own: a constant, an input or a value that
    // is already an output gets a copy.
    if (builder_.program().producer(t.id()) == nullptr ||
        std::count(builder_.program().outputs().begin(), builder_.program().outputs().end(),
                   t.id()) > 0) {
      t = builder_.elementwise(EwOp::kIdentity, {t});
    }
    builder_.output(t);
    m.outputs.push_back({out.name(), elem_type_name(v.elem_type()), t.dtype(), t.shape()});
  }
  for (ModelInput& in : m.inputs) {
    const auto it = index_limits_.find(in.name);
    if (it != index_limits_.end()) in.index_limit = it->second;
  }
  m.program = builder_.build();
  return m;
}

}  // namespace

ImportedModel import_model(const std::string& path, const ImportOptions& options) {
  ModelFile file = read_model_file(path, /*check=*/true);
  return Importer(file, options).run();
}

}  // namespace tartan::onnx
