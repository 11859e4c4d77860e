// The tile language front end: text -> Program, and Program -> canonical text.
//
//   function (I[N, H, W, C], K: float16[3, 3, C, M]) -> (O) { statements }
//
// Header dimensions are names (bound from the actual input shape; a repeated name demands
// equal sizes) or integer literals. Inputs whose header names only dimension names get their
// shapes and dtypes from ParseOptions::inputs.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "tartan/ir/program.h"
#include "tartan/support/error.h"

namespace tartan {

struct InputSpec {
  DType dtype = DType::kFloat32;
  Shape shape;
};

struct ParseOptions {
  std::string filename = "<input>";
  std::map<std::string, InputSpec> inputs;  // binds header parameters by name
};

// Lexes, parses and checks `source`; throws Error with a SourceLoc on the first mistake.
Program parse_program(std::string_view source, const ParseOptions& options = {});

// Canonical tile text for any Program: concrete sizes in the header, one statement per op.
// parse_program(print_program(p)) is equal to p (programs_equal) for programs without weight
// constants; those print as extra parameters marked `// constant`, without their values.
std::string print_program(const Program& program);

// One op as its tile statement, `O[i : 4] = +(A[i, j]);` (kernel header comments, logs).
std::string print_statement(const Program& program, const Op& op);

// "file:line:col: error: what\n<source line>\n    ^~~~\nhint: how to fix\n" for an Error with a
// location (the location's line is taken from `source`), or "error: what\nhint: ...\n".
std::string format_diagnostic(const Error& error, std::string_view source);

}  // namespace tartan
