#include "codegen/kir/builder.h"

#include "tartan/support/error.h"

namespace tartan::kir {

void StmtBuilder::add(Stmt s) { frames_.back().stmts.push_back(std::move(s)); }

void StmtBuilder::open_scope() { frames_.push_back({scope(nullptr), {}}); }

void StmtBuilder::open_if(Expr cond) { frames_.push_back({if_then(std::move(cond), nullptr), {}}); }

void StmtBuilder::open_for(Type type, std::string var, Expr lo, Expr hi, Expr step, int unroll) {
  For f{type, std::move(var), std::move(lo), {}, std::move(hi), std::move(step), nullptr, unroll};
  frames_.push_back({std::make_shared<const StmtNode>(StmtNode{std::move(f)}), {}});
}

void StmtBuilder::close() {
  TARTAN_CHECK(frames_.size() > 1, "closing a block that was never opened");
  Frame f = std::move(frames_.back());
  frames_.pop_back();
  Stmt body = block(std::move(f.stmts));
  Stmt done;
  if (const auto* l = std::get_if<For>(&f.header->node)) {
    For copy = *l;
    copy.body = std::move(body);
    done = std::make_shared<const StmtNode>(StmtNode{std::move(copy)});
  } else if (const auto* i = std::get_if<If>(&f.header->node)) {
    done = if_then(i->cond, std::move(body));
  } else {
    done = scope(std::move(body));
  }
  add(std::move(done));
}

Stmt StmtBuilder::build() {
  TARTAN_CHECK(frames_.size() == 1, "a block left open");
  return block(frames_.back().stmts);
}

}  // namespace tartan::kir
