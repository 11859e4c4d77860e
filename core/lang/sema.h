// Sema: syntax tree -> Program.
//
// Binds the header's parameters to actual shapes (ParseOptions::inputs), resolves names, and
// builds every statement through the checked Program::add_* functions only, so a program
// written in tile text and the same program written with the C++ builder are equal.
// Nested expressions become one op per operator, evaluated left to right (post-order), with
// temporaries named by Program::fresh_name.
#pragma once

#include "lang/ast.h"
#include "tartan/ir/program.h"
#include "tartan/lang/parse.h"

namespace tartan {

// Throws Error with the location of the offending name or expression.
Program analyze(const ast::Function& function, const ParseOptions& options);

}  // namespace tartan
