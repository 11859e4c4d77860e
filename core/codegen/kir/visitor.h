// Walking and rewriting the kernel IR. Both recurse into every child by default, so a rewrite
// overrides only the nodes it cares about (Halide's IRVisitor/IRMutator): a visitor that counts
// loads overrides visit(const Load&); a mutator that rewrites guards overrides mutate of If and
// leaves the rest to the base class. Derived classes write `using Visitor::visit;` (or
// `using Mutator::mutate;`) to keep the other overloads.
#pragma once

#include "codegen/kir/expr.h"
#include "codegen/kir/stmt.h"

namespace tartan::kir {

class Visitor {
 public:
  virtual ~Visitor() = default;
  void visit(const Expr& e);  // null: nothing
  void visit(const Stmt& s);

 protected:
  virtual void visit(const Verbatim&) {}
  virtual void visit(const Var&) {}
  virtual void visit(const IntImm&) {}
  virtual void visit(const Literal&) {}
  virtual void visit(const NamedConst&) {}
  virtual void visit(const Binary& n);
  virtual void visit(const Unary& n);
  virtual void visit(const Paren& n);
  virtual void visit(const Cast& n);
  virtual void visit(const Call& n);
  virtual void visit(const Ternary& n);
  virtual void visit(const Load& n);
  virtual void visit(const Index& n);
  virtual void visit(const Lane& n);
  virtual void visit(const MakeVector& n);

  virtual void visit(const Block& n);
  virtual void visit(const Scope& n);
  virtual void visit(const Let& n);
  virtual void visit(const Assign& n);
  virtual void visit(const Store& n);
  virtual void visit(const If& n);
  virtual void visit(const For& n);
  virtual void visit(const LocalAlloc&) {}
  virtual void visit(const Barrier&) {}
  virtual void visit(const Return&) {}
  virtual void visit(const Continue&) {}
};

// Each mutate returns the node rebuilt from its mutated children, or the same node where no
// child changed (so an unchanged tree is shared, not copied). `self` is the node being
// mutated, for overrides that keep it.
class Mutator {
 public:
  virtual ~Mutator() = default;
  Expr mutate(const Expr& e);  // null: null
  Stmt mutate(const Stmt& s);

 protected:
  virtual Expr mutate(const Expr& self, const Verbatim&) { return self; }
  virtual Expr mutate(const Expr& self, const Var&) { return self; }
  virtual Expr mutate(const Expr& self, const IntImm&) { return self; }
  virtual Expr mutate(const Expr& self, const Literal&) { return self; }
  virtual Expr mutate(const Expr& self, const NamedConst&) { return self; }
  virtual Expr mutate(const Expr& self, const Binary& n);
  virtual Expr mutate(const Expr& self, const Unary& n);
  virtual Expr mutate(const Expr& self, const Paren& n);
  virtual Expr mutate(const Expr& self, const Cast& n);
  virtual Expr mutate(const Expr& self, const Call& n);
  virtual Expr mutate(const Expr& self, const Ternary& n);
  virtual Expr mutate(const Expr& self, const Load& n);
  virtual Expr mutate(const Expr& self, const Index& n);
  virtual Expr mutate(const Expr& self, const Lane& n);
  virtual Expr mutate(const Expr& self, const MakeVector& n);

  virtual Stmt mutate(const Stmt& self, const Block& n);
  virtual Stmt mutate(const Stmt& self, const Scope& n);
  virtual Stmt mutate(const Stmt& self, const Let& n);
  virtual Stmt mutate(const Stmt& self, const Assign& n);
  virtual Stmt mutate(const Stmt& self, const Store& n);
  virtual Stmt mutate(const Stmt& self, const If& n);
  virtual Stmt mutate(const Stmt& self, const For& n);
  virtual Stmt mutate(const Stmt& self, const LocalAlloc&) { return self; }
  virtual Stmt mutate(const Stmt& self, const Barrier&) { return self; }
  virtual Stmt mutate(const Stmt& self, const Return&) { return self; }
  virtual Stmt mutate(const Stmt& self, const Continue&) { return self; }
};

}  // namespace tartan::kir
