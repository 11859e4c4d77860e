#include "lang/lexer.h"

#include <gtest/gtest.h>

namespace tartan {
namespace {

std::vector<Tok> kinds(const std::vector<Token>& tokens) {
  std::vector<Tok> k;
  for (const Token& t : tokens) k.push_back(t.kind);
  return k;
}

TEST(Lexer, EveryOperatorIsOneToken) {
  const auto tokens = lex("+ - * / % == != < > <= >= && || ! ? : = , ; ( ) [ ] { } ->", "t");
  EXPECT_EQ(
      kinds(tokens),
      (std::vector<Tok>{
          Tok::kPlus,   Tok::kMinus,  Tok::kStar,     Tok::kSlash,    Tok::kPercent,   Tok::kEqEq,
          Tok::kNotEq,  Tok::kLess,   Tok::kGreater,  Tok::kLessEq,   Tok::kGreaterEq, Tok::kAndAnd,
          Tok::kOrOr,   Tok::kBang,   Tok::kQuestion, Tok::kColon,    Tok::kAssign,    Tok::kComma,
          Tok::kSemi,   Tok::kLParen, Tok::kRParen,   Tok::kLBracket, Tok::kRBracket,  Tok::kLBrace,
          Tok::kRBrace, Tok::kArrow,  Tok::kEnd}));
}

TEST(Lexer, LongestMatchWithoutSpaces) {
  // `a<=-b` is a, <=, -, b; `==(` stays `==` then `(`; `->` is one token.
  EXPECT_EQ(kinds(lex("a<=-b==(c)->", "t")),
            (std::vector<Tok>{Tok::kIdent, Tok::kLessEq, Tok::kMinus, Tok::kIdent, Tok::kEqEq,
                              Tok::kLParen, Tok::kIdent, Tok::kRParen, Tok::kArrow, Tok::kEnd}));
}

TEST(Lexer, IdentifiersIncludingLeadingUnderscores) {
  const auto tokens = lex("_T3 abc_9 X __y", "t");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].text, "_T3");
  EXPECT_EQ(tokens[1].text, "abc_9");
  EXPECT_EQ(tokens[2].text, "X");
  EXPECT_EQ(tokens[3].text, "__y");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(tokens[static_cast<std::size_t>(i)].kind, Tok::kIdent);
}

TEST(Lexer, NumberLiterals) {
  const auto tokens = lex("42 1.5 .5 3. 2e-3 1E+2 7e2", "t");
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].kind, Tok::kInt);
  EXPECT_EQ(tokens[0].int_value, 42);
  const double expected[] = {1.5, 0.5, 3.0, 2e-3, 100.0, 700.0};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(tokens[i + 1].kind, Tok::kFloat) << tokens[i + 1].text;
    EXPECT_DOUBLE_EQ(tokens[i + 1].float_value, expected[i]);
  }
}

// float32's largest value is a literal; the next one up rounds to infinity and is an error at
// its position (issue 17, item 9: 1e999 was silently infinity).
TEST(Lexer, FloatLiteralsStayInFloat32Range) {
  const auto tokens = lex("3.4028235e38 1e-60", "t");
  EXPECT_DOUBLE_EQ(tokens[0].float_value, 3.4028235e38);
  EXPECT_EQ(tokens[1].kind, Tok::kFloat);  // rounds to zero, as in C: not an error
  for (const char* text :
       {"3.4028236e38", "1e39", "1e999", "999999999999999999999999999999999999999.0"}) {
    SCOPED_TRACE(text);
    try {
      (void)lex(std::string("  ") + text, "t");
      FAIL() << "accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("out of float32's range"), std::string::npos);
      ASSERT_TRUE(e.loc().has_value());
      EXPECT_EQ(e.loc()->col, 3);
    }
  }
}

TEST(Lexer, HugeIntegersSaturateForTheParserToReport) {
  const auto tokens = lex("99999999999999999999999999", "t");
  EXPECT_EQ(tokens[0].kind, Tok::kInt);
  EXPECT_GT(tokens[0].int_value, 2147483648);
}

TEST(Lexer, PositionsAcrossLinesAndComments) {
  const auto tokens = lex("A /* x\n y */ B // c\n  C\n\tD", "t");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(std::pair(tokens[0].line, tokens[0].col), std::pair(1, 1));
  EXPECT_EQ(std::pair(tokens[1].line, tokens[1].col), std::pair(2, 7));
  EXPECT_EQ(std::pair(tokens[2].line, tokens[2].col), std::pair(3, 3));
  EXPECT_EQ(std::pair(tokens[3].line, tokens[3].col), std::pair(4, 2));
  EXPECT_EQ(tokens[4].kind, Tok::kEnd);
  EXPECT_EQ(tokens[2].loc("f").length, 1);
}

TEST(Lexer, ErrorsCarryPositions) {
  try {
    lex("A\n  B $", "f.tile");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.loc());
    EXPECT_EQ(e.loc()->file, "f.tile");
    EXPECT_EQ(std::pair(e.loc()->line, e.loc()->col), std::pair(2, 5));
  }
  EXPECT_THROW(lex("a /* open", "t"), Error);
  EXPECT_THROW(lex("a & b", "t"), Error);
  EXPECT_THROW(lex("1e+", "t"), Error);
  EXPECT_THROW(lex(std::string("a \0 b", 5), "t"), Error);
}

}  // namespace
}  // namespace tartan
