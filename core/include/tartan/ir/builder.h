// The C++ builder: an EDSL that reads like the tile language.
//
//   Builder b;
//   Tensor A = b.input("A", DType::kFloat32, {4, 5});
//   Tensor B = b.input("B", DType::kFloat32, {5, 6});
//   Index i("i"), j("j"), k("k");
//   TensorDecl C = b.declare("C", {4, 6});
//   C(i, j) = sum(A(i, k) * B(k, j));            // O[i, j : 4, 6] = +(A[i, k] * B[k, j])
//   Tensor E = exp(Tensor(C) - 1.0) * 2.0;       // elementwise, NumPy broadcasting
//   b.output(E);
//   Program p = b.build();
//
// Everything goes through the checked Program::add_* functions, exactly as the parser does, so
// a program written here and the same program written as tile text are equal (programs_equal).
// Index variables of a contraction are numbered in order of first appearance: output indices,
// then inputs left to right, then constraints (the parser's order). Two Index objects with the
// same name are the same variable. C++ integer scalars become int32 literals, floating-point
// scalars float32 literals; literals are weak (`X * 2.0` keeps X's float type).
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tartan/ir/program.h"

namespace tartan {

class Builder;

// ---------------------------------------------------------------- index expressions

class Index;

// An affine expression over named index variables. `names` lists the variables in order of
// first appearance; variable k of `affine` is names[k].
class IndexExpr {
 public:
  IndexExpr(std::int64_t constant);  // NOLINT(google-explicit-constructor): `i + 1`, `A(0, i)`
  IndexExpr(const Index& index);     // NOLINT(google-explicit-constructor)

  const std::vector<std::string>& names() const { return names_; }
  const Affine& affine() const { return affine_; }

  friend IndexExpr operator+(const IndexExpr& a, const IndexExpr& b);
  friend IndexExpr operator-(const IndexExpr& a, const IndexExpr& b);
  friend IndexExpr operator-(const IndexExpr& a);
  friend IndexExpr operator*(const IndexExpr& a, std::int64_t k);
  friend IndexExpr operator*(std::int64_t k, const IndexExpr& a);
  friend IndexExpr operator/(const IndexExpr& a, std::int64_t k);  // fractional values skip

