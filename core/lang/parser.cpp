#include "lang/parser.h"

#include <algorithm>
#include <utility>

namespace tartan {

namespace {

using ast::Expr;

// Binding strength of binary operators (higher binds tighter); 0: not a binary operator.
int precedence(Tok t) {
  switch (t) {
    case Tok::kOrOr:
      return 1;
    case Tok::kAndAnd:
      return 2;
    case Tok::kEqEq:
    case Tok::kNotEq:
      return 3;
    case Tok::kLess:
    case Tok::kGreater:
    case Tok::kLessEq:
    case Tok::kGreaterEq:
      return 4;
    case Tok::kPlus:
    case Tok::kMinus:
      return 5;
    case Tok::kStar:
    case Tok::kSlash:
    case Tok::kPercent:
      return 6;
    default:
      return 0;
  }
}

constexpr std::int64_t kInt32Max = 2147483647;

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const std::string& file) : toks_(tokens), file_(file) {}

  ast::Function function() {
    ast::Function f = function_definition();
    if (peek().kind != Tok::kEnd) {
      fail(peek(), "unexpected " + found(peek()) + " after the end of the function",
           "a file holds one function");
    }
    return f;
  }

  Expr whole_expression() {
    Expr e = expr();
    if (peek().kind != Tok::kEnd) fail(peek(), "unexpected " + found(peek()) + " after expression");
    return e;
  }

 private:
  // A scan's body is a nested function; bounding the nesting keeps the parser's stack small.
  static constexpr int kMaxScanDepth = 16;

  ast::Function function_definition() {
    ast::Function f;
    const Token& kw = peek();
    if (kw.kind != Tok::kIdent || kw.text != "function") {
      if (scan_depth_ > 0) {
        fail(kw, "expected the scan's body `function (...) -> (...) { ... }`, found " + found(kw),
             "write the body after the result, like: last 0 function (H[N]) -> (H2) { ... }");
      }
      fail(kw, "expected `function` at the start of the program, found " + found(kw),
           "a tile program looks like: function (A[N]) -> (B) { B = exp(A); }");
    }
    f.loc = loc(kw);
    ++pos_;
    expect(Tok::kLParen, "after `function`");
    if (!accept(Tok::kRParen)) {
      do {
        f.params.push_back(param());
      } while (accept(Tok::kComma));
      expect(Tok::kRParen, "to close the parameter list");
    }
    expect(Tok::kArrow, "between the parameters and the outputs");
    expect(Tok::kLParen, "to open the output list");
    if (!accept(Tok::kRParen)) {
      do {
        f.outputs.push_back(name("an output name"));
      } while (accept(Tok::kComma));
      expect(Tok::kRParen, "to close the output list");
    }
    expect(Tok::kLBrace, "to open the function body");
    while (peek().kind != Tok::kRBrace) {
      if (peek().kind == Tok::kEnd) {
        fail(peek(), "expected `}` to close the function body, found " + found(peek()),
             "close the function body with `}`");
      }
      f.body.push_back(statement());
    }
    ++pos_;
    return f;
  }

  // ------------------------------------------------------------ token helpers
  const Token& peek(std::size_t ahead = 0) const {
    return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
  }
  const Token& take() {
    const Token& t = peek();
    if (pos_ < toks_.size() - 1) ++pos_;
    return t;
  }
  bool accept(Tok kind) {
    if (peek().kind != kind) return false;
    take();
    return true;
  }
  SourceLoc loc(const Token& t) const { return t.loc(file_); }

  static std::string found(const Token& t) {
    if (t.kind == Tok::kEnd) return describe(t.kind);
    return "`" + std::string(t.text) + "`";
  }

  [[noreturn]] void fail(const Token& t, const std::string& what,
                         const std::string& hint = {}) const {
    throw Error(what, hint, loc(t));
  }

  const Token& expect(Tok kind, const std::string& context) {
    if (peek().kind != kind) {
      std::string hint = "insert " + describe(kind) + " " + context;
      if (kind == Tok::kSemi) hint = "end each statement with `;`";
      // A missing `;` is best reported just after the previous token, where it belongs.
      const Token& at = kind == Tok::kSemi && pos_ > 0 ? after_previous() : peek();
      fail(at, "expected " + describe(kind) + " " + context + ", found " + found(peek()), hint);
    }
    return take();
  }

