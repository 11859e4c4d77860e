#include "tartan/ir/program.h"

#include <cstring>
#include <unordered_set>

#include "tartan/ir/bounds.h"
#include "tartan/ir/type_rules.h"
#include "tartan/support/error.h"
#include "tartan/support/half.h"

namespace tartan {

// ---------------------------------------------------------------- ConstantData

ConstantData::ConstantData(DType dtype, std::vector<std::byte> bytes)
    : dtype_(dtype), bytes_(std::move(bytes)) {
  TARTAN_CHECK(bytes_.size() % dtype_size(dtype_) == 0, "constant bytes not a whole element");
}

std::size_t ConstantData::size() const { return bytes_.size() / dtype_size(dtype_); }

double ConstantData::at(std::size_t i) const {
  const std::byte* p = bytes_.data() + i * dtype_size(dtype_);
  switch (dtype_) {
    case DType::kBool:
      return std::to_integer<int>(*p) != 0 ? 1.0 : 0.0;
    case DType::kInt32: {
      std::int32_t v;
      std::memcpy(&v, p, sizeof v);
      return v;
    }
    case DType::kFloat16: {
      std::uint16_t v;
      std::memcpy(&v, p, sizeof v);
      return half_to_float(v);
    }
    case DType::kFloat32: {
      float v;
      std::memcpy(&v, p, sizeof v);
      return v;
    }
  }
  return 0;
}

std::shared_ptr<const ConstantData> ConstantData::from_doubles(DType dtype,
                                                               const std::vector<double>& values) {
  std::vector<std::byte> bytes(values.size() * dtype_size(dtype));
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::byte* p = bytes.data() + i * dtype_size(dtype);
    switch (dtype) {
      case DType::kBool:
        *p = std::byte{values[i] != 0.0 ? std::uint8_t{1} : std::uint8_t{0}};
        break;
      case DType::kInt32: {
        const std::int32_t v = to_int32_saturated(values[i]);
        std::memcpy(p, &v, sizeof v);
        break;
      }
      case DType::kFloat16: {
        const std::uint16_t v = float_to_half(static_cast<float>(values[i]));
        std::memcpy(p, &v, sizeof v);
        break;
      }
      case DType::kFloat32: {
        const auto v = static_cast<float>(values[i]);
        std::memcpy(p, &v, sizeof v);
        break;
      }
    }
  }
  return std::make_shared<const ConstantData>(dtype, std::move(bytes));
}

std::shared_ptr<const ConstantData> ConstantData::from_floats(std::vector<float> values) {
  std::vector<std::byte> bytes(values.size() * sizeof(float));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return std::make_shared<const ConstantData>(DType::kFloat32, std::move(bytes));
}

// ---------------------------------------------------------------- Program: leaves

std::string Program::fresh_name() {
  for (;;) {
    std::string name = "_T" + std::to_string(temp_counter_++);
    if (!find(name)) return name;
  }
}

