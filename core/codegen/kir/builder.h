// Builds a statement tree in the order the kernel runs: statements are added one after another,
// and loops, ifs and scopes open and close around them, as a writer reads top to bottom. The
// lowering of a plan family uses it where its structure follows the loop nest (local_gemm.cpp).
#pragma once

#include <vector>

#include "codegen/kir/stmt.h"

namespace tartan::kir {

class StmtBuilder {
 public:
  void add(Stmt s);
  void open_scope();
  void open_if(Expr cond);
  // for (type var = lo; var < hi; ++var or var += step); unroll > 0: an unroll hint before it.
  void open_for(Type type, std::string var, Expr lo, Expr hi, Expr step = nullptr, int unroll = 0);
  void close();  // the innermost open loop, if or scope
  Stmt build();  // everything added; every loop, if and scope must be closed

 private:
  struct Frame {
    Stmt header;  // a For, If or Scope whose body is this frame's statements (null: the root)
    std::vector<Stmt> stmts;
  };
  std::vector<Frame> frames_{Frame{}};
};

}  // namespace tartan::kir
