#include "src/node_context.h"

#include <onnx/onnx_pb.h>

#include "tartan/support/error.h"

namespace tartan::onnx {

NodeContext::NodeContext(const ::onnx::NodeProto& node, std::int64_t opset, Builder& builder,
                         std::vector<const Value*> inputs, std::string external_dir,
                         IndexUse index_use)
    : node_(node),
      opset_(opset),
      builder_(builder),
      inputs_(std::move(inputs)),
      external_dir_(std::move(external_dir)),
      index_use_(std::move(index_use)) {}

const std::string& NodeContext::op_type() const { return node_.op_type(); }

std::string NodeContext::where() const {
  const std::string name = node_.name().empty() ? node_.output(0) : node_.name();
  return "node '" + name + "' (" + node_.op_type() + ", opset " + std::to_string(opset_) + ")";
}

bool NodeContext::has_input(int i) const {
  return i >= 0 && i < num_inputs() && inputs_[static_cast<std::size_t>(i)] != nullptr;
}

const Value& NodeContext::value(int i) const {
  if (!has_input(i)) invalid("input " + std::to_string(i) + " is missing");
  return *inputs_[static_cast<std::size_t>(i)];
}

const std::string& NodeContext::input_name(int i) const { return node_.input(i); }

int NodeContext::num_outputs() const { return node_.output_size(); }

bool NodeContext::output_wanted(int k) const {
  return k < node_.output_size() && !node_.output(k).empty();
}

Tensor NodeContext::tensor(int i) { return value(i).logical(builder_, input_name(i)); }

Tensor NodeContext::tensor_in_layout(int i, const Perm& perm) {
  return value(i).in_layout(builder_, perm, {});
}

const HostConstant& NodeContext::constant(int i, const std::string& what) const {
  const Value& v = value(i);
  if (!v.is_host()) {
    unsupported(what + " '" + input_name(i) + "' is computed at run time",
                "tartan compiles static shapes: this operand must be an initializer, a Constant "
                "or computable from them and the input shapes at import");
  }
  return v.constant();
}

void NodeContext::note_index_use(int i, std::int64_t limit) const {
  if (has_input(i) && index_use_) index_use_(input_name(i), limit);
}

const ::onnx::AttributeProto* NodeContext::find_attr(const std::string& name) const {
  for (const auto& a : node_.attribute()) {
    if (a.name() == name) return &a;
  }
  return nullptr;
}

bool NodeContext::has_attr(const std::string& name) const { return find_attr(name) != nullptr; }

std::int64_t NodeContext::attr_int(const std::string& name, std::int64_t fallback) const {
  const auto* a = find_attr(name);
  return a ? a->i() : fallback;
}

float NodeContext::attr_float(const std::string& name, float fallback) const {
  const auto* a = find_attr(name);
  return a ? a->f() : fallback;
}

std::string NodeContext::attr_string(const std::string& name, const std::string& fallback) const {
  const auto* a = find_attr(name);
  return a ? a->s() : fallback;
}

std::vector<std::int64_t> NodeContext::attr_ints(const std::string& name,
                                                 std::vector<std::int64_t> fallback) const {
  const auto* a = find_attr(name);
  if (!a) return fallback;
  return {a->ints().begin(), a->ints().end()};
}

std::vector<float> NodeContext::attr_floats(const std::string& name,
                                            std::vector<float> fallback) const {
  const auto* a = find_attr(name);
  if (!a) return fallback;
  return {a->floats().begin(), a->floats().end()};
}

HostConstant NodeContext::attr_tensor(const std::string& name) const {
  const auto* a = find_attr(name);
  if (!a || !a->has_t()) invalid("attribute '" + name + "' (a tensor) is missing");
  return read_tensor_proto(a->t(), external_dir_, where() + " attribute '" + name + "'");
}

void NodeContext::unsupported(const std::string& what, const std::string& supported) const {
  throw Error(where() + ": unsupported: " + what, supported);
}

void NodeContext::invalid(const std::string& what) const {
  throw Error(where() + ": invalid model: " + what,
              "the node breaks the ONNX operator's specification; re-export the model");
}

int NodeContext::axis(std::int64_t axis, int rank) const {
  const std::int64_t a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= std::max(rank, 1)) {
    invalid("axis " + std::to_string(axis) + " is outside a rank-" + std::to_string(rank) +
            " tensor");
  }
  return static_cast<int>(a);
}

}  // namespace tartan::onnx