std::optional<TensorId> Program::find(const std::string& name) const {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

TensorId Program::add_tensor(TensorInfo info) {
  const auto id = static_cast<TensorId>(tensors_.size());
  by_name_.emplace(info.name, id);
  tensors_.push_back(std::move(info));
  producer_index_.push_back(-1);
  return id;
}

void Program::pop_tensor() {
  by_name_.erase(tensors_.back().name);
  tensors_.pop_back();
  producer_index_.pop_back();
}

TensorId Program::add_input(const std::string& name, DType dtype, Shape shape) {
  if (find(name))
    throw Error("tensor name " + name + " is used twice", "give each tensor its own name");
  check_dims(name, shape);
  const TensorId id = add_tensor({name, dtype, std::move(shape), TensorKind::kInput, nullptr});
  inputs_.push_back(id);
  return id;
}

TensorId Program::add_constant(const std::string& name, Shape shape,
                               std::shared_ptr<const ConstantData> data) {
  const std::string n = name.empty() ? fresh_name() : name;
  if (find(n)) throw Error("tensor name " + n + " is used twice", "give each tensor its own name");
  check_dims(n, shape);
  TARTAN_CHECK(data != nullptr, "constant without data");
  if (static_cast<std::int64_t>(data->size()) != num_elements(shape)) {
    throw Error("constant " + n + " has " + std::to_string(data->size()) +
                " values but its shape " + shape_str(shape) + " holds " +
                std::to_string(num_elements(shape)));
  }
  const DType dtype = data->dtype();
  return add_tensor({n, dtype, std::move(shape), TensorKind::kConstant, std::move(data)});
}

TensorId Program::add_literal(double value, DType dtype) {
  return add_tensor(
      {fresh_name(), dtype, {}, TensorKind::kLiteral, ConstantData::from_doubles(dtype, {value})});
}

void Program::add_output(TensorId id) {
  TARTAN_CHECK(id >= 0 && static_cast<std::size_t>(id) < tensors_.size(), "output id out of range");
  outputs_.push_back(id);
}

const Op* Program::producer(TensorId id) const {
  const int i = producer_index_.at(static_cast<std::size_t>(id));
  return i < 0 ? nullptr : &ops_[static_cast<std::size_t>(i)];
}

TensorId Program::push_op(Op op) {
  const TensorId out = op_output(op);
  producer_index_.at(static_cast<std::size_t>(out)) = static_cast<int>(ops_.size());
  ops_.push_back(std::move(op));
  return out;
}

void Program::set_ops(std::vector<Op> ops) {
  std::vector<int> producer(tensors_.size(), -1);
  std::vector<bool> defined(tensors_.size(), false);
  for (std::size_t t = 0; t < tensors_.size(); ++t) {
    defined[t] = tensors_[t].kind != TensorKind::kIntermediate;
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    for (TensorId in : op_inputs(ops[i])) {
      TARTAN_CHECK(defined.at(static_cast<std::size_t>(in)),
                   "op reads a tensor before it is written");
    }
    const auto out = static_cast<std::size_t>(op_output(ops[i]));
    TARTAN_CHECK(!defined.at(out), "tensor written twice: " + tensors_[out].name);
    defined[out] = true;
    producer[out] = static_cast<int>(i);
  }
  ops_ = std::move(ops);
  producer_index_ = std::move(producer);
}

// ---------------------------------------------------------------- Program: ops

namespace {

void check_fresh(const Program& p, const std::string& name) {
  if (p.find(name)) {
    throw Error("tensor name " + name + " is assigned twice", "every name is assigned once");
  }
}

}  // namespace

TensorId Program::add_contraction(const std::string& name, Shape shape, Contraction c) {
  const std::string out_name = name.empty() ? fresh_name() : name;
  check_fresh(*this, out_name);
  const DType dtype = contraction_dtype(*this, c, shape, out_name);
  const TensorId out =
      add_tensor({out_name, dtype, std::move(shape), TensorKind::kIntermediate, nullptr});
  c.output = out;
  try {
    derive_index_ranges(*this, c);  // unbounded or empty spaces are user errors
  } catch (...) {
    pop_tensor();
    throw;
  }
  return push_op(std::move(c));
}

TensorId Program::add_elementwise(const std::string& name, EwOp op, std::vector<TensorId> inputs,
                                  std::optional<DType> cast_to) {
  const std::string out_name = name.empty() ? fresh_name() : name;
  check_fresh(*this, out_name);
  TensorType type = elementwise_type(*this, op, inputs, cast_to, out_name);
  const TensorId out =
      add_tensor({out_name, type.dtype, std::move(type.shape), TensorKind::kIntermediate, nullptr});
  return push_op(Elementwise{out, op, std::move(inputs)});
}

TensorId Program::add_reshape(const std::string& name, TensorId input, Shape shape) {
  const std::string out_name = name.empty() ? fresh_name() : name;
  check_fresh(*this, out_name);
  TensorType type = reshape_type(*this, input, shape, out_name);
  const TensorId out =
      add_tensor({out_name, type.dtype, std::move(type.shape), TensorKind::kIntermediate, nullptr});
  return push_op(Reshape{out, input});
}

TensorId Program::add_gather(const std::string& name, TensorId data, TensorId indices) {
  const std::string out_name = name.empty() ? fresh_name() : name;
  check_fresh(*this, out_name);
  TensorType type = gather_type(*this, data, indices, out_name);
  const TensorId out =
      add_tensor({out_name, type.dtype, std::move(type.shape), TensorKind::kIntermediate, nullptr});
  return push_op(Gather{out, data, indices});
}

TensorId Program::add_index(const std::string& name, TensorId like, int axis) {
  const std::string out_name = name.empty() ? fresh_name() : name;
  check_fresh(*this, out_name);
  TensorType type = index_type(*this, like, axis, out_name);
  const TensorId out =
      add_tensor({out_name, type.dtype, std::move(type.shape), TensorKind::kIntermediate, nullptr});
  return push_op(IndexOf{out, like, axis});
}

TensorId Program::add_scan(const std::string& name, Scan s) {
  const std::string out_name = name.empty() ? fresh_name() : name;
  check_fresh(*this, out_name);
  TensorType type = scan_type(*this, s, out_name);
  const TensorId out =
      add_tensor({out_name, type.dtype, std::move(type.shape), TensorKind::kIntermediate, nullptr});
  s.output = out;
  return push_op(std::move(s));
}

// ---------------------------------------------------------------- Program: rewriting

void Program::set_constant(TensorId id, std::shared_ptr<const ConstantData> data) {
  TensorInfo& t = tensors_.at(static_cast<std::size_t>(id));
  TARTAN_CHECK(t.kind == TensorKind::kIntermediate, "only a computed tensor can become constant");
  TARTAN_CHECK(data != nullptr && data->dtype() == t.dtype &&
                   static_cast<std::int64_t>(data->size()) == num_elements(t.shape),
               "constant data does not match " + t.name);
  t.kind = TensorKind::kConstant;
  t.data = std::move(data);
  std::vector<Op> ops;
  ops.reserve(ops_.size());
  for (Op& op : ops_) {
    if (op_output(op) != id) ops.push_back(std::move(op));
  }
  set_ops(std::move(ops));
}

void Program::set_outputs(std::vector<TensorId> outputs) {
  for (TensorId id : outputs) {
    TARTAN_CHECK(id >= 0 && static_cast<std::size_t>(id) < tensors_.size(),
                 "output id out of range");
  }
  outputs_ = std::move(outputs);
}

void Program::replace_uses(TensorId from, TensorId to) {
  const TensorInfo& a = tensor(from);
  const TensorInfo& b = tensor(to);
  TARTAN_CHECK(a.dtype == b.dtype && a.shape == b.shape,
               "replacing " + a.name + " by " + b.name + " of another type or shape");
  for (Op& op : ops_) {
    remap_inputs(&op, [&](TensorId t) { return t == from ? to : t; });
  }
  for (TensorId& out : outputs_) {
    if (out == from) out = to;
  }
  set_ops(std::move(ops_));  // `to` must still be defined before every use
}

// ---------------------------------------------------------------- equality

namespace {

class ProgramMatcher {
 public:
  ProgramMatcher(const Program& a, const Program& b, std::string* why)
      : a_(a), b_(b), why_(why), a2b_(a.tensors().size(), -1) {}

  bool run() {
    if (a_.inputs().size() != b_.inputs().size()) return fail("input counts differ");
    for (std::size_t i = 0; i < a_.inputs().size(); ++i) {
      const TensorInfo& x = a_.tensor(a_.inputs()[i]);
      const TensorInfo& y = b_.tensor(b_.inputs()[i]);
      if (x.name != y.name)
        return fail("input " + std::to_string(i) + " is " + x.name + " vs " + y.name);
      if (!bind(a_.inputs()[i], b_.inputs()[i])) return false;
    }
    if (a_.ops().size() != b_.ops().size()) {
      return fail("op counts differ: " + std::to_string(a_.ops().size()) + " vs " +
                  std::to_string(b_.ops().size()));
    }
    for (std::size_t i = 0; i < a_.ops().size(); ++i) {
      if (!match_op(a_.ops()[i], b_.ops()[i])) {
        return fail("op " + std::to_string(i) + " (" + a_.tensor(op_output(a_.ops()[i])).name +
                    ") differs");
      }
    }
    if (a_.outputs().size() != b_.outputs().size()) return fail("output counts differ");
    for (std::size_t i = 0; i < a_.outputs().size(); ++i) {
      if (!ref(a_.outputs()[i], b_.outputs()[i]))
        return fail("output " + std::to_string(i) + " differs");
    }
    return true;
  }

 private:
  bool fail(const std::string& msg) {
    if (why_ && why_->empty()) *why_ = msg;
    return false;
  }

  bool same_value(const TensorInfo& x, const TensorInfo& y) {
    if (x.dtype != y.dtype || x.shape != y.shape || x.kind != y.kind) return false;
    if (x.kind == TensorKind::kConstant || x.kind == TensorKind::kLiteral) {
      return *x.data == *y.data;
    }
    return true;
  }

  bool bind(TensorId x, TensorId y) {
    if (!same_value(a_.tensor(x), b_.tensor(y))) {
      return fail(a_.tensor(x).name + " and " + b_.tensor(y).name +
                  " differ in type, shape or value");
    }
    a2b_[static_cast<std::size_t>(x)] = y;
    return true;
  }

  // A reference from an op to a tensor: the same tensor, or an equal leaf.
  bool ref(TensorId x, TensorId y) {
    const TensorId mapped = a2b_[static_cast<std::size_t>(x)];
    if (mapped >= 0) return mapped == y;
    const TensorInfo& tx = a_.tensor(x);
    if (tx.kind != TensorKind::kConstant && tx.kind != TensorKind::kLiteral) return false;
    return bind(x, y);
  }

  bool refs(const std::vector<TensorId>& xs, const std::vector<TensorId>& ys) {
    if (xs.size() != ys.size()) return false;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (!ref(xs[i], ys[i])) return false;
    }
    return true;
  }

  bool match_op(const Op& x, const Op& y) {
    if (x.index() != y.index()) return false;
    if (!refs(op_inputs(x), op_inputs(y))) return false;
    bool same = false;
    if (const auto* cx = std::get_if<Contraction>(&x)) {
      const auto& cy = std::get<Contraction>(y);
      same = cx->output_indices == cy.output_indices && cx->agg == cy.agg && cx->comb == cy.comb &&
             cx->constraints == cy.constraints && cx->index_names.size() == cy.index_names.size();
      for (std::size_t i = 0; same && i < cx->inputs.size(); ++i) {
        same = cx->inputs[i].indices == cy.inputs[i].indices;
      }
    } else if (const auto* ex = std::get_if<Elementwise>(&x)) {
      same = ex->op == std::get<Elementwise>(y).op;
    } else if (const auto* ix = std::get_if<IndexOf>(&x)) {
      same = ix->axis == std::get<IndexOf>(y).axis;
    } else if (const auto* sx = std::get_if<Scan>(&x)) {
      const auto& sy = std::get<Scan>(y);
      std::string body_why;
      same = sx->trip_count == sy.trip_count && sx->result == sy.result &&
             sx->stacked == sy.stacked && sx->carried.size() == sy.carried.size() &&
             sx->sequences.size() == sy.sequences.size() &&
             programs_equal(*sx->body, *sy.body, &body_why);
      if (!body_why.empty()) fail("scan body: " + body_why);
    } else {
      same = true;  // Reshape, Gather: fully described by inputs and output shape
    }
    return same && bind(op_output(x), op_output(y));
  }

  const Program& a_;
  const Program& b_;
  std::string* why_;
  std::vector<TensorId> a2b_;
};

}  // namespace

bool programs_equal(const Program& a, const Program& b, std::string* why) {
  return ProgramMatcher(a, b, why).run();
}

}  // namespace tartan