  const Token& after_previous() {
    const Token& prev = toks_[pos_ - 1];
    gap_ = prev;
    gap_.col = prev.col + static_cast<int>(prev.text.size());
    gap_.text = {};
    return gap_;
  }

  ast::Name name(const std::string& what) {
    const Token& t = peek();
    if (t.kind != Tok::kIdent) fail(t, "expected " + what + ", found " + found(t));
    take();
    return ast::Name{std::string(t.text), loc(t)};
  }

  // ------------------------------------------------------------ header
  ast::Param param() {
    ast::Param p;
    p.name = name("a parameter name");
    if (accept(Tok::kColon)) p.type = name("a type name (bool, int32, float16, float32)");
    if (accept(Tok::kLBracket)) {
      p.has_dims = true;
      if (!accept(Tok::kRBracket)) {
        do {
          p.dims.push_back(dim());
        } while (accept(Tok::kComma));
        expect(Tok::kRBracket, "to close the dimensions of " + p.name.text);
      }
    }
    return p;
  }

  ast::Dim dim() {
    const Token& t = peek();
    ast::Dim d;
    d.loc = loc(t);
    if (t.kind == Tok::kIdent) {
      d.name = ast::Name{std::string(t.text), loc(t)};
    } else if (t.kind == Tok::kInt) {
      d.value = checked_int(t, false);
    } else {
      fail(t, "expected a dimension name or size, found " + found(t),
           "write dimensions like A[N, 3]");
    }
    take();
    return d;
  }

  // ------------------------------------------------------------ statements
  ast::Statement statement() {
    if (peek().kind == Tok::kIdent && peek(1).kind == Tok::kLBracket) return contraction();
    if (peek().kind == Tok::kIdent && peek(1).kind == Tok::kAssign && peek(2).kind == Tok::kIdent &&
        peek(2).text == "scan" && peek(3).kind == Tok::kInt) {
      return scan();
    }
    ast::AssignStmt s;
    s.target = name("a statement (`NAME = expression;` or a contraction)");
    expect(Tok::kAssign, "after " + s.target.text);
    s.value = expr();
    expect(Tok::kSemi, "after the statement");
    return s;
  }

  ast::ContractionStmt contraction() {
    ast::ContractionStmt c;
    c.output.tensor = name("an output name");
    take();  // `[`
    if (peek().kind != Tok::kRBracket) {
      c.output.indices = expr_list(Tok::kColon, Tok::kRBracket);
      if (!accept(Tok::kColon)) {
        fail(peek(), "missing output sizes in the contraction for " + c.output.tensor.text,
             "write the size of each output dimension after a colon, like O[i, j : N, M]");
      }
      c.sizes = expr_list(Tok::kRBracket, Tok::kRBracket);
    }
    expect(Tok::kRBracket, "to close the output of " + c.output.tensor.text);
    expect(Tok::kAssign, "after the output of the contraction");
    aggregation(&c);
    expect(Tok::kLParen, "after the aggregation");
    combination(&c);
    expect(Tok::kRParen, "to close the combination");
    while (accept(Tok::kComma)) {
      Expr k = expr();
      if (k.kind != Expr::Kind::kBinary || k.op != Tok::kLess) {
        throw Error("a constraint must have the form `expression < bound`",
                    "for example `, i + j < N`", k.loc);
      }
      c.constraints.push_back(std::move(k));
    }
    if (peek().kind == Tok::kIdent && peek().text == "default") {
      take();
      c.default_tensor = name("the name of the default tensor");
    }
    expect(Tok::kSemi, "after the contraction");
    return c;
  }

