#include "tartan/ir/builder.h"

#include <algorithm>

#include "tartan/support/error.h"

namespace tartan {

// ---------------------------------------------------------------- index expressions

IndexExpr::IndexExpr(std::int64_t constant) : affine_(Affine::constant(constant)) {}

IndexExpr::IndexExpr(const Index& index) : names_{index.name()}, affine_(Affine::index(0)) {}

Affine IndexExpr::merge(const IndexExpr& b, std::vector<std::string>* names) const {
  *names = names_;
  std::vector<int> merged_var;  // b's variable k is merged variable merged_var[k]
  for (const std::string& name : b.names_) {
    auto it = std::find(names->begin(), names->end(), name);
    if (it == names->end()) it = names->insert(names->end(), name);
    merged_var.push_back(static_cast<int>(it - names->begin()));
  }
  Affine renumbered = Affine::constant(b.affine_.constant_term());
  for (const auto& [var, coeff] : b.affine_.terms()) {
    renumbered = renumbered + Affine::index(merged_var[static_cast<std::size_t>(var)], coeff);
  }
  return renumbered / b.affine_.denom();
}

IndexExpr operator+(const IndexExpr& a, const IndexExpr& b) {
  IndexExpr r;
  const Affine bb = a.merge(b, &r.names_);
  r.affine_ = a.affine_ + bb;
  return r;
}

IndexExpr operator-(const IndexExpr& a, const IndexExpr& b) {
  IndexExpr r;
  const Affine bb = a.merge(b, &r.names_);
  r.affine_ = a.affine_ - bb;
  return r;
}

IndexExpr operator-(const IndexExpr& a) { return a * -1; }

IndexExpr operator*(const IndexExpr& a, std::int64_t k) {
  IndexExpr r = a;
  r.affine_ = a.affine_ * k;
  return r;
}

IndexExpr operator*(std::int64_t k, const IndexExpr& a) { return a * k; }

IndexExpr operator/(const IndexExpr& a, std::int64_t k) {
  if (k == 0) throw Error("index expression divided by zero", "divide by a nonzero integer");
  IndexExpr r = a;
  r.affine_ = a.affine_ / k;
  return r;
}

IndexConstraint operator<(const IndexExpr& expr, std::int64_t bound) { return {expr, bound}; }

// ---------------------------------------------------------------- contractions

namespace {

void check_same_builder(const std::vector<TensorAccess>& inputs) {
  for (const TensorAccess& a : inputs) {
    TARTAN_CHECK(a.builder == inputs.front().builder, "contraction mixes tensors of two builders");
  }
}

CombExpr combine(CombOp op, TensorAccess a, TensorAccess b) {
  CombExpr r(op, {std::move(a), std::move(b)});
  check_same_builder(r.inputs);
  return r;
}

}  // namespace

CombExpr operator*(TensorAccess a, TensorAccess b) {
  return combine(CombOp::kMul, std::move(a), std::move(b));
}
CombExpr operator+(TensorAccess a, TensorAccess b) {
  return combine(CombOp::kAdd, std::move(a), std::move(b));
}
CombExpr operator==(TensorAccess a, TensorAccess b) {
  return combine(CombOp::kEq, std::move(a), std::move(b));
}

CombExpr cond(CombExpr eq, TensorAccess value) {
  if (eq.op != CombOp::kEq) {
    throw Error("cond() needs a comparison A(..) == B(..) as its first argument",
                "write cond(A(i) == B(j), C(i, j))");
  }
  eq.op = CombOp::kCond;
  eq.inputs.push_back(std::move(value));
  check_same_builder(eq.inputs);
  return eq;
}

ContractionExpr ContractionExpr::where(std::vector<IndexConstraint> constraints) const {
  ContractionExpr r = *this;
  for (IndexConstraint& c : constraints) r.constraints_.push_back(std::move(c));
  return r;
}

ContractionExpr ContractionExpr::with_default(const Tensor& d) const {
  ContractionExpr r = *this;
  r.default_ = d;
  return r;
}

ContractionExpr sum(CombExpr comb) { return {AggOp::kSum, std::move(comb)}; }
ContractionExpr prod(CombExpr comb) { return {AggOp::kProd, std::move(comb)}; }
ContractionExpr max(CombExpr comb) { return {AggOp::kMax, std::move(comb)}; }
ContractionExpr min(CombExpr comb) { return {AggOp::kMin, std::move(comb)}; }
ContractionExpr assign(CombExpr comb) { return {AggOp::kAssign, std::move(comb)}; }

void DeclRef::operator=(const ContractionExpr& rhs) {
  if (decl_->id_) {
    throw Error(
        "tensor " + decl_->builder_->program().tensor(*decl_->id_).name + " is assigned twice",
        "every tensor is assigned once; declare a new one");
  }
  decl_->id_ = decl_->builder_->contraction(decl_->name_, decl_->shape_, indices_, rhs).id();
}

TensorDecl::operator Tensor() const {
  if (!id_) {
    throw Error("tensor " + (name_.empty() ? std::string("(unnamed)") : name_) +
                    " is used before it is assigned",
                "assign the declaration, e.g. C(i, j) = sum(...), before reading it");
  }
  return {builder_, *id_};
}

// ---------------------------------------------------------------- tensors

const TensorInfo& Tensor::info() const { return builder_->program().tensor(id_); }

namespace {

Builder& builder_of(std::initializer_list<const Operand*> operands) {
  for (const Operand* o : operands) {
    if (o->tensor()) return o->tensor()->builder();
  }
  TARTAN_CHECK(false, "elementwise op on scalars only");
  __builtin_unreachable();
}

Tensor ew(EwOp op, std::initializer_list<const Operand*> operands) {
  std::vector<Operand> v;
  for (const Operand* o : operands) v.push_back(*o);
  return builder_of(operands).elementwise(op, v);
}

}  // namespace

Tensor operator+(const Operand& a, const Operand& b) { return ew(EwOp::kAdd, {&a, &b}); }
Tensor operator-(const Operand& a, const Operand& b) { return ew(EwOp::kSub, {&a, &b}); }
Tensor operator*(const Operand& a, const Operand& b) { return ew(EwOp::kMul, {&a, &b}); }
Tensor operator/(const Operand& a, const Operand& b) { return ew(EwOp::kDiv, {&a, &b}); }
Tensor operator%(const Operand& a, const Operand& b) { return ew(EwOp::kMod, {&a, &b}); }
Tensor operator-(const Tensor& a) { return a.builder().elementwise(EwOp::kNeg, {a}); }
Tensor operator==(const Operand& a, const Operand& b) { return ew(EwOp::kEq, {&a, &b}); }
Tensor operator!=(const Operand& a, const Operand& b) { return ew(EwOp::kNe, {&a, &b}); }
Tensor operator<(const Operand& a, const Operand& b) { return ew(EwOp::kLt, {&a, &b}); }
Tensor operator>(const Operand& a, const Operand& b) { return ew(EwOp::kGt, {&a, &b}); }
Tensor operator<=(const Operand& a, const Operand& b) { return ew(EwOp::kLe, {&a, &b}); }
Tensor operator>=(const Operand& a, const Operand& b) { return ew(EwOp::kGe, {&a, &b}); }
Tensor operator&&(const Operand& a, const Operand& b) { return ew(EwOp::kAnd, {&a, &b}); }
Tensor operator||(const Operand& a, const Operand& b) { return ew(EwOp::kOr, {&a, &b}); }
Tensor operator!(const Tensor& a) { return a.builder().elementwise(EwOp::kNot, {a}); }
Tensor select(const Operand& c, const Operand& a, const Operand& b) {
  return ew(EwOp::kSelect, {&c, &a, &b});
}
Tensor min(const Operand& a, const Operand& b) { return ew(EwOp::kMin, {&a, &b}); }
Tensor max(const Operand& a, const Operand& b) { return ew(EwOp::kMax, {&a, &b}); }
Tensor pow(const Operand& a, const Operand& b) { return ew(EwOp::kPow, {&a, &b}); }
Tensor exp(const Tensor& a) { return a.builder().elementwise(EwOp::kExp, {a}); }
Tensor log(const Tensor& a) { return a.builder().elementwise(EwOp::kLog, {a}); }
Tensor sqrt(const Tensor& a) { return a.builder().elementwise(EwOp::kSqrt, {a}); }
Tensor tanh(const Tensor& a) { return a.builder().elementwise(EwOp::kTanh, {a}); }
Tensor sigmoid(const Tensor& a) { return a.builder().elementwise(EwOp::kSigmoid, {a}); }
Tensor relu(const Tensor& a) { return a.builder().elementwise(EwOp::kRelu, {a}); }
Tensor abs(const Tensor& a) { return a.builder().elementwise(EwOp::kAbs, {a}); }
Tensor floor(const Tensor& a) { return a.builder().elementwise(EwOp::kFloor, {a}); }
Tensor ceil(const Tensor& a) { return a.builder().elementwise(EwOp::kCeil, {a}); }
Tensor round(const Tensor& a) { return a.builder().elementwise(EwOp::kRound, {a}); }
Tensor sin(const Tensor& a) { return a.builder().elementwise(EwOp::kSin, {a}); }
Tensor cos(const Tensor& a) { return a.builder().elementwise(EwOp::kCos, {a}); }
Tensor tan(const Tensor& a) { return a.builder().elementwise(EwOp::kTan, {a}); }
Tensor erf(const Tensor& a) { return a.builder().elementwise(EwOp::kErf, {a}); }
Tensor cast(const Tensor& a, DType to) { return a.builder().elementwise(EwOp::kCast, {a}, {}, to); }
Tensor reshape(const Tensor& a, Shape shape) { return a.builder().reshape(a, std::move(shape)); }
Tensor gather(const Tensor& data, const Tensor& indices) {
  return data.builder().gather(data, indices);
}
Tensor index_of(const Tensor& like, int axis) { return like.builder().index_of(like, axis); }

// ---------------------------------------------------------------- the builder

Tensor Builder::input(const std::string& name, DType dtype, Shape shape) {
  return {this, program_.add_input(name, dtype, std::move(shape))};
}

Tensor Builder::constant(const std::string& name, Shape shape, std::vector<float> values) {
  return constant(name, std::move(shape), ConstantData::from_floats(std::move(values)));
}

Tensor Builder::constant(const std::string& name, Shape shape,
                         std::shared_ptr<const ConstantData> data) {
  return {this, program_.add_constant(name, std::move(shape), std::move(data))};
}

Tensor Builder::literal(double value, DType dtype) {
  return {this, program_.add_literal(value, dtype)};
}

TensorId Builder::resolve(const Operand& o) {
  if (o.tensor()) {
    TARTAN_CHECK(&o.tensor()->builder() == this, "tensor of another builder");
    return o.tensor()->id();
  }
  return program_.add_literal(o.value(), o.dtype());
}

Tensor Builder::elementwise(EwOp op, const std::vector<Operand>& operands, const std::string& name,
                            std::optional<DType> cast_to) {
  std::vector<TensorId> ids;
  for (const Operand& o : operands) ids.push_back(resolve(o));
  return {this, program_.add_elementwise(name, op, std::move(ids), cast_to)};
}

namespace {

// Numbers index variables across a whole contraction in order of first appearance.
class IndexNumbering {
 public:
  Affine add(const IndexExpr& e) {
    const Affine& a = e.affine();
    std::vector<int> local(e.names().size());
    for (std::size_t k = 0; k < e.names().size(); ++k) local[k] = number(e.names()[k]);
    Affine r = Affine::constant(a.constant_term());
    for (const auto& [var, coeff] : a.terms()) {
      r = r + Affine::index(local[static_cast<std::size_t>(var)], coeff);
    }
    return r / a.denom();
  }
  std::vector<Affine> add(const std::vector<IndexExpr>& es) {
    std::vector<Affine> r;
    for (const IndexExpr& e : es) r.push_back(add(e));
    return r;
  }
  std::vector<std::string> names() && { return std::move(names_); }

