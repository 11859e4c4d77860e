#include "codegen/c_expr.h"

#include "codegen/kir/printer.h"

namespace tartan::cexpr {

kir::Expr numerator_expr(const Affine& a, const std::vector<std::string>& names) {
  kir::Expr s;
  for (const auto& [v, c] : a.terms()) {
    const kir::Expr name = kir::var(names[static_cast<std::size_t>(v)]);
    const kir::Expr term =
        (c == 1 || c == -1) ? name : kir::binary("*", kir::imm(c < 0 ? -c : c), name);
    if (!s) {
      s = c < 0 ? kir::unary("-", term) : term;
    } else {
      s = kir::binary(c < 0 ? "-" : "+", s, term);
    }
  }
  const std::int64_t k = a.constant_term();
  if (!s) return k < 0 ? kir::paren(kir::imm(k)) : kir::imm(k);
  if (k != 0) s = kir::binary(k < 0 ? "-" : "+", s, kir::imm(k < 0 ? -k : k));
  return kir::paren(s);
}

std::string numerator(const Affine& a, const std::vector<std::string>& names) {
  return kir::print(numerator_expr(a, names));
}

kir::Expr all_of(const std::vector<kir::Expr>& parts) {
  kir::Expr s;
  for (const kir::Expr& p : parts) {
    if (p) s = s ? kir::binary("&&", s, p) : p;
  }
  return s;
}

std::string all_of(const std::vector<std::string>& parts) {
  std::vector<kir::Expr> exprs;
  for (const std::string& p : parts) exprs.push_back(p.empty() ? nullptr : kir::verbatim(p));
  const kir::Expr all = all_of(exprs);
  return all ? kir::print(all) : "";
}

kir::Expr in_range(const kir::Expr& e, std::int64_t bound) {
  return kir::binary("&&", kir::binary(">=", e, kir::imm(0)), kir::binary("<", e, kir::imm(bound)));
}

namespace {

bool is_zero(const kir::Expr& e) {
  if (const auto* i = std::get_if<kir::IntImm>(&e->node)) return i->value == 0;
  if (const auto* v = std::get_if<kir::Verbatim>(&e->node)) return v->text == "0";
  return false;
}

}  // namespace

kir::Expr flat_offset(const std::vector<kir::Expr>& terms,
                      const std::vector<std::int64_t>& strides) {
  kir::Expr sum;
  for (std::size_t d = 0; d < terms.size(); ++d) {
    if (is_zero(terms[d])) continue;
    const kir::Expr term =
        strides[d] == 1 ? terms[d] : kir::binary("*", terms[d], kir::imm(strides[d]));
    sum = sum ? kir::binary("+", sum, term) : term;
  }
  return sum ? sum : kir::imm(0);
}

std::string flat_offset(const std::vector<std::string>& terms,
                        const std::vector<std::int64_t>& strides) {
  std::vector<kir::Expr> exprs;
  for (const std::string& t : terms) exprs.push_back(kir::verbatim(t));
  return kir::print(flat_offset(exprs, strides));
}

bool always_in_range(const Affine& e, std::int64_t bound,
                     const std::vector<std::pair<std::int64_t, std::int64_t>>& box) {
  if (e.denom() != 1 || bound <= 0) return false;
  std::int64_t lo = e.constant_term(), hi = e.constant_term();
  for (const auto& [v, c] : e.terms()) {
    const auto& [blo, bhi] = box[static_cast<std::size_t>(v)];
    lo += c * (c > 0 ? blo : bhi);
    hi += c * (c > 0 ? bhi : blo);
  }
  return lo >= 0 && hi < bound;
}

}  // namespace tartan::cexpr