  ast::ScanStmt scan() {
    ast::ScanStmt s;
    s.target = name("the scan's result name");
    take();               // `=`
    s.loc = loc(take());  // `scan`
    s.trip_loc = loc(peek());
    s.trip_count = checked_int(take(), false);
    expect(Tok::kLParen, "after the trip count of the scan");
    std::vector<Expr>* groups[] = {&s.carried, &s.sequences, &s.invariants};
    const char* after[] = {"after the carried states", "after the sequences"};
    for (int g = 0; g < 3; ++g) {
      const Tok end = g < 2 ? Tok::kSemi : Tok::kRParen;
      if (peek().kind != end) *groups[g] = expr_list(end, end);
      if (g < 2) {
        if (peek().kind != Tok::kSemi) {
          fail(peek(), "expected `;` " + std::string(after[g]) + ", found " + found(peek()),
               "a scan lists (carried states; sequences; invariants), each group possibly "
               "empty, like scan 8 (H0; X; W)");
        }
        take();
      }
    }
    expect(Tok::kRParen, "to close the operands of the scan");
    const Token& mode = peek();
    if (mode.kind != Tok::kIdent || (mode.text != "last" && mode.text != "stack")) {
      fail(mode, "expected `last` or `stack` after the scan's operands, found " + found(mode),
           "`last K` returns carried state K's final value, `stack K` its value after every "
           "step");
    }
    s.stacked = mode.text == "stack";
    take();
    s.result_loc = loc(peek());
    if (peek().kind != Tok::kInt) {
      fail(peek(), "expected the number of the carried state to return, found " + found(peek()),
           "carried states are numbered from 0, like `last 0`");
    }
    s.result = checked_int(take(), false);
    if (++scan_depth_ > kMaxScanDepth) {
      fail(peek(), "scans nested too deeply (more than " + std::to_string(kMaxScanDepth) + ")",
           "split the loop nest");
    }
    s.body = std::make_shared<const ast::Function>(function_definition());
    --scan_depth_;
    expect(Tok::kSemi, "after the scan");
    return s;
  }

  void aggregation(ast::ContractionStmt* c) {
    const Token& t = peek();
    c->agg_loc = loc(t);
    switch (t.kind) {
      case Tok::kPlus:
      case Tok::kStar:
      case Tok::kGreater:
      case Tok::kLess:
      case Tok::kAssign:
        c->agg = t.kind;
        take();
        return;
      case Tok::kEqEq:  // `O[i : N] ==(A[i])`: the `=` of the statement and the `=` aggregation
        c->agg = Tok::kAssign;
        take();
        return;
      default:
        fail(t, "expected an aggregation (+ * > < =) before `(`, found " + found(t),
             "a contraction looks like O[i : N] = +(A[i, j])");
    }
  }

  void combination(ast::ContractionStmt* c) {
    c->inputs.push_back(access());
    const Tok op = peek().kind;
    if (op == Tok::kStar || op == Tok::kPlus || op == Tok::kEqEq) {
      take();
      c->comb = op;
      c->inputs.push_back(access());
      if (op == Tok::kEqEq && accept(Tok::kQuestion)) {
        c->comb = Tok::kQuestion;
        c->inputs.push_back(access());
      }
    }
  }

  ast::Access access() {
    ast::Access a;
    const Token& t = peek();
    if (t.kind != Tok::kIdent || peek(1).kind != Tok::kLBracket) {
      fail(t, "expected a tensor access like A[i, j] in the combination, found " + found(t),
           "contractions combine tensor accesses: +(A[i] * B[i]); use an elementwise "
           "statement for other arithmetic");
    }
    a.tensor = name("a tensor name");
    take();  // `[`
    if (peek().kind != Tok::kRBracket) a.indices = expr_list(Tok::kRBracket, Tok::kRBracket);
    expect(Tok::kRBracket, "to close the access of " + a.tensor.text);
    return a;
  }

  // Comma-separated expressions up to (not including) `stop1` or `stop2`.
  std::vector<Expr> expr_list(Tok stop1, Tok stop2) {
    std::vector<Expr> list;
    do {
      if (peek().kind == stop1 || peek().kind == stop2) {
        fail(peek(), "expected an expression, found " + found(peek()));
      }
      list.push_back(expr());
    } while (accept(Tok::kComma));
    return list;
  }

  // ------------------------------------------------------------ expressions
  // Counts active recursive descents so deeply nested input fails before the stack does.
  class DepthGuard {
   public:
    DepthGuard(Parser* p) : p_(p) {
      if (++p_->active_depth_ > kMaxExprDepth) {
        p_->fail(
            p_->peek(),
            "expression nested too deeply (more than " + std::to_string(kMaxExprDepth) + " levels)",
            "split it into several statements");
      }
    }
    ~DepthGuard() { --p_->active_depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser* p_;
  };

  Expr expr() {
    const DepthGuard guard(this);
    Expr cond = binary(1);
    if (peek().kind != Tok::kQuestion) return cond;
    const Token& q = take();
    Expr a = expr();
    expect(Tok::kColon, "in the conditional `c ? a : b`");
    Expr b = expr();
    return node(Expr::Kind::kTernary, q, {std::move(cond), std::move(a), std::move(b)});
  }

