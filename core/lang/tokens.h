// The token table of the tile language: every token kind and its spelling.
//
// The lexer matches punctuation from this table (longest spelling first), and the parser and
// diagnostics name tokens through it, so a new operator is one table row.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "tartan/support/error.h"

namespace tartan {

enum class Tok : std::uint8_t {
  kEnd,    // end of input
  kIdent,  // names, keywords (`function`, `default`) and type names
  kInt,    // 42
  kFloat,  // 1.5, 2e-3, 3.
  // punctuation and operators
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kEqEq,
  kNotEq,
  kLess,
  kGreater,
  kLessEq,
  kGreaterEq,
  kAndAnd,
  kOrOr,
  kBang,
  kQuestion,
  kColon,
  kAssign,
  kComma,
  kSemi,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kArrow,
};

struct TokenSpelling {
  Tok kind;
  std::string_view text;
};

// Every punctuation token with its spelling.
std::span<const TokenSpelling> punctuation_table();

// How a diagnostic names a token kind: "`;`", "a name", "an integer", "the end of the input".
std::string describe(Tok kind);

struct Token {
  Tok kind = Tok::kEnd;
  std::string_view text;  // points into the source
  int line = 1;
  int col = 1;
  std::int64_t int_value = 0;  // kInt: the value (saturated far above the int32 range)
  double float_value = 0;      // kFloat: strtod of the text

  SourceLoc loc(const std::string& file) const {
    return SourceLoc{file, line, col, text.empty() ? 1 : static_cast<int>(text.size())};
  }
};

}  // namespace tartan
