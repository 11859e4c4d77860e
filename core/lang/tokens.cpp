#include "lang/tokens.h"

#include <array>

namespace tartan {

namespace {

// Two-character spellings come before their one-character prefixes so the lexer's first match
// is the longest one.
constexpr std::array<TokenSpelling, 26> kPunctuation = {{
    {Tok::kEqEq, "=="},   {Tok::kNotEq, "!="},  {Tok::kLessEq, "<="},  {Tok::kGreaterEq, ">="},
    {Tok::kAndAnd, "&&"}, {Tok::kOrOr, "||"},   {Tok::kArrow, "->"},   {Tok::kPlus, "+"},
    {Tok::kMinus, "-"},   {Tok::kStar, "*"},    {Tok::kSlash, "/"},    {Tok::kPercent, "%"},
    {Tok::kLess, "<"},    {Tok::kGreater, ">"}, {Tok::kBang, "!"},     {Tok::kQuestion, "?"},
    {Tok::kColon, ":"},   {Tok::kAssign, "="},  {Tok::kComma, ","},    {Tok::kSemi, ";"},
    {Tok::kLParen, "("},  {Tok::kRParen, ")"},  {Tok::kLBracket, "["}, {Tok::kRBracket, "]"},
    {Tok::kLBrace, "{"},  {Tok::kRBrace, "}"},
}};

}  // namespace

std::span<const TokenSpelling> punctuation_table() { return kPunctuation; }

std::string describe(Tok kind) {
  switch (kind) {
    case Tok::kEnd:
      return "the end of the input";
    case Tok::kIdent:
      return "a name";
    case Tok::kInt:
      return "an integer";
    case Tok::kFloat:
      return "a number";
    default:
      break;
  }
  for (const TokenSpelling& p : kPunctuation) {
    if (p.kind == kind) return "`" + std::string(p.text) + "`";
  }
  return "?";
}

}  // namespace tartan
