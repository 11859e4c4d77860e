#include "codegen/kir/stmt.h"

namespace tartan::kir {

namespace {

template <typename Node>
Stmt make(Node n) {
  return std::make_shared<const StmtNode>(StmtNode{std::move(n)});
}

}  // namespace

Stmt block(std::vector<Stmt> stmts) { return make(Block{std::move(stmts)}); }
Stmt scope(Stmt body) { return make(Scope{std::move(body)}); }
Stmt let(Type t, std::string name, Expr value) {
  return make(Let{t, std::move(name), std::move(value), true});
}
Stmt let_mut(Type t, std::string name, Expr value) {
  return make(Let{t, std::move(name), std::move(value), false});
}
Stmt assign(Expr target, std::string op, Expr value) {
  return make(Assign{std::move(target), std::move(op), std::move(value)});
}
Stmt store(DType t, Expr ptr, Expr offset, Expr value, int lanes) {
  return make(Store{t, std::move(ptr), std::move(offset), std::move(value), lanes});
}
Stmt if_then(Expr cond, Stmt then, Stmt otherwise) {
  return make(If{std::move(cond), std::move(then), std::move(otherwise), false});
}
Stmt if_compact(Expr cond, Stmt then) {
  return make(If{std::move(cond), std::move(then), nullptr, true});
}
Stmt for_loop(Type t, std::string var, Expr lo, Expr hi, Stmt body, Expr step) {
  return make(For{
      t, std::move(var), std::move(lo), {}, std::move(hi), std::move(step), std::move(body), 0});
}
Stmt local_alloc(Type t, std::string name, std::int64_t count, bool aligned) {
  return make(LocalAlloc{t, std::move(name), count, aligned});
}
Stmt barrier() { return make(Barrier{}); }
Stmt ret() { return make(Return{}); }
Stmt cont() { return make(Continue{}); }

}  // namespace tartan::kir
