// The kernel IR's statements: the loop nest, declarations, stores, guards, barriers and
// __local allocations of one kernel body, built by lowering (a writer per plan family) and
// printed by kir/printer.h. Like expressions they say what happens (store these lanes, wait for
// the work-group), and leave the spelling to the dialect table.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "codegen/kir/expr.h"

namespace tartan::kir {

struct StmtNode;
using Stmt = std::shared_ptr<const StmtNode>;

struct Block {  // statements in sequence, no braces
  std::vector<Stmt> stmts;
};
struct Scope {  // a bare { ... }
  Stmt body;
};
struct Let {  // [const] type name = value;
  Type type;
  std::string name;
  Expr value;
  bool is_const = true;
};
struct Assign {  // target op value; op: "=", "+=", "*=", "^=" ...
  Expr target;
  std::string op;
  Expr value;
};
// `lanes` consecutive elements of `value` (a compute-type scalar or vector) into a global buffer
// of `type` at element `offset` of `ptr`.
struct Store {
  DType type = DType::kFloat32;
  Expr ptr, offset, value;
  int lanes = 1;
};
// if (cond) { then } [else { otherwise }]; `compact`: if (cond) then; on one line (`then` a
// single simple statement, no else).
struct If {
  Expr cond;
  Stmt then, otherwise;
  bool compact = false;
};
// for (type var = lo[, end = hi]; var < (end or hi); ++var or var += step) { body }, after an
// unroll hint when `unroll` > 0. `end` names the bound evaluated once.
struct For {
  Type type;
  std::string var;
  Expr lo;
  std::string end;
  Expr hi, step;  // step null: 1
  Stmt body;
  int unroll = 0;
};
// A __local array of `count` elements, aligned for vector reads where `aligned`.
struct LocalAlloc {
  Type type;
  std::string name;
  std::int64_t count = 0;
  bool aligned = false;
};
struct Barrier {};  // every work-item of the group waits; __local writes become visible
struct Return {};
struct Continue {};

struct StmtNode {
  std::variant<Block, Scope, Let, Assign, Store, If, For, LocalAlloc, Barrier, Return, Continue>
      node;
};

// Builders.
Stmt block(std::vector<Stmt> stmts);
Stmt scope(Stmt body);
Stmt let(Type t, std::string name, Expr value);      // const
Stmt let_mut(Type t, std::string name, Expr value);  // assigned later
Stmt assign(Expr target, std::string op, Expr value);
Stmt store(DType t, Expr ptr, Expr offset, Expr value, int lanes = 1);
Stmt if_then(Expr cond, Stmt then, Stmt otherwise = nullptr);
Stmt if_compact(Expr cond, Stmt then);
Stmt for_loop(Type t, std::string var, Expr lo, Expr hi, Stmt body, Expr step = nullptr);
Stmt local_alloc(Type t, std::string name, std::int64_t count, bool aligned);
Stmt barrier();
Stmt ret();
Stmt cont();

}  // namespace tartan::kir
