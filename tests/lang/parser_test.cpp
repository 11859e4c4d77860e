#include "lang/parser.h"

#include <gtest/gtest.h>

#include "lang/lexer.h"

namespace tartan {
namespace {

// Fully parenthesised text of an expression tree.
std::string show(const ast::Expr& e) {
  using K = ast::Expr::Kind;
  switch (e.kind) {
    case K::kName:
      return e.name;
    case K::kInt:
      return std::to_string(e.int_value);
    case K::kFloat:
      return std::to_string(e.float_value);
    case K::kUnary:
      return "(" + describe(e.op).substr(1, describe(e.op).size() - 2) + show(e.args[0]) + ")";
    case K::kBinary: {
      const std::string op = describe(e.op);
      return "(" + show(e.args[0]) + " " + op.substr(1, op.size() - 2) + " " + show(e.args[1]) +
             ")";
    }
    case K::kTernary:
      return "(" + show(e.args[0]) + " ? " + show(e.args[1]) + " : " + show(e.args[2]) + ")";
    case K::kCall: {
      std::string s = e.name + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) s += (i ? ", " : "") + show(e.args[i]);
      return s + ")";
    }
  }
  return "?";
}

std::string parse(const std::string& text) { return show(parse_expression(lex(text, "t"), "t")); }

TEST(Parser, ArithmeticPrecedenceAndLeftAssociativity) {
  EXPECT_EQ(parse("a + b * c"), "(a + (b * c))");
  EXPECT_EQ(parse("a * b + c"), "((a * b) + c)");
  EXPECT_EQ(parse("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(parse("a / b % c * d"), "(((a / b) % c) * d)");
  EXPECT_EQ(parse("(a + b) * c"), "((a + b) * c)");
}

TEST(Parser, ComparisonAndLogicPrecedence) {
  EXPECT_EQ(parse("a < b == c > d"), "((a < b) == (c > d))");
  EXPECT_EQ(parse("a + 1 <= b * 2"), "((a + 1) <= (b * 2))");
  EXPECT_EQ(parse("a || b && c"), "(a || (b && c))");
  EXPECT_EQ(parse("a && b == c || d"), "((a && (b == c)) || d)");
  EXPECT_EQ(parse("a != b >= c"), "(a != (b >= c))");
}

TEST(Parser, TernaryIsLowestAndRightAssociative) {
  EXPECT_EQ(parse("a || b ? c + d : e"), "((a || b) ? (c + d) : e)");
  EXPECT_EQ(parse("a ? b : c ? d : e"), "(a ? b : (c ? d : e))");
  EXPECT_EQ(parse("a ? b ? c : d : e"), "(a ? (b ? c : d) : e)");
}

TEST(Parser, UnaryBindsTighterThanBinary) {
  EXPECT_EQ(parse("-a * b"), "((-a) * b)");
  EXPECT_EQ(parse("!a && b"), "((!a) && b)");
  EXPECT_EQ(parse("- -a"), "(-(-a))");
  EXPECT_EQ(parse("a - -b"), "(a - (-b))");
}

TEST(Parser, MinusBeforeANumberIsPartOfTheLiteral) {
  const ast::Expr lit = parse_expression(lex("-2", "t"), "t");
  EXPECT_EQ(lit.kind, ast::Expr::Kind::kInt);
  EXPECT_EQ(lit.int_value, -2);
  EXPECT_EQ(parse("a - 1"), "(a - 1)");
  EXPECT_EQ(parse("a * -1"), "(a * -1)");
  EXPECT_EQ(parse("-(1)"), "(-1)");  // a negation of the literal 1, not the literal -1
  EXPECT_EQ(parse_expression(lex("-(1)", "t"), "t").kind, ast::Expr::Kind::kUnary);
  EXPECT_EQ(parse_expression(lex("-2147483648", "t"), "t").int_value, -2147483648LL);
  EXPECT_THROW(parse("2147483648"), Error);
}

TEST(Parser, Calls) {
  EXPECT_EQ(parse("max(a + b, c) * exp(d)"), "(max((a + b), c) * exp(d))");
  EXPECT_EQ(parse("f()"), "f()");
}

TEST(Parser, DepthIsCapped) {
  std::string deep(1000, '(');
  deep += "a" + std::string(1000, ')');
  EXPECT_THROW(parse(deep), Error);
  std::string chain = "a";
  for (int i = 0; i < 1000; ++i) chain += " + a";
  EXPECT_THROW(parse(chain), Error);
  std::string negs(1000, '-');
  EXPECT_THROW(parse(negs + "a"), Error);
}

TEST(Parser, Statements) {
  const ast::Function f = parse_tokens(
      lex("function (A[N, 3], K: float16[]) -> (O) {\n"
          "  O[i, j : N, 3] = >(A[i, j + k] == K[] ? A[i, j]), k < 2, i + k < N default A;\n"
          "  P = O;\n}",
          "t"),
      "t");
  ASSERT_EQ(f.params.size(), 2u);
  EXPECT_EQ(f.params[0].dims.size(), 2u);
  EXPECT_EQ(f.params[0].dims[0].name->text, "N");
  EXPECT_EQ(f.params[0].dims[1].value, 3);
  EXPECT_EQ(f.params[1].type->text, "float16");
  EXPECT_TRUE(f.params[1].has_dims);
  EXPECT_TRUE(f.params[1].dims.empty());
  ASSERT_EQ(f.body.size(), 2u);
  const auto& c = std::get<ast::ContractionStmt>(f.body[0]);
  EXPECT_EQ(c.agg, Tok::kGreater);
  EXPECT_EQ(c.comb, Tok::kQuestion);
  EXPECT_EQ(c.inputs.size(), 3u);
  EXPECT_EQ(c.constraints.size(), 2u);
  EXPECT_EQ(show(c.constraints[1]), "((i + k) < N)");
  EXPECT_EQ(c.default_tensor->text, "A");
  EXPECT_EQ(std::get<ast::AssignStmt>(f.body[1]).target.text, "P");
}

}  // namespace
}  // namespace tartan
