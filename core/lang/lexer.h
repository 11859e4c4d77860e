// Lexer: source text -> tokens with 1-based line/column positions.
//
// Identifiers [A-Za-z_][A-Za-z0-9_]*, integer and float literals (`1`, `1.5`, `.5`, `2e-3`),
// `//` line and `/* */` block comments, and the punctuation of the token table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lang/tokens.h"

namespace tartan {

// The last token is always kEnd. Throws Error (with a SourceLoc in `file`) on a bad character,
// a malformed number or an unterminated block comment.
std::vector<Token> lex(std::string_view source, const std::string& file);

}  // namespace tartan
