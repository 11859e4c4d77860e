// A Program: tensors and the ops that compute them, in topological order.
//
// Shapes are concrete. Programs are built through Builder (tartan/ir/builder.h) or parsed from
// tile text (tartan/lang/parse.h); both go through the checked add_* functions below, so the
// same program written either way yields equal Programs.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tartan/ir/dtype.h"
#include "tartan/ir/ops.h"
#include "tartan/ir/shape.h"

namespace tartan {

// Immutable values of a constant tensor (weights, literals), stored in the tensor's dtype:
// bool as one byte, float16 as IEEE half bits.
class ConstantData {
 public:
  ConstantData(DType dtype, std::vector<std::byte> bytes);
  static std::shared_ptr<const ConstantData> from_doubles(DType dtype,
                                                          const std::vector<double>& values);
  static std::shared_ptr<const ConstantData> from_floats(std::vector<float> values);
  DType dtype() const { return dtype_; }
  std::size_t size() const;  // elements
  double at(std::size_t i) const;
  const std::vector<std::byte>& bytes() const { return bytes_; }
  bool operator==(const ConstantData& o) const { return dtype_ == o.dtype_ && bytes_ == o.bytes_; }

 private:
  DType dtype_;
  std::vector<std::byte> bytes_;
};

enum class TensorKind : std::uint8_t { kInput, kConstant, kLiteral, kIntermediate };

struct TensorInfo {
  std::string name;
  DType dtype = DType::kFloat32;
  Shape shape;
  TensorKind kind = TensorKind::kIntermediate;
  std::shared_ptr<const ConstantData> data;  // kConstant and kLiteral only
};

class Program {
 public:
  // Inputs in call order. Names must be unique among inputs and constants.
  TensorId add_input(const std::string& name, DType dtype, Shape shape);
  TensorId add_constant(const std::string& name, Shape shape,
                        std::shared_ptr<const ConstantData> data);
  // A scalar literal from the source (`2.0`, `6`). Literals are "weak": combined with a tensor
  // they take the tensor's type where it can hold them (float16 * 2.0 is float16).
  TensorId add_literal(double value, DType dtype);

  // The add_* op functions check the op, infer the output's shape and dtype, create the output
  // tensor named `name` (or "_T<n>" when empty) and return it. They throw Error on user
  // mistakes (shape mismatch, unbounded index, ...), naming the output.
  // `c.output` is ignored and set. The output dtype follows the combination: the promoted
  // input type, bool for `==`, and int32 for a sum or product of bools.
  TensorId add_contraction(const std::string& name, Shape shape, Contraction c);
  TensorId add_elementwise(const std::string& name, EwOp op, std::vector<TensorId> inputs,
                           std::optional<DType> cast_to = {});
  TensorId add_reshape(const std::string& name, TensorId input, Shape shape);
  TensorId add_gather(const std::string& name, TensorId data, TensorId indices);
  TensorId add_index(const std::string& name, TensorId like, int axis);
  // A loop; `s.output` is ignored and set. The body's inputs and outputs must match the
  // carried states, sequence slices and invariants in count, dtype and shape (see Scan).
  TensorId add_scan(const std::string& name, Scan s);

  void add_output(TensorId id);

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const TensorInfo& tensor(TensorId id) const { return tensors_.at(static_cast<std::size_t>(id)); }
  const std::vector<Op>& ops() const { return ops_; }
  const std::vector<TensorId>& inputs() const { return inputs_; }
  const std::vector<TensorId>& outputs() const { return outputs_; }
  std::optional<TensorId> find(const std::string& name) const;
  // The op that computes `id`, or nullptr for inputs, constants and literals.
  const Op* producer(TensorId id) const;

  // For passes: replace the whole op list (validated for SSA and topological order).
  void set_ops(std::vector<Op> ops);
  // For passes: `id`, computed so far, becomes a constant and its producing op is removed.
  // `data` must have the tensor's dtype and element count. Computed tensors are strongly typed,
  // and so are constants, so the types of its readers do not change.
  void set_constant(TensorId id, std::shared_ptr<const ConstantData> data);
  // For passes: every op and program output that reads `from` reads `to` instead. Both must
  // have the same dtype and shape, and `to` must be defined before every use of `from`.
  void replace_uses(TensorId from, TensorId to);
  // For passes: the program's outputs become `outputs` (each an existing tensor).
  void set_outputs(std::vector<TensorId> outputs);
  TensorId add_tensor(TensorInfo info);  // raw, unchecked: for passes and the mutator
  std::string fresh_name();

 private:
  TensorId push_op(Op op);
  void pop_tensor();  // undoes the last add_tensor
  std::vector<TensorInfo> tensors_;
  std::vector<Op> ops_;
  std::vector<int> producer_index_;  // per tensor: index into ops_, or -1
  std::unordered_map<std::string, TensorId> by_name_;
  std::vector<TensorId> inputs_;
  std::vector<TensorId> outputs_;
  int temp_counter_ = 0;
};

// Structural equality: the same inputs (names, types, shapes) in the same order, the same ops
// on the same tensors, the same constants and outputs. Names of intermediates do not matter.
bool programs_equal(const Program& a, const Program& b, std::string* why = nullptr);

}  // namespace tartan