  Expr binary(int min_prec) {
    Expr lhs = unary();
    for (;;) {
      const Token& op = peek();
      const int prec = precedence(op.kind);
      if (prec == 0 || prec < min_prec) return lhs;
      take();
      Expr rhs = binary(prec + 1);
      lhs = node(Expr::Kind::kBinary, op, {std::move(lhs), std::move(rhs)});
    }
  }

  Expr unary() {
    const Token& t = peek();
    if (t.kind == Tok::kMinus && (peek(1).kind == Tok::kInt || peek(1).kind == Tok::kFloat)) {
      take();
      Expr lit = number(take(), true);
      lit.loc.col = t.col;
      lit.loc.length =
          peek(0).col > t.col && peek(0).line == t.line ? peek(0).col - t.col : lit.loc.length + 1;
      return lit;
    }
    if (t.kind == Tok::kMinus || t.kind == Tok::kBang) {
      const DepthGuard guard(this);
      take();
      Expr operand = unary();
      return node(Expr::Kind::kUnary, t, {std::move(operand)});
    }
    return primary();
  }

  Expr primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::kInt:
      case Tok::kFloat:
        return number(take(), false);
      case Tok::kIdent: {
        take();
        Expr e;
        e.loc = loc(t);
        e.name = std::string(t.text);
        if (!accept(Tok::kLParen)) return e;
        e.kind = Expr::Kind::kCall;
        if (!accept(Tok::kRParen)) {
          do {
            e.args.push_back(expr());
          } while (accept(Tok::kComma));
          expect(Tok::kRParen, "to close the arguments of " + e.name);
        }
        set_depth(&e);
        return e;
      }
      case Tok::kLParen: {
        take();
        Expr e = expr();
        expect(Tok::kRParen, "to close the parenthesis");
        // Parentheses count towards the depth so `((((...))))` cannot exhaust the stack.
        ++e.depth;
        check_depth(e);
        return e;
      }
      case Tok::kLBracket:
        fail(t, "unexpected `[`: only tensor accesses inside a contraction use brackets",
             "elementwise statements name whole tensors: B = A * 2");
      default:
        fail(t, "expected an expression, found " + found(t));
    }
  }

  Expr number(const Token& t, bool negated) {
    Expr e;
    e.loc = loc(t);
    if (t.kind == Tok::kFloat) {
      e.kind = Expr::Kind::kFloat;
      e.float_value = negated ? -t.float_value : t.float_value;
    } else {
      e.kind = Expr::Kind::kInt;
      e.int_value = checked_int(t, negated);
    }
    return e;
  }

  std::int64_t checked_int(const Token& t, bool negated) const {
    const std::int64_t limit = negated ? kInt32Max + 1 : kInt32Max;
    if (t.int_value > limit) {
      fail(t,
           "integer literal " + std::string(negated ? "-" : "") + std::string(t.text) +
               " does not fit in int32",
           "integers range from -2147483648 to 2147483647; write a float like 3e9 for larger "
           "values");
    }
    return negated ? -t.int_value : t.int_value;
  }

  Expr node(Expr::Kind kind, const Token& op, std::vector<Expr> args) {
    Expr e;
    e.kind = kind;
    e.op = op.kind;
    e.loc = loc(op);
    e.args = std::move(args);
    set_depth(&e);
    return e;
  }

  void set_depth(Expr* e) const {
    for (const Expr& a : e->args) e->depth = std::max(e->depth, a.depth + 1);
    check_depth(*e);
  }

  void check_depth(const Expr& e) const {
    if (e.depth > kMaxExprDepth) {
      throw Error(
          "expression nested too deeply (more than " + std::to_string(kMaxExprDepth) + " levels)",
          "split it into several statements", e.loc);
    }
  }

  const std::vector<Token>& toks_;
  const std::string& file_;
  std::size_t pos_ = 0;
  int active_depth_ = 0;
  int scan_depth_ = 0;
  Token gap_;  // a synthetic position for "missing `;`"
};

}  // namespace

ast::Function parse_tokens(const std::vector<Token>& tokens, const std::string& file) {
  return Parser(tokens, file).function();
}

ast::Expr parse_expression(const std::vector<Token>& tokens, const std::string& file) {
  return Parser(tokens, file).whole_expression();
}

}  // namespace tartan
