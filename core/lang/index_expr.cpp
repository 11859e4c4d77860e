#include "lang/index_expr.h"

#include <cstdlib>

namespace tartan {

namespace {

using ast::Expr;

[[noreturn]] void overflow(const Expr& e) {
  throw Error("integer overflow in a size expression", "sizes must stay below 2^30", e.loc);
}

[[noreturn]] void too_large(const Expr& e) {
  throw Error("index expression too large: its coefficients or offset exceed 2^30",
              "use smaller coefficients, offsets and sizes", e.loc);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

bool mentions_index(const Expr& e) {
  if (e.kind == Expr::Kind::kName && is_index_name(e.name)) return true;
  for (const Expr& a : e.args) {
    if (mentions_index(a)) return true;
  }
  return false;
}

void check_magnitude(const Affine& a, const Expr& e) {
  const auto big = [](std::int64_t v) {
    return v > kMaxAffineMagnitude || v < -kMaxAffineMagnitude;
  };
  bool bad = big(a.constant_term()) || big(a.denom());
  for (const auto& [v, c] : a.terms()) bad = bad || big(c);
  if (bad) too_large(e);
}

}  // namespace

bool is_index_name(const std::string& name) {
  const std::size_t i = name.find_first_not_of('_');
  return i != std::string::npos && name[i] >= 'a' && name[i] <= 'z';
}

std::int64_t eval_dim_expr(const Expr& e, const DimLookup& dims) {
  switch (e.kind) {
    case Expr::Kind::kInt:
      return e.int_value;
    case Expr::Kind::kName:
      if (is_index_name(e.name)) {
        throw Error("index variable " + e.name + " used in a size",
                    "sizes are made of dimension "
                    "names (uppercase) and integers, like N - 2",
                    e.loc);
      }
      return dims(ast::Name{e.name, e.loc});
    case Expr::Kind::kUnary:
      if (e.op == Tok::kMinus) {
        std::int64_t r;
        if (__builtin_sub_overflow(std::int64_t{0}, eval_dim_expr(e.args[0], dims), &r)) {
          overflow(e);
        }
        return r;
      }
      break;
    case Expr::Kind::kBinary: {
      const std::int64_t a = eval_dim_expr(e.args[0], dims);
      const std::int64_t b = eval_dim_expr(e.args[1], dims);
      std::int64_t r = 0;
      bool over = false;
      switch (e.op) {
        case Tok::kPlus:
          over = __builtin_add_overflow(a, b, &r);
          break;
        case Tok::kMinus:
          over = __builtin_sub_overflow(a, b, &r);
          break;
        case Tok::kStar:
          over = __builtin_mul_overflow(a, b, &r);
          break;
        case Tok::kSlash:
          if (b == 0) {
            throw Error("division by zero in a size expression", "divide by a nonzero size", e.loc);
          }
          if (a == INT64_MIN && b == -1) overflow(e);
          r = floor_div(a, b);
          break;
        default:
          throw Error("operator not allowed in a size expression",
                      "sizes use + - * / (floor division) and parentheses", e.loc);
      }
      if (over) overflow(e);
      return r;
    }
    default:
      break;
  }
  throw Error("expected a size expression (integers and dimension names with + - * /)", {}, e.loc);
}

std::int64_t eval_size(const Expr& e, const DimLookup& dims, const std::string& what) {
  const std::int64_t v = eval_dim_expr(e, dims);
  if (v < 1) {
    throw Error(what + " is " + std::to_string(v), "every size must be at least 1", e.loc);
  }
  if (v > kMaxDimSize) {
    throw Error(what + " is " + std::to_string(v) + ", too large", "sizes are limited to 2^30",
                e.loc);
  }
  return v;
}

int IndexScope::var(const std::string& name) {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i);
  }
  names_.push_back(name);
  return static_cast<int>(names_.size()) - 1;
}

void number_indices_by_first_use(Contraction* c) {
  std::vector<int> new_var(c->index_names.size(), -1);
  std::vector<std::string> names;
  const auto number = [&](const Affine& a) {
    for (const auto& [v, coeff] : a.terms()) {
      int& n = new_var.at(static_cast<std::size_t>(v));
      if (n >= 0) continue;
      n = static_cast<int>(names.size());
      names.push_back(c->index_names[static_cast<std::size_t>(v)]);
    }
  };
  const auto for_each_affine = [&](const auto& f) {
    for (Affine& a : c->output_indices) f(a);
    for (Access& in : c->inputs) {
      for (Affine& a : in.indices) f(a);
    }
    for (Constraint& k : c->constraints) f(k.expr);
  };
  for_each_affine(number);
  for_each_affine([&](Affine& a) { a = a.renumbered(new_var); });
  c->index_names = std::move(names);
}

Affine eval_affine(const Expr& e, const DimLookup& dims, IndexScope* scope) {
  Affine r;
  if (!mentions_index(e)) {
    const std::int64_t v = eval_dim_expr(e, dims);
    if (v > kMaxAffineMagnitude || v < -kMaxAffineMagnitude) too_large(e);
    return Affine::constant(v);
  }
  switch (e.kind) {
    case Expr::Kind::kName:
      return Affine::index(scope->var(e.name));
    case Expr::Kind::kUnary:
      if (e.op != Tok::kMinus) break;
      return -eval_affine(e.args[0], dims, scope);
    case Expr::Kind::kBinary: {
      const Expr& lhs = e.args[0];
      const Expr& rhs = e.args[1];
      if (e.op == Tok::kPlus || e.op == Tok::kMinus) {
        const Affine a = eval_affine(lhs, dims, scope);
        const Affine b = eval_affine(rhs, dims, scope);
        r = e.op == Tok::kPlus ? a + b : a - b;
      } else if (e.op == Tok::kStar) {
        if (mentions_index(lhs) && mentions_index(rhs)) {
          throw Error("index expression is not affine: it multiplies index variables",
                      "index expressions are sums of integer multiples of index variables, like "
                      "2*i + j",
                      e.loc);
        }
        const bool var_left = mentions_index(lhs);
        const Affine a = eval_affine(var_left ? lhs : rhs, dims, scope);
        const Affine k = eval_affine(var_left ? rhs : lhs, dims, scope);
        r = a * k.constant_term();
      } else if (e.op == Tok::kSlash) {
        if (mentions_index(rhs)) {
          throw Error("index expressions can only be divided by a constant",
                      "divide by an integer or a size, like (i + 1) / 2", rhs.loc);
        }
        const Affine a = eval_affine(lhs, dims, scope);
        const std::int64_t k = eval_affine(rhs, dims, scope).constant_term();
        if (k == 0) {
          throw Error("division by zero in an index expression", "divide by a nonzero integer",
                      e.loc);
        }
        r = a / k;
      } else {
        break;
      }
      check_magnitude(r, e);
      return r;
    }
    default:
      break;
  }
  throw Error("index expression is not affine",
              "index expressions use + - and multiplication or division by constants", e.loc);
}

}  // namespace tartan