 private:
  int number(const std::string& name) {
    const auto it = std::find(names_.begin(), names_.end(), name);
    if (it != names_.end()) return static_cast<int>(it - names_.begin());
    names_.push_back(name);
    return static_cast<int>(names_.size()) - 1;
  }
  std::vector<std::string> names_;
};

}  // namespace

Tensor Builder::contraction(const std::string& name, Shape shape, const std::vector<IndexExpr>& out,
                            const ContractionExpr& rhs) {
  IndexNumbering numbering;
  Contraction c;
  c.output_indices = numbering.add(out);
  c.agg = rhs.agg();
  c.comb = rhs.comb().op;
  for (const TensorAccess& a : rhs.comb().inputs) {
    TARTAN_CHECK(a.builder == this, "contraction reads a tensor of another builder");
    c.inputs.push_back({a.tensor, numbering.add(a.indices)});
  }
  for (const IndexConstraint& k : rhs.constraints()) {
    c.constraints.push_back({numbering.add(k.expr), k.bound});
  }
  if (rhs.default_tensor()) c.default_tensor = rhs.default_tensor()->id();
  c.index_names = std::move(numbering).names();
  return {this, program_.add_contraction(name, std::move(shape), std::move(c))};
}

Tensor Builder::reshape(const Tensor& a, Shape shape, const std::string& name) {
  return {this, program_.add_reshape(name, a.id(), std::move(shape))};
}

Tensor Builder::gather(const Tensor& data, const Tensor& indices, const std::string& name) {
  return {this, program_.add_gather(name, data.id(), indices.id())};
}

Tensor Builder::index_of(const Tensor& like, int axis, const std::string& name) {
  return {this, program_.add_index(name, like.id(), axis)};
}

Tensor Builder::scan(const ScanArgs& args, Program body, const std::string& name) {
  Scan s;
  s.body = std::make_shared<const Program>(std::move(body));
  s.trip_count = args.trip_count;
  const auto ids = [](const std::vector<Tensor>& ts) {
    std::vector<TensorId> out;
    for (const Tensor& t : ts) out.push_back(t.id());
    return out;
  };
  s.carried = ids(args.carried);
  s.sequences = ids(args.sequences);
  s.invariants = ids(args.invariants);
  s.result = args.result;
  s.stacked = args.stacked;
  return {this, program_.add_scan(name, std::move(s))};
}

void Builder::output(const Tensor& t) { program_.add_output(t.id()); }

Program Builder::build() {
  TARTAN_CHECK(!built_, "Builder::build called twice");
  built_ = true;
  return std::move(program_);
}

}  // namespace tartan