 private:
  IndexExpr() = default;
  // Merges b's variables into a copy of this expression's list; returns b's affine renumbered.
  Affine merge(const IndexExpr& b, std::vector<std::string>* names) const;
  std::vector<std::string> names_;
  Affine affine_;
};

class Index {
 public:
  explicit Index(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// Declared at namespace scope so that `2 * i` finds them for an Index too.
IndexExpr operator+(const IndexExpr& a, const IndexExpr& b);
IndexExpr operator-(const IndexExpr& a, const IndexExpr& b);
IndexExpr operator-(const IndexExpr& a);
IndexExpr operator*(const IndexExpr& a, std::int64_t k);
IndexExpr operator*(std::int64_t k, const IndexExpr& a);
IndexExpr operator/(const IndexExpr& a, std::int64_t k);  // fractional values are skipped

// `expr < bound`: 0 <= expr < bound.
struct IndexConstraint {
  IndexExpr expr;
  std::int64_t bound;
};
IndexConstraint operator<(const IndexExpr& expr, std::int64_t bound);

// ---------------------------------------------------------------- tensors

class Tensor;

// `A(i, k)`: a tensor read inside a contraction.
struct TensorAccess {
  const Builder* builder;
  TensorId tensor;
  std::vector<IndexExpr> indices;
};

// A handle to a tensor of a Builder's program. Cheap to copy; valid while the Builder lives.
class Tensor {
 public:
  Tensor(Builder* builder, TensorId id) : builder_(builder), id_(id) {}

  Builder& builder() const { return *builder_; }
  TensorId id() const { return id_; }
  const TensorInfo& info() const;
  const Shape& shape() const { return info().shape; }
  DType dtype() const { return info().dtype; }
  int rank() const { return static_cast<int>(shape().size()); }
  const std::string& name() const { return info().name; }

  TensorAccess operator()(std::vector<IndexExpr> indices) const {
    return {builder_, id_, std::move(indices)};
  }
  template <typename... Idx>
  TensorAccess operator()(const Idx&... idx) const {
    return {builder_, id_, std::vector<IndexExpr>{IndexExpr(idx)...}};
  }

 private:
  Builder* builder_;
  TensorId id_;
};

// ---------------------------------------------------------------- contractions

// How the accessed inputs of one assignment combine: a single access, `*`, `+`, `==`, or
// cond(A == B, C).
struct CombExpr {
  CombOp op = CombOp::kNone;
  std::vector<TensorAccess> inputs;
  CombExpr(TensorAccess a) : inputs{std::move(a)} {}  // NOLINT(google-explicit-constructor)
  CombExpr(CombOp o, std::vector<TensorAccess> in) : op(o), inputs(std::move(in)) {}
};
CombExpr operator*(TensorAccess a, TensorAccess b);
CombExpr operator+(TensorAccess a, TensorAccess b);
CombExpr operator==(TensorAccess a, TensorAccess b);
CombExpr cond(CombExpr eq, TensorAccess value);  // `A[..] == B[..] ? C[..]`

// The right-hand side of a contraction: aggregation, combination, constraints, default.
class ContractionExpr {
 public:
  ContractionExpr(AggOp agg, CombExpr comb) : agg_(agg), comb_(std::move(comb)) {}

  ContractionExpr where(std::vector<IndexConstraint> constraints) const;
  template <typename... C>
  ContractionExpr where(const IndexConstraint& first, const C&... rest) const {
    return where(std::vector<IndexConstraint>{first, rest...});
  }
  ContractionExpr with_default(const Tensor& d) const;

  AggOp agg() const { return agg_; }
  const CombExpr& comb() const { return comb_; }
  const std::vector<IndexConstraint>& constraints() const { return constraints_; }
  const std::optional<Tensor>& default_tensor() const { return default_; }

 private:
  AggOp agg_;
  CombExpr comb_;
  std::vector<IndexConstraint> constraints_;
  std::optional<Tensor> default_;
};
ContractionExpr sum(CombExpr comb);     // +
ContractionExpr prod(CombExpr comb);    // *
ContractionExpr max(CombExpr comb);     // >
ContractionExpr min(CombExpr comb);     // <
ContractionExpr assign(CombExpr comb);  // =

class TensorDecl;

// `C(i, j)` on the left of `=`.
class DeclRef {
 public:
  DeclRef(TensorDecl* decl, std::vector<IndexExpr> indices)
      : decl_(decl), indices_(std::move(indices)) {}
  // Adds the contraction to the program.
  void operator=(const ContractionExpr& rhs);  // NOLINT(misc-unconventional-assign-operator)

 private:
  TensorDecl* decl_;
  std::vector<IndexExpr> indices_;
};

// A contraction output: a name (empty for a temporary) and sizes. Converts to Tensor once
// assigned; each declaration is assigned exactly once.
class TensorDecl {
 public:
  TensorDecl(Builder* builder, std::string name, Shape shape)
      : builder_(builder), name_(std::move(name)), shape_(std::move(shape)) {}

  DeclRef operator()(std::vector<IndexExpr> indices) { return {this, std::move(indices)}; }
  template <typename... Idx>
  DeclRef operator()(const Idx&... idx) {
    return {this, std::vector<IndexExpr>{IndexExpr(idx)...}};
  }

  operator Tensor() const;  // NOLINT(google-explicit-constructor): Error when not yet assigned

 private:
  friend class DeclRef;
  Builder* builder_;
  std::string name_;
  Shape shape_;
  std::optional<TensorId> id_;
};

// ---------------------------------------------------------------- elementwise

// An elementwise operand: a tensor or a C++ scalar (integers -> int32 literal, floating point
// -> float32 literal, bool -> bool literal).
class Operand {
 public:
  Operand(const Tensor& t) : tensor_(t) {}              // NOLINT
  Operand(const TensorDecl& d) : tensor_(Tensor(d)) {}  // NOLINT
  template <typename T>
  requires std::integral<T> || std::floating_point<T> Operand(
      T v)  // NOLINT(google-explicit-constructor)
      : value_(static_cast<double>(v)),
        dtype_(std::same_as<T, bool> ? DType::kBool
               : std::integral<T>    ? DType::kInt32
                                     : DType::kFloat32) {}

  const std::optional<Tensor>& tensor() const { return tensor_; }
  double value() const { return value_; }
  DType dtype() const { return dtype_; }

 private:
  std::optional<Tensor> tensor_;
  double value_ = 0;
  DType dtype_ = DType::kFloat32;
};

Tensor operator+(const Operand& a, const Operand& b);
Tensor operator-(const Operand& a, const Operand& b);
Tensor operator*(const Operand& a, const Operand& b);
Tensor operator/(const Operand& a, const Operand& b);
Tensor operator%(const Operand& a, const Operand& b);
Tensor operator-(const Tensor& a);
Tensor operator==(const Operand& a, const Operand& b);
Tensor operator!=(const Operand& a, const Operand& b);
Tensor operator<(const Operand& a, const Operand& b);
Tensor operator>(const Operand& a, const Operand& b);
Tensor operator<=(const Operand& a, const Operand& b);
Tensor operator>=(const Operand& a, const Operand& b);
Tensor operator&&(const Operand& a, const Operand& b);
Tensor operator||(const Operand& a, const Operand& b);
Tensor operator!(const Tensor& a);
Tensor select(const Operand& c, const Operand& a, const Operand& b);
Tensor min(const Operand& a, const Operand& b);
Tensor max(const Operand& a, const Operand& b);
Tensor pow(const Operand& a, const Operand& b);
Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor sqrt(const Tensor& a);
Tensor tanh(const Tensor& a);
Tensor sigmoid(const Tensor& a);
Tensor relu(const Tensor& a);
Tensor abs(const Tensor& a);
Tensor floor(const Tensor& a);
Tensor ceil(const Tensor& a);
Tensor round(const Tensor& a);
Tensor sin(const Tensor& a);
Tensor cos(const Tensor& a);
Tensor tan(const Tensor& a);
Tensor erf(const Tensor& a);
Tensor cast(const Tensor& a, DType to);
Tensor reshape(const Tensor& a, Shape shape);
Tensor gather(const Tensor& data, const Tensor& indices);
Tensor index_of(const Tensor& like, int axis);

// ---------------------------------------------------------------- the builder

class Builder {
 public:
  Builder() = default;
  Builder(const Builder&) = delete;  // tensors point at their builder
  Builder& operator=(const Builder&) = delete;

  Tensor input(const std::string& name, DType dtype, Shape shape);
  Tensor constant(const std::string& name, Shape shape, std::vector<float> values);
  Tensor constant(const std::string& name, Shape shape, std::shared_ptr<const ConstantData> data);
  Tensor literal(double value, DType dtype);
  TensorDecl declare(const std::string& name, Shape shape) { return {this, name, shape}; }

  // The general forms behind the operators, for callers that want to name the result.
  Tensor elementwise(EwOp op, const std::vector<Operand>& operands, const std::string& name = {},
                     std::optional<DType> cast_to = {});
  Tensor contraction(const std::string& name, Shape shape, const std::vector<IndexExpr>& out,
                     const ContractionExpr& rhs);
  Tensor reshape(const Tensor& a, Shape shape, const std::string& name = {});
  Tensor gather(const Tensor& data, const Tensor& indices, const std::string& name = {});
  Tensor index_of(const Tensor& like, int axis, const std::string& name = {});
  // A loop (see Scan in tartan/ir/ops.h): `body` is built by another Builder, with one input
  // per carried state, sequence slice and invariant, and one output per carried state.
  struct ScanArgs {
    std::int64_t trip_count = 1;
    std::vector<Tensor> carried, sequences, invariants;
    int result = 0;
    bool stacked = false;
  };
  Tensor scan(const ScanArgs& args, Program body, const std::string& name = {});

  void output(const Tensor& t);

  const Program& program() const { return program_; }
  // Moves the program out; the builder must not be used afterwards.
  Program build();

 private:
  TensorId resolve(const Operand& o);
  Program program_;
  bool built_ = false;
};

}  // namespace tartan
