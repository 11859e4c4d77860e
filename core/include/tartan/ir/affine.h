// Affine index expressions of a contraction.
//
// value = (sum_k coeff_k * index_k + constant) / denom, with integer coefficients and a positive
// denominator. A denominator other than 1 comes from division in the source (`I[x / 2]`); an
// assignment of the index variables that makes the numerator indivisible is a "fractional
// solution" and is skipped, as PlaidML Tile does.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tartan {

class Affine {
 public:
  Affine() = default;
  static Affine constant(std::int64_t c);
  static Affine index(int var, std::int64_t coeff = 1);

  // Terms sorted by variable, no zero coefficients; normalised so that gcd(all, denom) == 1.
  const std::vector<std::pair<int, std::int64_t>>& terms() const { return terms_; }
  std::int64_t constant_term() const { return constant_; }
  std::int64_t denom() const { return denom_; }

  std::int64_t coeff(int var) const;  // 0 when absent
  bool is_constant() const { return terms_.empty(); }
  // True when the expression is exactly one variable with coefficient 1 and no offset.
  bool is_single_index(int* var = nullptr) const;

  Affine operator+(const Affine& o) const;
  Affine operator-(const Affine& o) const;
  Affine operator-() const;
  Affine operator*(std::int64_t k) const;
  Affine operator/(std::int64_t k) const;  // k != 0; a negative k flips all signs

  // The same expression with each variable v renamed to new_var[v] (distinct, >= 0).
  Affine renumbered(const std::vector<int>& new_var) const;

  // Evaluates at integer index values; returns false when the result is fractional.
  bool eval(const std::vector<std::int64_t>& index_values, std::int64_t* out) const;

  bool operator==(const Affine&) const = default;

 private:
  void normalize();
  std::vector<std::pair<int, std::int64_t>> terms_;
  std::int64_t constant_ = 0;
  std::int64_t denom_ = 1;
};

// "2*i + j - 1", "(i + 1)/2"; names[var] gives each variable's name.
std::string affine_str(const Affine& a, const std::vector<std::string>& names);

}  // namespace tartan
