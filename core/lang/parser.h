// Parser: tokens -> syntax tree, by recursive descent for statements and precedence climbing
// for expressions (see the grammar in ast.h).
#pragma once

#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/tokens.h"

namespace tartan {

// Expressions nest at most this deep; deeper input is an Error rather than a stack overflow.
inline constexpr int kMaxExprDepth = 256;

// Throws Error at the first token that does not fit the grammar.
ast::Function parse_tokens(const std::vector<Token>& tokens, const std::string& file);

// One expression (for tests): the tokens must hold exactly one expression.
ast::Expr parse_expression(const std::vector<Token>& tokens, const std::string& file);

}  // namespace tartan
