// The one printer of the kernel IR: C text, with every dialect-specific spelling (types,
// builtins, loads and stores, literals, barriers, __local arrays) taken from the dialect table
// (codegen/opencl_dialect.h). Expressions print exactly as built (grouping is explicit, see
// kir/expr.h); statements print one per line, blocks indented by CodeWriter.
#pragma once

#include <string>

#include "codegen/code_writer.h"
#include "codegen/kir/expr.h"
#include "codegen/kir/stmt.h"

namespace tartan::kir {

std::string print(const Type& t);
std::string print(const Expr& e);
void print(const Stmt& s, CodeWriter& out);
// A simple statement's one line, without indentation or newline.
std::string print_line(const Stmt& s);

}  // namespace tartan::kir
