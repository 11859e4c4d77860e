// Visitors and mutators over a Program's ops.
//
// OpVisitor dispatches each op to the overload for its kind; every overload does nothing by
// default, so a visitor overrides only the ops it cares about. ProgramMutator rebuilds the op
// list: each mutate() returns the ops that replace the given one (by default itself), so a
// pass overrides only what it rewrites.
#pragma once

#include <vector>

#include "tartan/ir/program.h"

namespace tartan {

class OpVisitor {
 public:
  virtual ~OpVisitor() = default;
  void visit_all(const Program& program);
  void visit(const Op& op);

 protected:
  virtual void visit(const Contraction&) {}
  virtual void visit(const Elementwise&) {}
  virtual void visit(const Reshape&) {}
  virtual void visit(const Gather&) {}
  virtual void visit(const IndexOf&) {}
  // A scan's body is a Program of its own: visit it with another visitor where needed.
  virtual void visit(const Scan&) {}
};

class ProgramMutator {
 public:
  virtual ~ProgramMutator() = default;
  // Rewrites program's ops in order; the result is validated for SSA and order.
  void run(Program* program);

 protected:
  Program* program() const { return program_; }
  virtual std::vector<Op> mutate(const Contraction& c) { return {c}; }
  virtual std::vector<Op> mutate(const Elementwise& e) { return {e}; }
  virtual std::vector<Op> mutate(const Reshape& r) { return {r}; }
  virtual std::vector<Op> mutate(const Gather& g) { return {g}; }
  virtual std::vector<Op> mutate(const IndexOf& i) { return {i}; }
  virtual std::vector<Op> mutate(const Scan& s) { return {s}; }

 private:
  Program* program_ = nullptr;
};

}  // namespace tartan
