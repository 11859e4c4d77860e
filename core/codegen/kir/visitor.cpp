#include "codegen/kir/visitor.h"

namespace tartan::kir {

void Visitor::visit(const Expr& e) {
  if (e) std::visit([this](const auto& n) { visit(n); }, e->node);
}
void Visitor::visit(const Stmt& s) {
  if (s) std::visit([this](const auto& n) { visit(n); }, s->node);
}

void Visitor::visit(const Binary& n) {
  visit(n.a);
  visit(n.b);
}
void Visitor::visit(const Unary& n) { visit(n.a); }
void Visitor::visit(const Paren& n) { visit(n.a); }
void Visitor::visit(const Cast& n) { visit(n.a); }
void Visitor::visit(const Call& n) {
  for (const Expr& a : n.args) visit(a);
}
void Visitor::visit(const Ternary& n) {
  visit(n.cond);
  visit(n.t);
  visit(n.f);
}
void Visitor::visit(const Load& n) {
  visit(n.ptr);
  visit(n.offset);
}
void Visitor::visit(const Index& n) {
  visit(n.base);
  visit(n.index);
}
void Visitor::visit(const Lane& n) { visit(n.vec); }
void Visitor::visit(const MakeVector& n) {
  for (const Expr& e : n.elems) visit(e);
}

void Visitor::visit(const Block& n) {
  for (const Stmt& s : n.stmts) visit(s);
}
void Visitor::visit(const Scope& n) { visit(n.body); }
void Visitor::visit(const Let& n) { visit(n.value); }
void Visitor::visit(const Assign& n) {
  visit(n.target);
  visit(n.value);
}
void Visitor::visit(const Store& n) {
  visit(n.ptr);
  visit(n.offset);
  visit(n.value);
}
void Visitor::visit(const If& n) {
  visit(n.cond);
  visit(n.then);
  visit(n.otherwise);
}
void Visitor::visit(const For& n) {
  visit(n.lo);
  visit(n.hi);
  visit(n.step);
  visit(n.body);
}

namespace {

template <typename Node, typename Ptr>
Ptr remake(Node n) {
  using Target = typename Ptr::element_type;
  return std::make_shared<Target>(std::remove_const_t<Target>{std::move(n)});
}

// Whether any of the mutated children differs from its original.
template <typename T>
bool changed(const std::vector<T>& before, const std::vector<T>& after) {
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] != after[i]) return true;
  }
  return false;
}

}  // namespace

Expr Mutator::mutate(const Expr& e) {
  if (!e) return e;
  return std::visit([&](const auto& n) { return mutate(e, n); }, e->node);
}
Stmt Mutator::mutate(const Stmt& s) {
  if (!s) return s;
  return std::visit([&](const auto& n) { return mutate(s, n); }, s->node);
}

Expr Mutator::mutate(const Expr& self, const Binary& n) {
  Expr a = mutate(n.a), b = mutate(n.b);
  if (a == n.a && b == n.b) return self;
  return binary(n.op, std::move(a), std::move(b));
}
Expr Mutator::mutate(const Expr& self, const Unary& n) {
  Expr a = mutate(n.a);
  return a == n.a ? self : unary(n.op, std::move(a));
}
Expr Mutator::mutate(const Expr& self, const Paren& n) {
  Expr a = mutate(n.a);
  return a == n.a ? self : paren(std::move(a));
}
Expr Mutator::mutate(const Expr& self, const Cast& n) {
  Expr a = mutate(n.a);
  return a == n.a ? self : cast(n.type, std::move(a));
}
Expr Mutator::mutate(const Expr& self, const Call& n) {
  std::vector<Expr> args;
  for (const Expr& a : n.args) args.push_back(mutate(a));
  return changed(n.args, args) ? call(n.fn, std::move(args)) : self;
}
Expr Mutator::mutate(const Expr& self, const Ternary& n) {
  Expr c = mutate(n.cond), t = mutate(n.t), f = mutate(n.f);
  if (c == n.cond && t == n.t && f == n.f) return self;
  return ternary(std::move(c), std::move(t), std::move(f));
}
Expr Mutator::mutate(const Expr& self, const Load& n) {
  Expr p = mutate(n.ptr), o = mutate(n.offset);
  if (p == n.ptr && o == n.offset) return self;
  return n.local ? local_vector_load(n.type, std::move(p), std::move(o), n.lanes)
                 : load(n.type, std::move(p), std::move(o), n.lanes);
}
Expr Mutator::mutate(const Expr& self, const Index& n) {
  Expr b = mutate(n.base), i = mutate(n.index);
  if (b == n.base && i == n.index) return self;
  return index(std::move(b), std::move(i));
}
Expr Mutator::mutate(const Expr& self, const Lane& n) {
  Expr v = mutate(n.vec);
  return v == n.vec ? self : lane(std::move(v), n.lane);
}
Expr Mutator::mutate(const Expr& self, const MakeVector& n) {
  std::vector<Expr> elems;
  for (const Expr& e : n.elems) elems.push_back(mutate(e));
  return changed(n.elems, elems) ? make_vector(n.type, std::move(elems)) : self;
}

Stmt Mutator::mutate(const Stmt& self, const Block& n) {
  std::vector<Stmt> stmts;
  for (const Stmt& s : n.stmts) stmts.push_back(mutate(s));
  return changed(n.stmts, stmts) ? block(std::move(stmts)) : self;
}
Stmt Mutator::mutate(const Stmt& self, const Scope& n) {
  Stmt b = mutate(n.body);
  return b == n.body ? self : scope(std::move(b));
}
Stmt Mutator::mutate(const Stmt& self, const Let& n) {
  Expr v = mutate(n.value);
  if (v == n.value) return self;
  Let copy = n;
  copy.value = std::move(v);
  return remake<Let, Stmt>(std::move(copy));
}
Stmt Mutator::mutate(const Stmt& self, const Assign& n) {
  Expr t = mutate(n.target), v = mutate(n.value);
  if (t == n.target && v == n.value) return self;
  return assign(std::move(t), n.op, std::move(v));
}
Stmt Mutator::mutate(const Stmt& self, const Store& n) {
  Expr p = mutate(n.ptr), o = mutate(n.offset), v = mutate(n.value);
  if (p == n.ptr && o == n.offset && v == n.value) return self;
  return store(n.type, std::move(p), std::move(o), std::move(v), n.lanes);
}
Stmt Mutator::mutate(const Stmt& self, const If& n) {
  Expr c = mutate(n.cond);
  Stmt t = mutate(n.then), o = mutate(n.otherwise);
  if (c == n.cond && t == n.then && o == n.otherwise) return self;
  return remake<If, Stmt>(If{std::move(c), std::move(t), std::move(o), n.compact});
}
Stmt Mutator::mutate(const Stmt& self, const For& n) {
  Expr lo = mutate(n.lo), hi = mutate(n.hi), step = mutate(n.step);
  Stmt body = mutate(n.body);
  if (lo == n.lo && hi == n.hi && step == n.step && body == n.body) return self;
  For copy = n;
  copy.lo = std::move(lo);
  copy.hi = std::move(hi);
  copy.step = std::move(step);
  copy.body = std::move(body);
  return remake<For, Stmt>(std::move(copy));
}

}  // namespace tartan::kir
