#include "codegen/kir/expr.h"

namespace tartan::kir {

namespace {

template <typename Node>
Expr make(Node n) {
  return std::make_shared<const ExprNode>(ExprNode{std::move(n)});
}

}  // namespace

Type scalar_type(Type::Scalar s) { return Type{s, 1}; }

Type storage_type(DType t) {
  switch (t) {
    case DType::kBool:
      return scalar_type(Type::Scalar::kUChar);
    case DType::kInt32:
      return scalar_type(Type::Scalar::kInt);
    case DType::kFloat16:
      return scalar_type(Type::Scalar::kHalf);
    case DType::kFloat32:
      return scalar_type(Type::Scalar::kFloat);
  }
  return scalar_type(Type::Scalar::kFloat);
}

Type compute_type(DType t, int n) {
  return Type{is_float(t) ? Type::Scalar::kFloat : Type::Scalar::kInt, n};
}

Expr verbatim(std::string text) { return make(Verbatim{std::move(text)}); }
Type pointer_to(Type t, Type::Pointer where) {
  t.pointer = where;
  return t;
}

Expr var(std::string name) { return make(Var{std::move(name)}); }
Expr imm(std::int64_t v) { return make(IntImm{v}); }
Expr literal(DType t, double v) { return make(Literal{t, v}); }
Expr named(Named n) { return make(NamedConst{n}); }
Expr binary(std::string op, Expr a, Expr b) {
  return make(Binary{std::move(op), std::move(a), std::move(b)});
}
Expr unary(std::string op, Expr a) { return make(Unary{std::move(op), std::move(a)}); }
Expr paren(Expr a) { return make(Paren{std::move(a)}); }
Expr cast(Type t, Expr a) { return make(Cast{t, std::move(a)}); }
Expr call(Fn fn, std::vector<Expr> args) { return make(Call{fn, std::move(args)}); }
Expr ternary(Expr cond, Expr t, Expr f) {
  return make(Ternary{std::move(cond), std::move(t), std::move(f)});
}
Expr load(DType t, Expr ptr, Expr offset, int lanes) {
  return make(Load{t, std::move(ptr), std::move(offset), lanes, false});
}
Expr local_vector_load(DType t, Expr ptr, Expr offset, int lanes) {
  return make(Load{t, std::move(ptr), std::move(offset), lanes, true});
}
Expr index(Expr base, Expr i) { return make(Index{std::move(base), std::move(i)}); }
Expr lane(Expr vec, int i) { return make(Lane{std::move(vec), i}); }
Expr make_vector(Type t, std::vector<Expr> elems) { return make(MakeVector{t, std::move(elems)}); }

}  // namespace tartan::kir
