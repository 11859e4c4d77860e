// What a converter sees of one ONNX node: its attributes, its input values, the Builder its
// results go into, and the errors it raises.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "src/value.h"

namespace onnx {
class NodeProto;
class AttributeProto;
}  // namespace onnx

namespace tartan::onnx {

class NodeContext {
 public:
  // Called for each integer input that is used as indices into a dimension of `limit`
  // elements (the importer records it for the model's integer inputs).
  using IndexUse = std::function<void(const std::string& value_name, std::int64_t limit)>;

  NodeContext(const ::onnx::NodeProto& node, std::int64_t opset, Builder& builder,
              std::vector<const Value*> inputs, std::string external_dir, IndexUse index_use);

  const ::onnx::NodeProto& node() const { return node_; }
  const std::string& op_type() const;
  std::int64_t opset() const { return opset_; }
  Builder& builder() { return builder_; }
  // "node 'conv1' (Conv, opset 13)", the prefix of every message about this node.
  std::string where() const;

  // Inputs: ONNX allows empty names for omitted optional inputs.
  int num_inputs() const { return static_cast<int>(inputs_.size()); }
  bool has_input(int i) const;
  const Value& value(int i) const;  // throws Error when absent
  const std::string& input_name(int i) const;
  // Outputs the node declares, and whether output k is named (wanted by the model).
  int num_outputs() const;
  bool output_wanted(int k) const;
  // The input as a Program tensor in logical order (constants become Program constants).
  Tensor tensor(int i);
  // The input in physical layout `perm` (see Value::in_layout).
  Tensor tensor_in_layout(int i, const Perm& perm);
  // The input's values, which must be known at import (an initializer, a Constant, a folded
  // shape computation); `what` says which operand it is ("the target shape").
  const HostConstant& constant(int i, const std::string& what) const;
  void note_index_use(int i, std::int64_t limit) const;

  // Attributes, with defaults where ONNX has them.
  bool has_attr(const std::string& name) const;
  std::int64_t attr_int(const std::string& name, std::int64_t fallback) const;
  float attr_float(const std::string& name, float fallback) const;
  std::string attr_string(const std::string& name, const std::string& fallback) const;
  std::vector<std::int64_t> attr_ints(const std::string& name,
                                      std::vector<std::int64_t> fallback = {}) const;
  std::vector<float> attr_floats(const std::string& name, std::vector<float> fallback = {}) const;
  HostConstant attr_tensor(const std::string& name) const;

  // Something valid ONNX that tartan does not do: names the node, its operator and opset,
  // what is unsupported and what is.
  [[noreturn]] void unsupported(const std::string& what, const std::string& supported) const;
  // A node that breaks ONNX's rules (wrong input count, shapes that do not match, ...).
  [[noreturn]] void invalid(const std::string& what) const;

  // Normalises a possibly negative axis against `rank`; invalid() when out of range.
  int axis(std::int64_t axis, int rank) const;

 private:
  const ::onnx::AttributeProto* find_attr(const std::string& name) const;
  const ::onnx::NodeProto& node_;
  std::int64_t opset_;
  Builder& builder_;
  std::vector<const Value*> inputs_;
  std::string external_dir_;
  IndexUse index_use_;
};

}  // namespace tartan::onnx
