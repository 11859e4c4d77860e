// The syntax tree of a tile program, as written (no types, no shapes: sema adds those).
//
// Grammar (EBNF; `{x}` repeats, `[x]` is optional):
//
//   program     = "function" "(" [param {"," param}] ")" "->" "(" [NAME {"," NAME}] ")"
//                 "{" {statement} "}" END
//   param       = NAME [":" TYPE] ["[" [dim {"," dim}] "]"]     TYPE: bool int32 float16 float32
//   dim         = NAME | INT
//   statement   = contraction | scan | NAME "=" expr ";"
//   scan        = NAME "=" "scan" INT "(" [exprs] ";" [exprs] ";" [exprs] ")"
//                 ("last" | "stack") INT function ";"
//                 the trip count; carried states, sequences, invariants; the carried state
//                 returned (its final value, or its value after every step); the body
//   function    = "function" "(" ... "}" as in `program`, without END
//   contraction = NAME "[" [expr {"," expr} [":" expr {"," expr}]] "]" "=" agg
//                 "(" combination ")" {"," expr "<" expr} ["default" NAME] ";"
//   agg         = "+" | "*" | ">" | "<" | "="          (`==(` is read as `= =(`)
//   combination = access [("*" | "+") access | "==" access ["?" access]]
//   access      = NAME "[" [expr {"," expr}] "]"
//   expr        = binary ["?" expr ":" expr]
//   binary      = unary {binop unary}                  precedence climbing, lowest first:
//                 || ; && ; == != ; < > <= >= ; + - ; * / %   (all left-associative)
//   unary       = ("-" | "!") unary | "-" NUMBER | primary
//   primary     = NUMBER | NAME | NAME "(" [expr {"," expr}] ")" | "(" expr ")"
//
// Names: Uppercase-first (after leading underscores) are tensors and dimensions, lowercase-first
// are index variables. `-` directly before a number is part of the literal, so `-1.0` is one
// literal and `-(1.0)` negates one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "lang/tokens.h"
#include "tartan/support/error.h"

namespace tartan::ast {

struct Name {
  std::string text;
  SourceLoc loc;
};

struct Expr {
  enum class Kind : std::uint8_t { kName, kInt, kFloat, kUnary, kBinary, kTernary, kCall };
  Kind kind = Kind::kName;
  SourceLoc loc;               // the name, literal, operator or function name
  std::string name;            // kName, kCall
  Tok op = Tok::kEnd;          // kUnary, kBinary
  std::int64_t int_value = 0;  // kInt (sign included)
  double float_value = 0;      // kFloat (sign included)
  std::vector<Expr> args;      // operands or call arguments
  int depth = 1;               // nesting depth, capped by the parser
};

struct Access {
  Name tensor;
  std::vector<Expr> indices;
};

struct ContractionStmt {
  Access output;            // output.indices are the output index expressions
  std::vector<Expr> sizes;  // dimension expressions, one per output index
  Tok agg = Tok::kPlus;     // kPlus kStar kGreater kLess kAssign
  SourceLoc agg_loc;
  Tok comb = Tok::kEnd;  // kEnd (single input), kStar, kPlus, kEqEq, kQuestion (A == B ? C)
  std::vector<Access> inputs;
  std::vector<Expr> constraints;  // each a `<` comparison
  std::optional<Name> default_tensor;
};

struct AssignStmt {
  Name target;
  Expr value;
};

struct Function;

struct ScanStmt {
  Name target;
  SourceLoc loc;  // `scan`
  std::int64_t trip_count = 1;
  SourceLoc trip_loc;
  std::vector<Expr> carried, sequences, invariants;
  bool stacked = false;
  std::int64_t result = 0;
  SourceLoc result_loc;
  std::shared_ptr<const Function> body;
};

using Statement = std::variant<ContractionStmt, AssignStmt, ScanStmt>;

struct Dim {
  std::optional<Name> name;  // a dimension name, or
  std::int64_t value = 0;    // an integer literal
  SourceLoc loc;
};

struct Param {
  Name name;
  std::optional<Name> type;
  bool has_dims = false;  // false for a bare `NAME`: the shape comes from ParseOptions
  std::vector<Dim> dims;
};

struct Function {
  SourceLoc loc;
  std::vector<Param> params;
  std::vector<Name> outputs;
  std::vector<Statement> body;
};

}  // namespace tartan::ast
